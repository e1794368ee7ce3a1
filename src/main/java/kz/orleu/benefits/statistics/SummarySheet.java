package kz.orleu.benefits.statistics;

import static kz.orleu.benefits.statistics.QuarterStatistics.Summary.ASP_FAMILIES;
import static kz.orleu.benefits.statistics.QuarterStatistics.Summary.ASP_INCOME_RATIO;
import static kz.orleu.benefits.statistics.QuarterStatistics.Summary.ASP_MEMBERS;
import static kz.orleu.benefits.statistics.QuarterStatistics.Summary.ASP_PAID;
import static kz.orleu.benefits.statistics.QuarterStatistics.Summary.ASSESSED;
import static kz.orleu.benefits.statistics.QuarterStatistics.Summary.CANDIDATES;
import static kz.orleu.benefits.statistics.QuarterStatistics.Summary.CCA_FAMILIES;
import static kz.orleu.benefits.statistics.QuarterStatistics.Summary.CCA_INCOME_RATIO;
import static kz.orleu.benefits.statistics.QuarterStatistics.Summary.CCA_MEMBERS;
import static kz.orleu.benefits.statistics.QuarterStatistics.Summary.CCA_PAID;
import static kz.orleu.benefits.statistics.QuarterStatistics.Summary.RECIPIENT_FAMILIES;
import static kz.orleu.benefits.statistics.QuarterStatistics.Summary.RECIPIENT_MEMBERS;
import static kz.orleu.benefits.statistics.QuarterStatistics.Summary.SUMS;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Sheet 1: recipients, members, amounts and income by region. The Summary's counts open the {@link CountGrid}
 * ({@code CountGrid.SUMMARY} is 0), so its column constants are grid columns as they are.
 */
final class SummarySheet {

    static final String NAME = "Summary";

    private SummarySheet() {
    }

    static SheetBuilder layout(QuarterStatistics statistics, CountGrid grid) {
        QuarterStatistics.Run run = statistics.run();
        BigDecimal[][] sums = RegionGrid.sums(grid.lines, SUMS, statistics.summary().sums());
        SheetBuilder sheet = new SheetBuilder(NAME);
        sheet.title("Table 1. Recipients of ASP and CCA by region, benefit quarter "
                + RegionTables.describe(run.benefitQuarter()));
        sheet.subtitle("Families assessed on the incomes declared for " + run.incomeQuarter()
                + "; members counted on " + RegionTables.firstDay(run.benefitQuarter()) + "; amounts in tenge.");
        sheet.blank();

        List<SheetBuilder.Column> columns = RegionTables.nameColumns();
        columns.add(SheetBuilder.Column.of("Families assessed"));
        for (String group : List.of("Recipient families", "Members of recipient families")) {
            columns.add(new SheetBuilder.Column(group, "ASP"));
            columns.add(new SheetBuilder.Column(group, "CCA"));
            columns.add(new SheetBuilder.Column(group, "Total"));
        }
        for (String group : List.of("Average family size, persons", "Paid in the quarter, tenge",
                "Average per-capita income, % of the subsistence minimum")) {
            columns.add(new SheetBuilder.Column(group, "ASP"));
            columns.add(new SheetBuilder.Column(group, "CCA"));
            columns.add(new SheetBuilder.Column(group, group.startsWith("Paid") ? "Total" : "All recipients"));
        }
        columns.add(SheetBuilder.Column.of("CCA candidates, families"));

        List<SheetBuilder.TableRow> rows = new ArrayList<>();
        for (int r = 0; r < grid.lines.size(); r++) {
            RegionLine line = grid.lines.get(r);
            BigDecimal[] money = sums[r];
            List<Value> cells = RegionTables.names(line);
            cells.add(grid.count(r, ASSESSED));
            for (int column : new int[] {ASP_FAMILIES, CCA_FAMILIES, RECIPIENT_FAMILIES, ASP_MEMBERS, CCA_MEMBERS,
                    RECIPIENT_MEMBERS}) {
                cells.add(grid.count(r, column));
            }
            cells.add(average(grid, r, ASP_MEMBERS, ASP_FAMILIES));
            cells.add(average(grid, r, CCA_MEMBERS, CCA_FAMILIES));
            cells.add(average(grid, r, RECIPIENT_MEMBERS, RECIPIENT_FAMILIES));
            BigDecimal aspPaid = orZero(money[ASP_PAID]);
            BigDecimal ccaPaid = orZero(money[CCA_PAID]);
            cells.add(grid.hidden(r, ASP_FAMILIES) ? Value.suppressed() : Value.tenge(aspPaid));
            cells.add(grid.hidden(r, CCA_FAMILIES) ? Value.suppressed() : Value.tenge(ccaPaid));
            cells.add(grid.hidden(r, RECIPIENT_FAMILIES) ? Value.suppressed() : Value.tenge(aspPaid.add(ccaPaid)));
            BigDecimal aspRatio = orZero(money[ASP_INCOME_RATIO]);
            BigDecimal ccaRatio = orZero(money[CCA_INCOME_RATIO]);
            cells.add(meanShare(grid, r, aspRatio, ASP_FAMILIES));
            cells.add(meanShare(grid, r, ccaRatio, CCA_FAMILIES));
            cells.add(meanShare(grid, r, aspRatio.add(ccaRatio), RECIPIENT_FAMILIES));
            cells.add(grid.count(r, CANDIDATES));
            rows.add(new SheetBuilder.TableRow(cells, RegionTables.isTotal(line)));
        }
        int firstData = sheet.table(columns, rows);
        sheet.freeze(1, firstData);
        sheet.note(RegionTables.legend(grid.threshold), columns.size());
        sheet.note("Families assessed: every family with an entitlement row for the quarter, whatever its decision. "
                + "Recipient families: benefit ASP or CCA in the quarter (a family gets one of them). Members: the "
                + "members counted on the first day of the benefit quarter. Paid in the quarter: the payments of the "
                + "quarter by the benefit paid, so the ASP months of a family whose contract ended count as ASP. "
                + "Average per-capita income: the mean over the families of per-capita income divided by the "
                + "subsistence minimum of the income quarter. CCA candidates: families below the CCA line with no "
                + "contract (decision CCA_CANDIDATE), to be offered a social contract.", columns.size());
        return sheet;
    }

    private static Value average(CountGrid grid, int row, int numerator, int denominator) {
        if (grid.hidden(row, numerator, denominator)) {
            return Value.suppressed();
        }
        long over = grid.value(row, denominator);
        return over == 0 ? Value.notApplicable() : Value.decimal((double) grid.value(row, numerator) / over);
    }

    private static Value meanShare(CountGrid grid, int row, BigDecimal sum, int families) {
        if (grid.hidden(row, families)) {
            return Value.suppressed();
        }
        long over = grid.value(row, families);
        return over == 0 ? Value.notApplicable() : Value.percent(sum.doubleValue() / over);
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
