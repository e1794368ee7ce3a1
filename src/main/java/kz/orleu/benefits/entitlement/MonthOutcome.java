package kz.orleu.benefits.entitlement;

import java.time.YearMonth;

/**
 * What one month of the benefit quarter is for a family and why ({@code contracts.md}, "Month by month in the
 * benefit quarter"): the calculator pays from these, and a decision record prints them, so the two cannot
 * disagree. {@code contract} is the contract in force (null when none is); {@code payment} is null when nothing
 * is paid that month.
 */
public record MonthOutcome(YearMonth month, Reason reason, ContractTerm contract, Payment payment) {

    public enum Reason {
        /** A LUMP_SUM contract's start month: three months paid at once. */
        LUMP_SUM_PAID,
        /** The second or third month of a LUMP_SUM contract: covered by the lump sum, nothing more paid. */
        LUMP_SUM_COVERED,
        /** A contract in force and the family below the CCA line: CCA paid for the month. */
        CCA_MONTHLY,
        /** A contract in force, but the family not below the CCA line: nothing paid (no ASP either). */
        CONTRACT_IN_FORCE_NOT_BELOW_CCA_LINE,
        /** No contract in force and the family below the ASP line. */
        ASP_MONTHLY,
        /** No contract in force and the family not below the ASP line. */
        NOT_BELOW_ASP_LINE,
        /** INCOMPLETE_DATA or NO_DECLARATION: the family was not computed. */
        NOT_COMPUTED
    }

    /** A CCA month in the sense of the rule book, paid this month or not. */
    public boolean ccaMonth() {
        return reason == Reason.LUMP_SUM_PAID || reason == Reason.LUMP_SUM_COVERED || reason == Reason.CCA_MONTHLY;
    }
}
