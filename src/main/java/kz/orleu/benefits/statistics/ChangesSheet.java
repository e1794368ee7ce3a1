package kz.orleu.benefits.statistics;

import static kz.orleu.benefits.statistics.QuarterStatistics.Changes.EXCESS;
import static kz.orleu.benefits.statistics.QuarterStatistics.Changes.EXCESS_SHARE;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Sheet 4: how the results moved against the previous benefit quarter, and the poverty trap. */
final class ChangesSheet {

    private ChangesSheet() {
    }

    /** The breakdown codes of the change and move columns, in the order of the columns. */
    private static final List<String> CHANGE_CODES = List.of("NEW", "STOPPED", "CHANGED", "UNCHANGED",
            "ASP_TO_CCA", "CCA_TO_ASP");

    static SheetBuilder layout(QuarterStatistics statistics, CountGrid grid, Messages m) {
        QuarterStatistics.Run run = statistics.run();
        QuarterStatistics.Changes changes = statistics.changes();
        BigDecimal[][] sums = RegionGrid.sums(grid.lines, QuarterStatistics.Changes.SUMS, changes.sums());
        SheetBuilder sheet = new SheetBuilder(m.text("changes.sheet"), m);
        sheet.title(m.text("changes.title", RegionTables.describe(run.benefitQuarter(), m)));
        sheet.subtitle(m.text("changes.subtitle", run.benefitQuarter().previous()));
        sheet.blank();

        List<SheetBuilder.Column> columns = RegionTables.nameColumns(m);
        columns.add(SheetBuilder.Column.of(m.text("summary.assessed")));
        for (String code : CHANGE_CODES) {
            columns.add(new SheetBuilder.Column(m.text(code.contains("_TO_") ? "changes.moved" : "changes.byChange"),
                    m.text("breakdown." + code)));
        }
        String lost = m.text("changes.lost");
        columns.add(new SheetBuilder.Column(lost, m.text("changes.families")));
        columns.add(new SheetBuilder.Column(lost, m.text("changes.excess")));
        columns.add(new SheetBuilder.Column(lost, m.text("changes.excessShare")));
        // No largest (or smallest) excess: a maximum is one family's own figure whatever the group's size, so
        // the spread is published as counts of families per band, suppressed like every other count.
        for (int band = 0; band < PovertyTrap.BANDS; band++) {
            columns.add(new SheetBuilder.Column(m.text("changes.byDistance"), PovertyTrap.bandLabel(band, m)));
        }

        int at = CountGrid.CHANGES;
        int lostAsp = at + QuarterStatistics.Changes.LOST_ASP;
        List<SheetBuilder.TableRow> rows = new ArrayList<>();
        for (int r = 0; r < grid.lines.size(); r++) {
            RegionLine line = grid.lines.get(r);
            List<Value> cells = RegionTables.names(line, m);
            cells.add(grid.count(r, CountGrid.SUMMARY + QuarterStatistics.Summary.ASSESSED)
                    .observed(line, Measure.FAMILIES_ASSESSED, "TOTAL"));
            for (int i = 0; i < CHANGE_CODES.size(); i++) {
                // NEW ... CCA_TO_ASP are the first columns of the changes, in the order of the codes
                String code = CHANGE_CODES.get(i);
                cells.add(grid.count(r, at + QuarterStatistics.Changes.NEW + i).observed(line,
                        code.contains("_TO_") ? Measure.FAMILIES_MOVED : Measure.FAMILIES_BY_CHANGE, code));
            }
            cells.add(grid.count(r, lostAsp).observed(line, Measure.LOST_ASP_FAMILIES, "TOTAL"));
            long families = grid.value(r, lostAsp);
            Value excess;
            Value excessShare;
            if (grid.hidden(r, lostAsp)) {
                excess = Value.suppressed();
                excessShare = Value.suppressed();
            } else if (families == 0) {
                excess = Value.notApplicable();
                excessShare = Value.notApplicable();
            } else {
                excess = Value.amount(mean(sums[r][EXCESS], families));
                excessShare = Value.percent(mean(sums[r][EXCESS_SHARE], families).doubleValue());
            }
            cells.add(excess.observed(line, Measure.LOST_ASP_AVERAGE_EXCESS, "TOTAL"));
            cells.add(excessShare.observed(line, Measure.LOST_ASP_AVERAGE_EXCESS_SHARE, "TOTAL"));
            for (int band = 0; band < PovertyTrap.BANDS; band++) {
                cells.add(grid.count(r, at + QuarterStatistics.Changes.BY_DISTANCE + band)
                        .observed(line, Measure.LOST_ASP_BY_DISTANCE, PovertyTrap.bandCode(band)));
            }
            rows.add(new SheetBuilder.TableRow(cells, RegionTables.isTotal(line)));
        }
        int firstData = sheet.table(columns, rows);
        sheet.freeze(1, firstData);
        sheet.note(RegionTables.legend(grid.threshold, m), columns.size());
        sheet.note(m.text("changes.note"), 14);
        return sheet;
    }

    private static BigDecimal mean(BigDecimal sum, long count) {
        return sum.divide(BigDecimal.valueOf(count), 10, RoundingMode.HALF_UP);
    }
}
