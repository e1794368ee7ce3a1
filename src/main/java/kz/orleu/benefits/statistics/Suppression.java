package kz.orleu.benefits.statistics;

import java.util.ArrayList;
import java.util.List;

/**
 * Small-cell suppression of a table of counts, as statistical offices publish them.
 *
 * <ul>
 * <li><b>Primary</b>: a cell counting more than 0 and fewer than {@code threshold} is suppressed. Zero is shown: it
 * discloses nobody. A threshold of 0 (or less) turns suppression off.</li>
 * <li><b>Secondary</b>: a table is a set of additive {@link Relation}s (parts that add up to a total: the
 * categories of a row add up to its total column, the regions of a column add up to the republic's row). A
 * relation with exactly one suppressed cell would give it back by subtraction, so the smallest non-zero shown part
 * of that relation is suppressed too. This is repeated over all relations until none has exactly one suppressed
 * cell, since a cell suppressed for a row may leave its column with a single one.</li>
 * <li><b>Totals</b> are cells like any other: a total below the threshold is suppressed (its parts then are too,
 * each being smaller), a total at or above it is shown. Shares, averages and amounts are not counts: each is shown
 * only when every count it is derived from is shown (see {@link CountGrid#hidden}).</li>
 * </ul>
 */
public final class Suppression {

    /** A cell of the table by row and column index. */
    public record Cell(int row, int column) {
    }

    /** {@code total = sum(parts)}: a relation a reader could solve for one unknown cell. */
    public record Relation(List<Cell> parts, Cell total) {
        public Relation {
            parts = List.copyOf(parts);
        }
    }

    private Suppression() {
    }

    /**
     * The suppressed cells of {@code counts} (rows × columns, every row of the same length): {@code true} where the
     * cell must be shown as suppressed.
     */
    public static boolean[][] apply(long[][] counts, int threshold, List<Relation> relations) {
        boolean[][] hidden = new boolean[counts.length][];
        for (int r = 0; r < counts.length; r++) {
            hidden[r] = new boolean[counts[r].length];
            for (int c = 0; c < counts[r].length; c++) {
                hidden[r][c] = counts[r][c] > 0 && counts[r][c] < threshold;
            }
        }
        if (threshold <= 0) {
            return hidden;
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Relation relation : relations) {
                changed |= protect(relation, counts, hidden);
            }
        }
        return hidden;
    }

    /** A single row of parts and its total (the last cell): the row rule on its own. */
    public static boolean[] row(long[] partsThenTotal, int threshold) {
        List<Cell> parts = new ArrayList<>();
        for (int c = 0; c < partsThenTotal.length - 1; c++) {
            parts.add(new Cell(0, c));
        }
        return apply(new long[][] {partsThenTotal}, threshold,
                List.of(new Relation(parts, new Cell(0, partsThenTotal.length - 1))))[0];
    }

    /** Suppresses one more cell when the relation has exactly one suppressed cell; says whether it did. */
    private static boolean protect(Relation relation, long[][] counts, boolean[][] hidden) {
        int suppressed = isHidden(hidden, relation.total()) ? 1 : 0;
        for (Cell part : relation.parts()) {
            suppressed += isHidden(hidden, part) ? 1 : 0;
        }
        if (suppressed != 1) {
            return false;
        }
        Cell next = null;
        for (Cell part : relation.parts()) {
            long value = value(counts, part);
            if (!isHidden(hidden, part) && value > 0 && (next == null || value < value(counts, next))) {
                next = part;
            }
        }
        if (next == null) {
            // Only zeros besides the one suppressed cell: then the total is the suppressed part itself (or the
            // suppressed total is zero plus zeros). Cannot happen with consistent counts; hide the total to be safe.
            if (isHidden(hidden, relation.total()) || value(counts, relation.total()) == 0) {
                return false;
            }
            next = relation.total();
        }
        hidden[next.row()][next.column()] = true;
        return true;
    }

    private static boolean isHidden(boolean[][] hidden, Cell cell) {
        return hidden[cell.row()][cell.column()];
    }

    private static long value(long[][] counts, Cell cell) {
        return counts[cell.row()][cell.column()];
    }
}
