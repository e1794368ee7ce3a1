package kz.orleu.benefits.statistics;

import static kz.orleu.benefits.statistics.QuarterStatistics.Adjustments.ARREARS;
import static kz.orleu.benefits.statistics.QuarterStatistics.Adjustments.ARREARS_TENGE;
import static kz.orleu.benefits.statistics.QuarterStatistics.Adjustments.ASP;
import static kz.orleu.benefits.statistics.QuarterStatistics.Adjustments.CCA;
import static kz.orleu.benefits.statistics.QuarterStatistics.Adjustments.OVERPAID;
import static kz.orleu.benefits.statistics.QuarterStatistics.Adjustments.OVERPAID_TENGE;
import static kz.orleu.benefits.statistics.QuarterStatistics.Adjustments.RECLASSIFIED;
import static kz.orleu.benefits.statistics.QuarterStatistics.Adjustments.RECLASSIFIED_MONTHS;
import static kz.orleu.benefits.statistics.QuarterStatistics.Adjustments.TOTAL;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Sheet 5, only in a version of a quarter that has an earlier completed one: what the correction pays in addition
 * and recovers ({@code adjustments.csv}) by region and benefit. Families are counts of the {@link CountGrid},
 * suppressed like every other; an amount (or number of months) is shown only where its families are, so a
 * suppressed group's money cannot be read either, and there is no largest or smallest adjustment: that would be
 * one family's own figure.
 */
final class AdjustmentsSheet {

    static final String NAME = "Adjustments";

    private AdjustmentsSheet() {
    }

    static SheetBuilder layout(QuarterStatistics statistics, CountGrid grid) {
        QuarterStatistics.Run run = statistics.run();
        QuarterStatistics.Adjustments adjustments = statistics.adjustments();
        BigDecimal[][] sums = RegionGrid.sums(grid.lines, QuarterStatistics.Adjustments.SUMS, adjustments.sums());
        SheetBuilder sheet = new SheetBuilder(NAME);
        sheet.title("Table 5. Adjustments by region, benefit quarter " + RegionTables.describe(run.benefitQuarter())
                + ", version " + run.version() + " against version " + adjustments.againstVersion());
        sheet.subtitle("What the payment unit pays in addition (arrears) and recovers (overpaid) against the "
                + "version it was sent; amounts in tenge.");
        sheet.blank();

        List<SheetBuilder.Column> columns = RegionTables.nameColumns();
        for (String group : List.of("Families with arrears", "Arrears, tenge", "Families overpaid",
                "Overpaid, tenge to recover", "Families with months reclassified", "Months reclassified")) {
            columns.add(new SheetBuilder.Column(group, "ASP"));
            columns.add(new SheetBuilder.Column(group, "CCA"));
            columns.add(new SheetBuilder.Column(group, "Total"));
        }

        int at = CountGrid.ADJUSTMENTS;
        List<SheetBuilder.TableRow> rows = new ArrayList<>();
        for (int r = 0; r < grid.lines.size(); r++) {
            RegionLine line = grid.lines.get(r);
            List<Value> cells = RegionTables.names(line);
            for (int[] measure : new int[][] {{ARREARS, ARREARS_TENGE}, {OVERPAID, OVERPAID_TENGE},
                    {RECLASSIFIED, RECLASSIFIED_MONTHS}}) {
                int families = at + measure[0];
                for (int benefit : new int[] {ASP, CCA, TOTAL}) {
                    cells.add(grid.count(r, families + benefit));
                }
                BigDecimal asp = orZero(sums[r][measure[1] + ASP]);
                BigDecimal cca = orZero(sums[r][measure[1] + CCA]);
                boolean months = measure[0] == RECLASSIFIED;
                cells.add(shownWith(grid, r, families + ASP, asp, months));
                cells.add(shownWith(grid, r, families + CCA, cca, months));
                cells.add(shownWith(grid, r, families + TOTAL, asp.add(cca), months));
            }
            rows.add(new SheetBuilder.TableRow(cells, RegionTables.isTotal(line)));
        }
        int firstData = sheet.table(columns, rows);
        sheet.freeze(1, firstData);
        sheet.note(RegionTables.legend(grid.threshold), columns.size());
        sheet.note("Compared with version " + adjustments.againstVersion() + " of benefit quarter "
                + run.benefitQuarter() + ", the latest earlier completed one (what the payment unit was sent); for "
                + "a family held in it (INCOMPLETE_DATA or absent), with the version that last computed it. One row "
                + "of adjustments.csv is a family and month whose payment differs: arrears where it is paid more "
                + "now, overpaid where less, reclassified where the amount is the same under the other benefit. A "
                + "family counts under the benefit it gets in this version or, when it gets none now, the one it got "
                + "before, so ASP and CCA add up to the total; one with arrears in one month and an overpayment in "
                + "another counts in both. Families held now (INCOMPLETE_DATA or absent) have no adjustments: their "
                + "earlier payment stands.", 14);
        return sheet;
    }

    private static Value shownWith(CountGrid grid, int row, int familiesColumn, BigDecimal amount, boolean months) {
        if (grid.hidden(row, familiesColumn)) {
            return Value.suppressed();
        }
        return months ? Value.count(amount.longValueExact()) : Value.tenge(amount);
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
