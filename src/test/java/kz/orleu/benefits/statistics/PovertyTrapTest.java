package kz.orleu.benefits.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import kz.orleu.benefits.entitlement.Benefit;
import kz.orleu.benefits.entitlement.Decision;
import org.junit.jupiter.api.Test;

class PovertyTrapTest {

    private static final BigDecimal LINE = new BigDecimal("8680.00");

    @Test
    void kasenFamilyLosesAspAboveTheLine() {
        // F000001 in 2016Q3: per-capita 9,000.00 above 2016Q2's ASP line 8,680.00, below the CCA line, no contract
        assertThat(PovertyTrap.applies(Benefit.ASP, Benefit.NONE, Decision.CCA_CANDIDATE, new BigDecimal("9000.00"),
                LINE)).isTrue();
        assertThat(PovertyTrap.applies(Benefit.ASP, Benefit.NONE, Decision.ABOVE_LINE, LINE, LINE))
                .as("exactly on the line is not eligible, so it is above it").isTrue();
    }

    @Test
    void otherWaysOfLosingAspAreNotTheTrap() {
        assertThat(PovertyTrap.applies(Benefit.ASP, Benefit.NONE, Decision.NO_DECLARATION, null, null)).isFalse();
        assertThat(PovertyTrap.applies(Benefit.ASP, Benefit.CCA, Decision.CCA, new BigDecimal("9000"), LINE)).isFalse();
        assertThat(PovertyTrap.applies(Benefit.CCA, Benefit.NONE, Decision.ABOVE_LINE, new BigDecimal("20000"), LINE))
                .isFalse();
    }

    @Test
    void distanceBandsAreClosedBelowAndOpenAbove() {
        // 9,000 - 8,680 = 320, 320 / 8,680 = 3.7 %
        assertThat(PovertyTrap.band(new BigDecimal("0.037"))).isZero();
        assertThat(PovertyTrap.band(new BigDecimal("0.10"))).isEqualTo(1);
        assertThat(PovertyTrap.band(new BigDecimal("0.2499"))).isEqualTo(1);
        assertThat(PovertyTrap.band(new BigDecimal("0.25"))).isEqualTo(2);
        assertThat(PovertyTrap.band(new BigDecimal("3"))).isEqualTo(3);
        assertThat(PovertyTrap.bandLabel(0)).isEqualTo("under 10 %");
        assertThat(PovertyTrap.bandLabel(1)).isEqualTo("10 % to under 25 %");
        assertThat(PovertyTrap.bandLabel(3)).isEqualTo("50 % or more");
    }
}
