package kz.orleu.benefits.generator;

import java.util.Map;

/**
 * Subsistence-minimum values the generator writes. The three pilot regions in 2016Q1 and 2016Q2 use the values of
 * the worked examples; anything else is a plausible figure derived from the national budget-law value of the year
 * (domain.md) and a fixed regional factor. These are test data, not official statistics.
 */
final class SubsistenceMinimum {

    private static final Map<String, Long> KNOWN = Map.of(
        "11/2016Q1", 2_210_000L, "31/2016Q1", 2_150_000L, "63/2016Q1", 2_300_000L,
        "11/2016Q2", 2_240_000L, "31/2016Q2", 2_170_000L, "63/2016Q2", 2_335_000L);

    private static final Map<Integer, Double> REGION_FACTOR = Map.ofEntries(
        Map.entry(11, 0.967), Map.entry(15, 0.985), Map.entry(19, 0.960), Map.entry(23, 1.080),
        Map.entry(27, 1.000), Map.entry(31, 0.940), Map.entry(35, 1.010), Map.entry(39, 0.990),
        Map.entry(43, 0.970), Map.entry(47, 1.150), Map.entry(51, 0.930), Map.entry(55, 0.980),
        Map.entry(59, 0.975), Map.entry(63, 1.006), Map.entry(71, 1.120), Map.entry(75, 1.085));

    private static final int[] YEARS = {2014, 2015, 2016, 2017, 2018, 2019};
    private static final int[] NATIONAL = {19_966, 21_364, 22_859, 24_459, 28_284, 29_698};

    private SubsistenceMinimum() {
    }

    /** Monthly amount in tiyn (hundredths of a tenge). */
    static long cents(int region, QuarterMonths q) {
        Long known = KNOWN.get(region + "/" + q);
        if (known != null) {
            return known;
        }
        double national;
        if (q.year() < YEARS[0]) {
            national = NATIONAL[0] / Math.pow(1.05, YEARS[0] - q.year());
        } else if (q.year() > YEARS[YEARS.length - 1]) {
            national = NATIONAL[NATIONAL.length - 1] * Math.pow(1.05, q.year() - YEARS[YEARS.length - 1]);
        } else {
            national = NATIONAL[q.year() - YEARS[0]];
        }
        double quarterFactor = 0.985 + 0.01 * (q.quarter() - 1);
        long tenge = Math.round(national * REGION_FACTOR.getOrDefault(region, 1.0) * quarterFactor / 10.0) * 10;
        return tenge * 100;
    }
}
