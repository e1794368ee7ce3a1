package kz.orleu.benefits.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuppressionTest {

    @Test
    void countsBelowTheThresholdAreSuppressedAndZeroIsShown() {
        // a row of parts with its total last: 0 is shown, 4 < 5 is suppressed, 5 is shown
        boolean[] hidden = Suppression.row(new long[] {0, 4, 5, 7, 16}, 5);
        assertThat(hidden[0]).isFalse();
        assertThat(hidden[1]).isTrue();
        assertThat(hidden[2]).as("next-smallest non-zero part, so that 4 = 16 - 5 - 7 cannot be done").isTrue();
        assertThat(hidden[3]).isFalse();
        assertThat(hidden[4]).as("a total at or above the threshold is shown").isFalse();
    }

    @Test
    void thresholdZeroTurnsSuppressionOff() {
        assertThat(Suppression.row(new long[] {1, 2, 3}, 0)).containsExactly(false, false, false);
    }

    @Test
    void twoSuppressedCellsInARowNeedNoSecondary() {
        // 1 and 3 are both hidden: 20 - 16 = 4 is their sum, not either of them
        assertThat(Suppression.row(new long[] {1, 3, 16, 20}, 5)).containsExactly(true, true, false, false);
    }

    @Test
    void secondaryPicksTheSmallestNonZeroPart() {
        assertThat(Suppression.row(new long[] {2, 0, 30, 9, 41}, 5)).containsExactly(true, false, false, true, false);
    }

    @Test
    void aTotalBelowTheThresholdIsSuppressedWithItsParts() {
        assertThat(Suppression.row(new long[] {3, 0, 3}, 5)).containsExactly(true, false, true);
    }

    @Test
    void aRowWithoutSmallCellsIsShownWhole() {
        assertThat(Suppression.row(new long[] {5, 6, 0, 11}, 5)).containsExactly(false, false, false, false);
    }

    @Test
    void columnTotalsAreProtectedLikeRowTotals() {
        // two regions and the republic; column 0: 3 and 40 give 43, so 40 is hidden too
        long[][] counts = {{3}, {40}, {43}};
        List<Suppression.Relation> relations = List.of(new Suppression.Relation(
                List.of(new Suppression.Cell(0, 0), new Suppression.Cell(1, 0)), new Suppression.Cell(2, 0)));
        boolean[][] hidden = Suppression.apply(counts, 5, relations);
        assertThat(hidden[0][0]).isTrue();
        assertThat(hidden[1][0]).isTrue();
        assertThat(hidden[2][0]).isFalse();
    }

    @Test
    void aCellHiddenForItsRowIsProtectedInItsColumnToo() {
        //            A    B  total
        // region 1   2   10   12     2 primary; 10 secondary for the row
        // region 2   8    7   15     nothing small, but column B then has 10 hidden alone: 7 goes,
        //                            then row 2 has 7 hidden alone: 8 goes, and column A is fine (2 and 8)
        // republic  10   17   27
        long[][] counts = {{2, 10, 12}, {8, 7, 15}, {10, 17, 27}};
        boolean[][] hidden = Suppression.apply(counts, 5, tableRelations(3, 2));
        assertThat(hidden[0]).containsExactly(true, true, false);
        assertThat(hidden[1]).containsExactly(true, true, false);
        assertThat(hidden[2]).containsExactly(false, false, false);
        assertNoRelationHasASingleHiddenCell(hidden, tableRelations(3, 2));
    }

    /** Rows of {@code parts} parts and a total column; the last row is the column totals. */
    private static List<Suppression.Relation> tableRelations(int rows, int parts) {
        List<Suppression.Relation> relations = new java.util.ArrayList<>();
        for (int r = 0; r < rows; r++) {
            List<Suppression.Cell> cells = new java.util.ArrayList<>();
            for (int c = 0; c < parts; c++) {
                cells.add(new Suppression.Cell(r, c));
            }
            relations.add(new Suppression.Relation(cells, new Suppression.Cell(r, parts)));
        }
        for (int c = 0; c <= parts; c++) {
            List<Suppression.Cell> cells = new java.util.ArrayList<>();
            for (int r = 0; r < rows - 1; r++) {
                cells.add(new Suppression.Cell(r, c));
            }
            relations.add(new Suppression.Relation(cells, new Suppression.Cell(rows - 1, c)));
        }
        return relations;
    }

    static void assertNoRelationHasASingleHiddenCell(boolean[][] hidden, List<Suppression.Relation> relations) {
        for (Suppression.Relation relation : relations) {
            int count = hidden[relation.total().row()][relation.total().column()] ? 1 : 0;
            for (Suppression.Cell part : relation.parts()) {
                count += hidden[part.row()][part.column()] ? 1 : 0;
            }
            assertThat(count).as("hidden cells of %s", relation).isNotEqualTo(1);
        }
    }
}
