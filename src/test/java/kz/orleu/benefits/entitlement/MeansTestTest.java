package kz.orleu.benefits.entitlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The arithmetic of {@code domain.md}, "Arithmetic": lines, per-capita income, eligibility, monthly amounts. */
class MeansTestTest {

    private static BigDecimal tenge(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void linesAreTheSubsistenceMinimumTimesTheShareAtTwoDecimals() {
        // Zhambyl 2016Q1: SM 21,500.00 × 0.40 = 8,600.00 (ASP), × 0.60 = 12,900.00 (CCA)
        assertThat(MeansTest.line(tenge("21500.00"), tenge("0.40"))).isEqualByComparingTo("8600.00")
                .hasScaleOf(2);
        assertThat(MeansTest.line(tenge("21500.00"), tenge("0.60"))).isEqualByComparingTo("12900.00");
    }

    @Test
    void aLineIsRoundedHalfUpToTwoDecimals() {
        // SM 21,364.45 × 0.40 = 8,545.780 → 8,545.78; SM 21,364.15 × 0.70 = 14,954.905 → 14,954.91 (HALF_UP, not
        // HALF_EVEN which would give 14,954.90)
        assertThat(MeansTest.line(tenge("21364.45"), tenge("0.40"))).isEqualTo(tenge("8545.78"));
        assertThat(MeansTest.line(tenge("21364.15"), tenge("0.70"))).isEqualTo(tenge("14954.91"));
    }

    @Test
    void perCapitaIsTheQuarterIncomeOverThreeMonthsAndTheMembers() {
        // F000001: 5 members, 15,000 × 3 months = 45,000 → 45,000 / 3 / 5 = 3,000.00
        assertThat(MeansTest.perCapita(tenge("45000.00"), 5)).isEqualTo(tenge("3000.00"));
        // the rule book's check: 6 members, 180,000 → 10,000.00
        assertThat(MeansTest.perCapita(tenge("180000"), 6)).isEqualTo(tenge("10000.00"));
    }

    @Test
    void perCapitaIsOneRoundingOfTheExactQuotientNotTwo() {
        // 4 members, 10,000.49 in the quarter:
        //   one rounding:  10,000.49 / 12 = 833.374166… → 833.37
        //   two roundings: 10,000.49 / 3 = 3,333.4966… → 3,333.50, / 4 = 833.375 → 833.38 (wrong)
        assertThat(MeansTest.perCapita(tenge("10000.49"), 4)).isEqualTo(tenge("833.37"));
        // 2 members, 10,001.00: 10,001 / 6 = 1,666.8333… → 1,666.83 (not 3,333.67 / 2 = 1,666.835 → 1,666.84)
        assertThat(MeansTest.perCapita(tenge("10001.00"), 2)).isEqualTo(tenge("1666.83"));
    }

    @Test
    void perCapitaRoundsHalfUp() {
        // 2 members, 0.03 in the quarter: 0.03 / 6 = 0.005 → 0.01 (HALF_UP; HALF_EVEN and DOWN would give 0.00)
        assertThat(MeansTest.perCapita(tenge("0.03"), 2)).isEqualTo(tenge("0.01"));
        // F000006: 4 members, 68,000 → 5,666.666… → 5,666.67 (up), F000009: 5 members 5,000 → 333.333… → 333.33
        assertThat(MeansTest.perCapita(tenge("68000"), 4)).isEqualTo(tenge("5666.67"));
        assertThat(MeansTest.perCapita(tenge("5000"), 5)).isEqualTo(tenge("333.33"));
    }

    @Test
    void perCapitaExactlyOnTheLineIsNotBelowIt() {
        // F000002: 5 members, 129,000 → 8,600.00 = ASP line 8,600.00: equal is not eligible
        assertThat(MeansTest.below(tenge("8600.00"), tenge("8600.00"))).isFalse();
        assertThat(MeansTest.below(tenge("8600"), tenge("8600.00"))).as("scale does not matter").isFalse();
    }

    @Test
    void perCapitaOneTiynBelowTheLineIsBelowIt() {
        // 8,599.99 < 8,600.00
        assertThat(MeansTest.below(tenge("8599.99"), tenge("8600.00"))).isTrue();
        assertThat(MeansTest.below(tenge("8600.01"), tenge("8600.00"))).isFalse();
    }

    @Test
    void monthlyIsTheGapToTheLineTimesTheMembersInWholeTenge() {
        // F000001: (8,600.00 − 3,000.00) × 5 = 28,000
        assertThat(MeansTest.monthly(tenge("8600.00"), tenge("3000.00"), 5)).isEqualTo(28_000L);
        // the rule book's check: (14,849 − 10,000) × 6 = 29,094
        assertThat(MeansTest.monthly(tenge("14849"), tenge("10000.00"), 6)).isEqualTo(29_094L);
    }

    @Test
    void monthlyIsRoundedHalfUpToWholeTenge() {
        // 2 members, per-capita 3,000.75: (8,600.00 − 3,000.75) × 2 = 11,198.50 → 11,199
        // (HALF_EVEN, HALF_DOWN, DOWN and FLOOR would all give 11,198)
        assertThat(MeansTest.monthly(tenge("8600.00"), tenge("3000.75"), 2)).isEqualTo(11_199L);
        // F000006: (13,800.00 − 5,666.67) × 4 = 32,533.32 → 32,533 (UP and CEILING would give 32,534)
        assertThat(MeansTest.monthly(tenge("13800.00"), tenge("5666.67"), 4)).isEqualTo(32_533L);
        // F000003: (8,600.00 − 8,599.33) × 5 = 3.35 → 3
        assertThat(MeansTest.monthly(tenge("8600.00"), tenge("8599.33"), 5)).isEqualTo(3L);
    }
}
