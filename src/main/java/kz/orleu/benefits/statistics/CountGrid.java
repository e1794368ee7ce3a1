package kz.orleu.benefits.statistics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Every count of the workbook on one grid, a row per {@link RegionLine} and a column per count, suppressed in one
 * go. A number that appears on two sheets (the members of CCA families are the total of the Summary and of the
 * Composition, the families assessed head both the Summary and the Changes) is one cell here, so it is shown or
 * suppressed alike on both, and no sheet gives back what another one hides.
 */
final class CountGrid {

    static final int CATEGORIES = Category.values().length;
    static final int SUMMARY = 0;
    static final int CCA_CATEGORIES = SUMMARY + QuarterStatistics.Summary.COUNTS;
    static final int ASP_CATEGORIES = CCA_CATEGORIES + CATEGORIES;
    static final int CHANGES = ASP_CATEGORIES + CATEGORIES;
    static final int COMPLIANCE = CHANGES + QuarterStatistics.Changes.COUNTS;
    static final int ADJUSTMENTS = COMPLIANCE + QuarterStatistics.Compliance.COUNTS;
    static final int WIDTH = ADJUSTMENTS + QuarterStatistics.Adjustments.COUNTS;

    final List<RegionLine> lines;
    final int threshold;
    private final long[][] counts;
    private final boolean[][] hidden;

    private CountGrid(List<RegionLine> lines, int threshold, long[][] counts, boolean[][] hidden) {
        this.lines = lines;
        this.threshold = threshold;
        this.counts = counts;
        this.hidden = hidden;
    }

    static CountGrid of(QuarterStatistics statistics, int threshold) {
        Map<String, long[]> byRegion = new HashMap<>();
        copy(byRegion, statistics.summary().counts(), SUMMARY);
        copy(byRegion, statistics.ccaComposition(), CCA_CATEGORIES);
        copy(byRegion, statistics.aspComposition(), ASP_CATEGORIES);
        copy(byRegion, statistics.changes().counts(), CHANGES);
        copy(byRegion, statistics.compliance().counts(), COMPLIANCE);
        copy(byRegion, statistics.adjustments().counts(), ADJUSTMENTS);
        long[][] counts = RegionGrid.counts(statistics.lines(), WIDTH, byRegion);
        boolean[][] hidden = Suppression.apply(counts, threshold,
                RegionGrid.relations(statistics.lines(), WIDTH, rowGroups()));
        return new CountGrid(statistics.lines(), threshold, counts, hidden);
    }

    /** The additive groups within a row: parts, then their total. */
    static List<int[]> rowGroups() {
        List<int[]> groups = new ArrayList<>();
        groups.add(new int[] {SUMMARY + QuarterStatistics.Summary.ASP_FAMILIES,
                SUMMARY + QuarterStatistics.Summary.CCA_FAMILIES,
                SUMMARY + QuarterStatistics.Summary.RECIPIENT_FAMILIES});
        groups.add(new int[] {SUMMARY + QuarterStatistics.Summary.ASP_MEMBERS,
                SUMMARY + QuarterStatistics.Summary.CCA_MEMBERS,
                SUMMARY + QuarterStatistics.Summary.RECIPIENT_MEMBERS});
        groups.add(withTotal(range(CCA_CATEGORIES, CATEGORIES), SUMMARY + QuarterStatistics.Summary.CCA_MEMBERS));
        groups.add(withTotal(range(ASP_CATEGORIES, CATEGORIES), SUMMARY + QuarterStatistics.Summary.ASP_MEMBERS));
        groups.add(withTotal(range(CHANGES + QuarterStatistics.Changes.NEW, 4),
                SUMMARY + QuarterStatistics.Summary.ASSESSED));
        groups.add(withTotal(range(CHANGES + QuarterStatistics.Changes.BY_DISTANCE, PovertyTrap.BANDS),
                CHANGES + QuarterStatistics.Changes.LOST_ASP));
        groups.add(withTotal(range(COMPLIANCE + QuarterStatistics.Compliance.BY_KIND,
                QuarterStatistics.Compliance.KINDS.size()), COMPLIANCE + QuarterStatistics.Compliance.FINDINGS));
        groups.add(withTotal(range(COMPLIANCE + QuarterStatistics.Compliance.BY_OBLIGATION,
                QuarterStatistics.Compliance.OBLIGATION_KINDS.size()),
                COMPLIANCE + QuarterStatistics.Compliance.FINDINGS));
        for (int measure : QuarterStatistics.Adjustments.MEASURES) {
            // each family under one benefit: ASP and CCA add up to the measure's total
            groups.add(new int[] {ADJUSTMENTS + measure + QuarterStatistics.Adjustments.ASP,
                    ADJUSTMENTS + measure + QuarterStatistics.Adjustments.CCA,
                    ADJUSTMENTS + measure + QuarterStatistics.Adjustments.TOTAL});
        }
        return groups;
    }

    long value(int row, int column) {
        return counts[row][column];
    }

    boolean hidden(int row, int... columns) {
        for (int column : columns) {
            if (hidden[row][column]) {
                return true;
            }
        }
        return false;
    }

    /** A count as shown: the number, or the suppression mark. */
    Value count(int row, int column) {
        return hidden[row][column] ? Value.suppressed() : Value.count(counts[row][column]);
    }

    /** The share of one count in another, hidden when either is. */
    Value share(int row, int part, int whole) {
        return hidden(row, part, whole) ? Value.suppressed() : Value.shareOf(counts[row][part], counts[row][whole]);
    }

    private static void copy(Map<String, long[]> into, Map<String, long[]> from, int offset) {
        from.forEach((region, values) -> {
            long[] row = into.computeIfAbsent(region, k -> new long[WIDTH]);
            System.arraycopy(values, 0, row, offset, values.length);
        });
    }

    private static int[] range(int from, int length) {
        return IntStream.range(from, from + length).toArray();
    }

    private static int[] withTotal(int[] parts, int total) {
        int[] group = new int[parts.length + 1];
        System.arraycopy(parts, 0, group, 0, parts.length);
        group[parts.length] = total;
        return group;
    }
}
