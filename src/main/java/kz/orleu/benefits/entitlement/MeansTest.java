package kz.orleu.benefits.entitlement;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The arithmetic of {@code domain.md}: lines at 2 decimals, per-capita income with one rounding of the exact
 * quotient, eligibility strictly below a line, and whole-tenge monthly amounts.
 */
public final class MeansTest {

    private static final BigDecimal THREE = BigDecimal.valueOf(3);

    private MeansTest() {
    }

    /** {@code SM × share}, kept at 2 decimals, HALF_UP. */
    public static BigDecimal line(BigDecimal subsistenceMinimum, BigDecimal share) {
        return subsistenceMinimum.multiply(share).setScale(2, RoundingMode.HALF_UP);
    }

    /** {@code round(total / (3 × members), 2, HALF_UP)}: one rounding, never two. */
    public static BigDecimal perCapita(BigDecimal countedIncome, int members) {
        return countedIncome.divide(THREE.multiply(BigDecimal.valueOf(members)), 2, RoundingMode.HALF_UP);
    }

    public static boolean below(BigDecimal perCapita, BigDecimal line) {
        return perCapita.compareTo(line) < 0;
    }

    /** {@code round((line − perCapita) × members, 0, HALF_UP)}, for a family below the line. */
    public static long monthly(BigDecimal line, BigDecimal perCapita, int members) {
        return line.subtract(perCapita).multiply(BigDecimal.valueOf(members))
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
