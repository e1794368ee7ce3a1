package kz.orleu.benefits.declaration;

/** Something worth a look that does not make a row unusable. Stored and written to {@code warnings.csv}. */
public enum WarningReason {
    UNKNOWN_COLUMN,
    BLANK_LINE,
    IIN_BIRTH_DATE_MISMATCH,
    SPENDING_PURPOSE_ON_OTHER_OBLIGATION,
    NO_MEMBER_COUNTED,
    OBLIGATION_OF_EXEMPT_MEMBER,
    OBLIGATION_OF_MEMBER_NOT_COUNTED,
    MONITORING_NOT_IN_PLAN,
    MONITORING_OUTSIDE_CONTRACT,
    MONITORING_MEMBER_NOT_IN_FAMILY
}
