package kz.orleu.benefits.entitlement;

import kz.orleu.benefits.codes.PaymentMode;
import kz.orleu.benefits.codes.ContractStatus;
import java.time.YearMonth;

/**
 * A social contract as it bears on payments: the months it runs, how CCA is paid, its status, and the month from
 * which this system terminated it for non-compliance (null when it did not).
 */
public record ContractTerm(String contractId, YearMonth startMonth, YearMonth endMonth, PaymentMode mode,
        ContractStatus status, YearMonth terminatedFrom) {

    /** Why a contract is not in force in a month, for a decision record; the first that applies. */
    public enum OutOfForce { DECLINED, UNDATED, BEFORE_START, AFTER_END, TERMINATED_BY_THIS_SYSTEM }

    /**
     * In force from its start month through its end month for ACTIVE, COMPLETED and TERMINATED (whose end date
     * is the termination), never for DECLINED, and no longer once this system has terminated it. The twin of
     * {@code facts/contracts.sql}; FactsAgreementTest keeps the two in step.
     */
    public boolean inForce(YearMonth month) {
        return outOfForce(month) == null;
    }

    /** Null when the contract is in force in the month; otherwise the reason it is not. */
    public OutOfForce outOfForce(YearMonth month) {
        if (status == ContractStatus.DECLINED) {
            return OutOfForce.DECLINED;
        }
        if (startMonth == null || endMonth == null) {
            return OutOfForce.UNDATED;
        }
        if (month.isBefore(startMonth)) {
            return OutOfForce.BEFORE_START;
        }
        if (month.isAfter(endMonth)) {
            return OutOfForce.AFTER_END;
        }
        if (terminatedFrom != null && !month.isBefore(terminatedFrom)) {
            return OutOfForce.TERMINATED_BY_THIS_SYSTEM;
        }
        return null;
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
