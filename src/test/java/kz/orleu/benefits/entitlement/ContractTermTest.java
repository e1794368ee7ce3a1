package kz.orleu.benefits.entitlement;

import kz.orleu.benefits.codes.ContractStatus;
import kz.orleu.benefits.codes.PaymentMode;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/**
 * When a contract is in force ({@code contracts.md}, "Month by month"): from its start month through its end month
 * for ACTIVE, COMPLETED and TERMINATED, never for DECLINED, and no longer once this system terminated it.
 */
class ContractTermTest {

    private static ContractTerm term(String start, String end, ContractStatus status, String terminatedFrom) {
        return new ContractTerm("C1", YearMonth.parse(start), YearMonth.parse(end), PaymentMode.MONTHLY, status,
                terminatedFrom == null ? null : YearMonth.parse(terminatedFrom));
    }

    @Test
    void contractIsInForceFromItsStartMonthThroughItsEndMonth() {
        // 2016-03-01..2016-08-31
        ContractTerm c = term("2016-03", "2016-08", ContractStatus.ACTIVE, null);

        assertThat(c.inForce(YearMonth.of(2016, 2))).isFalse();
        assertThat(c.inForce(YearMonth.of(2016, 3))).isTrue();
        assertThat(c.inForce(YearMonth.of(2016, 8))).isTrue();
        assertThat(c.inForce(YearMonth.of(2016, 9))).isFalse();
    }

    @Test
    void completedAndTerminatedContractsAreInForceThroughTheirEndMonth() {
        // for TERMINATED the end date is the termination
        assertThat(term("2016-01", "2016-04", ContractStatus.COMPLETED, null).inForce(YearMonth.of(2016, 4))).isTrue();
        assertThat(term("2016-01", "2016-04", ContractStatus.TERMINATED, null).inForce(YearMonth.of(2016, 4)))
                .isTrue();
        assertThat(term("2016-01", "2016-04", ContractStatus.TERMINATED, null).inForce(YearMonth.of(2016, 5)))
                .isFalse();
    }

    @Test
    void declinedContractIsNeverInForceEvenWithDates() {
        ContractTerm c = term("2016-01", "2016-12", ContractStatus.DECLINED, null);

        assertThat(c.inForce(YearMonth.of(2016, 4))).isFalse();
        assertThat(c.declined()).isTrue();
        assertThat(c.terminated()).isFalse();
    }

    @Test
    void declinedContractWithoutDatesIsNeverInForce() {
        ContractTerm c = new ContractTerm("C1", null, null, PaymentMode.MONTHLY, ContractStatus.DECLINED, null);

        assertThat(c.inForce(YearMonth.of(2016, 4))).isFalse();
    }

    @Test
    void contractTerminatedByThisSystemIsNotInForceFromTheFirstMonthOfThatBenefitQuarterOn() {
        // F000018: contract 2016-01..2016-12, input still ACTIVE, terminated in the 2016Q3 run → from 2016-07
        ContractTerm c = term("2016-01", "2016-12", ContractStatus.ACTIVE, "2016-07");

        assertThat(c.inForce(YearMonth.of(2016, 6))).isTrue();
        assertThat(c.inForce(YearMonth.of(2016, 7))).isFalse();
        assertThat(c.inForce(YearMonth.of(2016, 9))).isFalse();
        assertThat(c.inForce(YearMonth.of(2016, 12))).isFalse();
        assertThat(c.terminated()).isTrue();
    }

    @Test
    void contractWithStatusTerminatedCountsAsTerminatedWhateverItsDates() {
        assertThat(term("2015-01", "2015-03", ContractStatus.TERMINATED, null).terminated()).isTrue();
        assertThat(term("2016-01", "2016-06", ContractStatus.ACTIVE, null).terminated()).isFalse();
        assertThat(term("2016-01", "2016-06", ContractStatus.COMPLETED, null).terminated()).isFalse();
    }

    @Test
    void monthIndexCountsFromTheStartMonthAcrossYears() {
        // start 2015-11: 2015-11 → 0, 2015-12 → 1, 2016-01 → 2, 2016-02 → 3
        ContractTerm c = term("2015-11", "2016-04", ContractStatus.ACTIVE, null);

        assertThat(c.monthIndex(YearMonth.of(2015, 11))).isZero();
        assertThat(c.monthIndex(YearMonth.of(2015, 12))).isEqualTo(1);
        assertThat(c.monthIndex(YearMonth.of(2016, 1))).isEqualTo(2);
        assertThat(c.monthIndex(YearMonth.of(2016, 2))).isEqualTo(3);
    }

    @Test
    void aContractOutOfForceSaysWhyInTheOrderACaseworkerNeedsIt() {
        ContractTerm c = term("2016-03", "2016-08", ContractStatus.ACTIVE, "2016-07");

        assertThat(c.outOfForce(YearMonth.of(2016, 2))).isEqualTo(ContractTerm.OutOfForce.BEFORE_START);
        assertThat(c.outOfForce(YearMonth.of(2016, 6))).isNull();
        assertThat(c.outOfForce(YearMonth.of(2016, 7))).isEqualTo(ContractTerm.OutOfForce.TERMINATED_BY_THIS_SYSTEM);
        assertThat(c.outOfForce(YearMonth.of(2016, 9))).isEqualTo(ContractTerm.OutOfForce.AFTER_END);
        assertThat(term("2016-03", "2016-08", ContractStatus.DECLINED, null).outOfForce(YearMonth.of(2016, 4)))
                .isEqualTo(ContractTerm.OutOfForce.DECLINED);
    }
}
