package kz.orleu.benefits.statistics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Values of a regional table laid out on its {@link RegionLine}s: region rows from the per-region aggregates,
 * the pilot subtotal and the republic row from the region rows (so every total is the sum of what it totals),
 * and the additive relations that {@link Suppression} protects.
 */
final class RegionGrid {

    private RegionGrid() {
    }

    /** Counts by line; regions without a value count zero. */
    static long[][] counts(List<RegionLine> lines, int columns, Map<String, long[]> byRegion) {
        long[][] grid = new long[lines.size()][columns];
        for (int r = 0; r < lines.size(); r++) {
            RegionLine line = lines.get(r);
            if (line.isRegion()) {
                long[] values = byRegion.get(line.code());
                if (values != null) {
                    System.arraycopy(values, 0, grid[r], 0, columns);
                }
            }
        }
        for (int r = 0; r < lines.size(); r++) {
            if (!lines.get(r).isRegion()) {
                for (int part : partsOf(lines, r)) {
                    for (int c = 0; c < columns; c++) {
                        grid[r][c] += grid[part][c];
                    }
                }
            }
        }
        return grid;
    }

    /** Sums by line (money, sums of ratios); the totals add up the regions. */
    static BigDecimal[][] sums(List<RegionLine> lines, int columns, Map<String, BigDecimal[]> byRegion) {
        return combine(lines, columns, byRegion, BigDecimal::add);
    }

    private static BigDecimal[][] combine(List<RegionLine> lines, int columns, Map<String, BigDecimal[]> byRegion,
            java.util.function.BinaryOperator<BigDecimal> combiner) {
        BigDecimal[][] grid = new BigDecimal[lines.size()][columns];
        for (int r = 0; r < lines.size(); r++) {
            RegionLine line = lines.get(r);
            BigDecimal[] values = line.isRegion() ? byRegion.get(line.code()) : null;
            for (int c = 0; c < columns; c++) {
                grid[r][c] = values == null ? null : values[c];
            }
        }
        for (int r = 0; r < lines.size(); r++) {
            if (!lines.get(r).isRegion()) {
                for (int c = 0; c < columns; c++) {
                    BigDecimal total = null;
                    for (int part : partsOf(lines, r)) {
                        BigDecimal value = grid[part][c];
                        if (value != null) {
                            total = total == null ? value : combiner.apply(total, value);
                        }
                    }
                    grid[r][c] = total;
                }
            }
        }
        return grid;
    }

    /**
     * The additive relations of a table: within every row, each group of part columns adds up to its total column
     * ({@code rowGroups}: the parts, then the total last); within every column, the pilot regions add up to their
     * subtotal, all regions to the republic, and so do the pilot subtotal and the other regions.
     */
    static List<Suppression.Relation> relations(List<RegionLine> lines, int columns, List<int[]> rowGroups) {
        List<Suppression.Relation> relations = new ArrayList<>();
        for (int r = 0; r < lines.size(); r++) {
            for (int[] group : rowGroups) {
                List<Suppression.Cell> parts = new ArrayList<>();
                for (int i = 0; i < group.length - 1; i++) {
                    parts.add(new Suppression.Cell(r, group[i]));
                }
                relations.add(new Suppression.Relation(parts, new Suppression.Cell(r, group[group.length - 1])));
            }
        }
        int pilot = -1;
        int republic = -1;
        for (int r = 0; r < lines.size(); r++) {
            if (!lines.get(r).isRegion()) {
                for (int c = 0; c < columns; c++) {
                    List<Suppression.Cell> parts = new ArrayList<>();
                    for (int part : partsOf(lines, r)) {
                        parts.add(new Suppression.Cell(part, c));
                    }
                    relations.add(new Suppression.Relation(parts, new Suppression.Cell(r, c)));
                }
                if (lines.get(r).kind() == RegionLine.Kind.PILOT_TOTAL) {
                    pilot = r;
                } else {
                    republic = r;
                }
            }
        }
        if (pilot >= 0 && republic >= 0) {
            // the republic is also the pilot subtotal plus the other regions: without this relation, a single
            // suppressed region outside the pilot would come back as republic - pilot subtotal - the others
            for (int c = 0; c < columns; c++) {
                List<Suppression.Cell> parts = new ArrayList<>();
                parts.add(new Suppression.Cell(pilot, c));
                for (int r = pilot + 1; r < lines.size(); r++) {
                    if (lines.get(r).isRegion()) {
                        parts.add(new Suppression.Cell(r, c));
                    }
                }
                relations.add(new Suppression.Relation(parts, new Suppression.Cell(republic, c)));
            }
        }
        return relations;
    }

    /** The region rows a total row adds up: the pilot regions above the subtotal, or every region. */
    static List<Integer> partsOf(List<RegionLine> lines, int totalRow) {
        List<Integer> parts = new ArrayList<>();
        RegionLine total = lines.get(totalRow);
        for (int r = 0; r < lines.size(); r++) {
            if (!lines.get(r).isRegion()) {
                continue;
            }
            if (total.kind() == RegionLine.Kind.REPUBLIC || r < totalRow) {
                parts.add(r);
            }
        }
        return parts;
    }
}
