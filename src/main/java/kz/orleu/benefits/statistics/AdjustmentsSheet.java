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

    /** The breakdown codes of the three measures, in the order of the columns. */
    private static final List<String> KINDS = List.of("ARREARS", "OVERPAID", "RECLASSIFIED");

    private AdjustmentsSheet() {
    }

    static SheetBuilder layout(QuarterStatistics statistics, CountGrid grid, Messages m) {
        QuarterStatistics.Run run = statistics.run();
        QuarterStatistics.Adjustments adjustments = statistics.adjustments();
        BigDecimal[][] sums = RegionGrid.sums(grid.lines, QuarterStatistics.Adjustments.SUMS, adjustments.sums());
        SheetBuilder sheet = new SheetBuilder(m.text("adjustments.sheet"), m);
        sheet.title(m.text("adjustments.title", RegionTables.describe(run.benefitQuarter(), m), run.version(),
                adjustments.againstVersion()));
        sheet.subtitle(m.text("adjustments.subtitle"));
        sheet.blank();

        List<SheetBuilder.Column> columns = RegionTables.nameColumns(m);
        for (String kind : KINDS) {
            for (String part : List.of("families", "amount")) {
                String group = m.text("adjustments." + kind + "." + part);
                columns.add(new SheetBuilder.Column(group, m.text("benefit.ASP")));
                columns.add(new SheetBuilder.Column(group, m.text("benefit.CCA")));
                columns.add(new SheetBuilder.Column(group, m.text("heading.total")));
            }
        }

        int at = CountGrid.ADJUSTMENTS;
        List<SheetBuilder.TableRow> rows = new ArrayList<>();
        for (int r = 0; r < grid.lines.size(); r++) {
            RegionLine line = grid.lines.get(r);
            List<Value> cells = RegionTables.names(line, m);
            int k = 0;
            for (int[] measure : new int[][] {{ARREARS, ARREARS_TENGE}, {OVERPAID, OVERPAID_TENGE},
                    {RECLASSIFIED, RECLASSIFIED_MONTHS}}) {
                String kind = KINDS.get(k++);
                int families = at + measure[0];
                for (int benefit : new int[] {ASP, CCA, TOTAL}) {
                    cells.add(grid.count(r, families + benefit).observed(line, Measure.ADJUSTMENT_FAMILIES,
                            kind + "." + SummarySheet.BENEFITS.get(benefit)));
                }
                BigDecimal asp = orZero(sums[r][measure[1] + ASP]);
                BigDecimal cca = orZero(sums[r][measure[1] + CCA]);
                boolean months = measure[0] == RECLASSIFIED;
                Measure amount = months ? Measure.ADJUSTMENT_MONTHS : Measure.ADJUSTMENT_AMOUNT;
                cells.add(shownWith(grid, r, families + ASP, asp, months).observed(line, amount, kind + ".ASP"));
                cells.add(shownWith(grid, r, families + CCA, cca, months).observed(line, amount, kind + ".CCA"));
                cells.add(shownWith(grid, r, families + TOTAL, asp.add(cca), months)
                        .observed(line, amount, kind + ".TOTAL"));
            }
            rows.add(new SheetBuilder.TableRow(cells, RegionTables.isTotal(line)));
        }
        int firstData = sheet.table(columns, rows);
        sheet.freeze(1, firstData);
        sheet.note(RegionTables.legend(grid.threshold, m), columns.size());
        sheet.note(m.text("adjustments.note", adjustments.againstVersion(), run.benefitQuarter()), 14);
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
