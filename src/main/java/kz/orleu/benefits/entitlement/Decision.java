package kz.orleu.benefits.entitlement;

/** Decision codes of {@code contracts.md}, in the order in which they are tried (first match wins). */
public enum Decision {
    INCOMPLETE_DATA,
    NO_DECLARATION,
    CCA_LUMP_SUM,
    CCA,
    ASP_CONTRACT_TERMINATED,
    ASP_CONTRACT_DECLINED,
    ASP,
    CCA_CANDIDATE,
    ABOVE_LINE
}
