package kz.orleu.benefits.entitlement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Change codes of {@code contracts.md}: NEW (paid now, not paid or absent before), STOPPED (paid before, not now),
 * CHANGED (paid both times, another benefit or monthly amount), UNCHANGED otherwise. "Paid" is ASP or CCA.
 */
class ChangeTest {

    @Test
    void paidNowWithNothingBeforeIsNew() {
        // nothing before: previous benefit null (the previous quarter was never run, or the family was absent)
        assertThat(Change.between(null, 0, Benefit.ASP, 28_000)).isEqualTo(Change.NEW);
    }

    @Test
    void paidNowAndNotPaidBeforeIsNew() {
        // F000002: CCA_CANDIDATE (NONE) in 2016Q2, ASP 400 in 2016Q3
        assertThat(Change.between(Benefit.NONE, 0, Benefit.ASP, 400)).isEqualTo(Change.NEW);
        assertThat(Change.between(Benefit.NONE, 0, Benefit.CCA, 55_500)).isEqualTo(Change.NEW);
    }

    @Test
    void paidBeforeAndNotNowIsStopped() {
        // F000001: ASP 28,000 in 2016Q2, CCA_CANDIDATE in 2016Q3
        assertThat(Change.between(Benefit.ASP, 28_000, Benefit.NONE, 0)).isEqualTo(Change.STOPPED);
        assertThat(Change.between(Benefit.CCA, 41_400, Benefit.NONE, 0)).isEqualTo(Change.STOPPED);
    }

    @Test
    void paidBothTimesWithAnotherBenefitIsChanged() {
        // same amount, CCA instead of ASP: the benefit alone makes it CHANGED
        assertThat(Change.between(Benefit.ASP, 28_000, Benefit.CCA, 28_000)).isEqualTo(Change.CHANGED);
        // F000018: CCA 48,267 in 2016Q2, ASP_CONTRACT_TERMINATED 31,387 in 2016Q3
        assertThat(Change.between(Benefit.CCA, 48_267, Benefit.ASP, 31_387)).isEqualTo(Change.CHANGED);
    }

    @Test
    void paidBothTimesWithAnotherMonthlyAmountIsChanged() {
        // F000004: ASP 26,520 in 2016Q2, ASP 26,880 in 2016Q3; one tenge is enough
        assertThat(Change.between(Benefit.ASP, 26_520, Benefit.ASP, 26_880)).isEqualTo(Change.CHANGED);
        assertThat(Change.between(Benefit.ASP, 26_520, Benefit.ASP, 26_519)).isEqualTo(Change.CHANGED);
    }

    @Test
    void paidBothTimesTheSameBenefitAndAmountIsUnchanged() {
        assertThat(Change.between(Benefit.ASP, 26_520, Benefit.ASP, 26_520)).isEqualTo(Change.UNCHANGED);
        assertThat(Change.between(Benefit.CCA, 32_533, Benefit.CCA, 32_533)).isEqualTo(Change.UNCHANGED);
    }

    @Test
    void unpaidBothTimesIsUnchanged() {
        // F000011: ABOVE_LINE in both quarters; also nothing before and nothing now
        assertThat(Change.between(Benefit.NONE, 0, Benefit.NONE, 0)).isEqualTo(Change.UNCHANGED);
        assertThat(Change.between(null, 0, Benefit.NONE, 0)).isEqualTo(Change.UNCHANGED);
    }
}
