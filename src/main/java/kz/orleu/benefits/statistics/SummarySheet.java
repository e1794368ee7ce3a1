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

    /** The breakdown codes of a benefit and their total, in the order of the columns. */
    static final List<String> BENEFITS = List.of("ASP", "CCA", "TOTAL");

    private SummarySheet() {
    }

    static SheetBuilder layout(QuarterStatistics statistics, CountGrid grid, Messages m) {
        QuarterStatistics.Run run = statistics.run();
        BigDecimal[][] sums = RegionGrid.sums(grid.lines, SUMS, statistics.summary().sums());
        SheetBuilder sheet = new SheetBuilder(m.text("summary.sheet"), m);
        sheet.title(m.text("summary.title", RegionTables.describe(run.benefitQuarter(), m)));
        sheet.subtitle(m.text("summary.subtitle", run.incomeQuarter(),
                RegionTables.firstDay(run.benefitQuarter(), m)));
        sheet.blank();

        String asp = m.text("benefit.ASP");
        String cca = m.text("benefit.CCA");
        String total = m.text("heading.total");
        List<SheetBuilder.Column> columns = RegionTables.nameColumns(m);
        columns.add(SheetBuilder.Column.of(m.text("summary.assessed")));
        for (String group : List.of(m.text("summary.recipientFamilies"), m.text("summary.recipientMembers"))) {
            columns.add(new SheetBuilder.Column(group, asp));
            columns.add(new SheetBuilder.Column(group, cca));
            columns.add(new SheetBuilder.Column(group, total));
        }
        for (String key : List.of("summary.averageSize", "summary.paid", "summary.averageIncome")) {
            String group = m.text(key);
            columns.add(new SheetBuilder.Column(group, asp));
            columns.add(new SheetBuilder.Column(group, cca));
            columns.add(new SheetBuilder.Column(group, key.equals("summary.paid") ? total
                    : m.text("heading.allRecipients")));
        }
        columns.add(SheetBuilder.Column.of(m.text("summary.candidates")));

        List<SheetBuilder.TableRow> rows = new ArrayList<>();
        for (int r = 0; r < grid.lines.size(); r++) {
            RegionLine line = grid.lines.get(r);
            BigDecimal[] money = sums[r];
            List<Value> cells = RegionTables.names(line, m);
            cells.add(grid.count(r, ASSESSED).observed(line, Measure.FAMILIES_ASSESSED, "TOTAL"));
            for (int column : new int[] {ASP_FAMILIES, CCA_FAMILIES, RECIPIENT_FAMILIES}) {
                cells.add(grid.count(r, column).observed(line, Measure.RECIPIENT_FAMILIES,
                        BENEFITS.get(column - ASP_FAMILIES)));
            }
            for (int column : new int[] {ASP_MEMBERS, CCA_MEMBERS, RECIPIENT_MEMBERS}) {
                cells.add(grid.count(r, column).observed(line, Measure.RECIPIENT_MEMBERS,
                        BENEFITS.get(column - ASP_MEMBERS)));
            }
            cells.add(average(grid, r, ASP_MEMBERS, ASP_FAMILIES).observed(line, Measure.AVERAGE_FAMILY_SIZE, "ASP"));
            cells.add(average(grid, r, CCA_MEMBERS, CCA_FAMILIES).observed(line, Measure.AVERAGE_FAMILY_SIZE, "CCA"));
            cells.add(average(grid, r, RECIPIENT_MEMBERS, RECIPIENT_FAMILIES)
                    .observed(line, Measure.AVERAGE_FAMILY_SIZE, "TOTAL"));
            for (int column : new int[] {ASP_FAMILIES, CCA_FAMILIES, RECIPIENT_FAMILIES}) {
                cells.add(paid(grid, r, money, column).observed(line, Measure.PAID,
                        BENEFITS.get(column - ASP_FAMILIES)));
            }
            BigDecimal aspRatio = orZero(money[ASP_INCOME_RATIO]);
            BigDecimal ccaRatio = orZero(money[CCA_INCOME_RATIO]);
            cells.add(meanShare(grid, r, aspRatio, ASP_FAMILIES)
                    .observed(line, Measure.AVERAGE_INCOME_TO_MINIMUM, "ASP"));
            cells.add(meanShare(grid, r, ccaRatio, CCA_FAMILIES)
                    .observed(line, Measure.AVERAGE_INCOME_TO_MINIMUM, "CCA"));
            cells.add(meanShare(grid, r, aspRatio.add(ccaRatio), RECIPIENT_FAMILIES)
                    .observed(line, Measure.AVERAGE_INCOME_TO_MINIMUM, "TOTAL"));
            cells.add(grid.count(r, CANDIDATES).observed(line, Measure.CCA_CANDIDATES, "TOTAL"));
            rows.add(new SheetBuilder.TableRow(cells, RegionTables.isTotal(line)));
        }
        int firstData = sheet.table(columns, rows);
        sheet.freeze(1, firstData);
        sheet.note(RegionTables.legend(grid.threshold, m), columns.size());
        sheet.note(m.text("summary.note"), columns.size());
        return sheet;
    }

    /**
     * Paid to the families of {@code families} ({@code ASP_FAMILIES}, {@code CCA_FAMILIES} or
     * {@code RECIPIENT_FAMILIES}), hidden with their count: an amount would tell what a hidden group was paid.
     */
    static Value paid(CountGrid grid, int row, BigDecimal[] money, int families) {
        if (grid.hidden(row, families)) {
            return Value.suppressed();
        }
        BigDecimal asp = orZero(money[ASP_PAID]);
        BigDecimal cca = orZero(money[CCA_PAID]);
        return Value.tenge(families == ASP_FAMILIES ? asp : families == CCA_FAMILIES ? cca : asp.add(cca));
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
