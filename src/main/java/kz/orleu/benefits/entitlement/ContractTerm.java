package kz.orleu.benefits.entitlement;

import java.time.YearMonth;

/**
 * A social contract as it bears on payments: the months it runs, how CCA is paid, its status, and the month from
 * which this system terminated it for non-compliance (null when it did not).
 */
public record ContractTerm(String contractId, YearMonth startMonth, YearMonth endMonth, PaymentMode mode,
        ContractStatus status, YearMonth terminatedFrom) {

    public enum PaymentMode { MONTHLY, LUMP_SUM }

    public enum ContractStatus { ACTIVE, COMPLETED, TERMINATED, DECLINED }

    /**
     * In force from its start month through its end month for ACTIVE, COMPLETED and TERMINATED (whose end date
     * is the termination), never for DECLINED, and no longer once this system has terminated it.
     */
    public boolean inForce(YearMonth month) {
        return status != ContractStatus.DECLINED
                && startMonth != null && endMonth != null
                && !month.isBefore(startMonth) && !month.isAfter(endMonth)
                && (terminatedFrom == null || month.isBefore(terminatedFrom));
    }

    /** Terminated by the department (status) or by this system's sanction ladder. */
    public boolean terminated() {
        return status == ContractStatus.TERMINATED || terminatedFrom != null;
    }

    public boolean declined() {
        return status == ContractStatus.DECLINED;
    }

    /** 0 for the start month, 1 for the next, and so on. */
    public int monthIndex(YearMonth month) {
        return (int) (month.getYear() * 12L + month.getMonthValue() - startMonth.getYear() * 12L
                - startMonth.getMonthValue());
    }
}
