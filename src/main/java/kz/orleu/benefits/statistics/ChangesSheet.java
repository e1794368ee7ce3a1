package kz.orleu.benefits.statistics;

import static kz.orleu.benefits.statistics.QuarterStatistics.Changes.EXCESS;
import static kz.orleu.benefits.statistics.QuarterStatistics.Changes.EXCESS_SHARE;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Sheet 4: how the results moved against the previous benefit quarter, and the poverty trap. */
final class ChangesSheet {

    static final String NAME = "Changes";

    private ChangesSheet() {
    }

    static SheetBuilder layout(QuarterStatistics statistics, CountGrid grid) {
        QuarterStatistics.Run run = statistics.run();
        QuarterStatistics.Changes changes = statistics.changes();
        BigDecimal[][] sums = RegionGrid.sums(grid.lines, QuarterStatistics.Changes.SUMS, changes.sums());
        SheetBuilder sheet = new SheetBuilder(NAME);
        sheet.title("Table 4. Changes against the previous benefit quarter by region, benefit quarter "
                + RegionTables.describe(run.benefitQuarter()));
        sheet.subtitle("Families compared with the latest results of benefit quarter "
                + run.benefitQuarter().previous() + "; a family absent from them counts as not paid before.");
        sheet.blank();

        List<SheetBuilder.Column> columns = RegionTables.nameColumns();
        columns.add(SheetBuilder.Column.of("Families assessed"));
        String change = "Families by change";
        columns.add(new SheetBuilder.Column(change, "New"));
        columns.add(new SheetBuilder.Column(change, "Stopped"));
        columns.add(new SheetBuilder.Column(change, "Changed"));
        columns.add(new SheetBuilder.Column(change, "Unchanged"));
        String moves = "Families moved";
        columns.add(new SheetBuilder.Column(moves, "ASP to CCA"));
        columns.add(new SheetBuilder.Column(moves, "CCA to ASP"));
        String lost = "Lost ASP: per-capita income rose to or above the ASP line";
        columns.add(new SheetBuilder.Column(lost, "Families"));
        columns.add(new SheetBuilder.Column(lost, "Average excess, tenge"));
        columns.add(new SheetBuilder.Column(lost, "Average excess, % of the line"));
        // No largest (or smallest) excess: a maximum is one family's own figure whatever the group's size, so
        // the spread is published as counts of families per band, suppressed like every other count.
        for (int band = 0; band < PovertyTrap.BANDS; band++) {
            columns.add(new SheetBuilder.Column("Lost ASP, families by distance above the line",
                    PovertyTrap.bandLabel(band)));
        }

        int at = CountGrid.CHANGES;
        int lostAsp = at + QuarterStatistics.Changes.LOST_ASP;
        List<SheetBuilder.TableRow> rows = new ArrayList<>();
        for (int r = 0; r < grid.lines.size(); r++) {
            RegionLine line = grid.lines.get(r);
            List<Value> cells = RegionTables.names(line);
            cells.add(grid.count(r, CountGrid.SUMMARY + QuarterStatistics.Summary.ASSESSED));
            for (int column : new int[] {QuarterStatistics.Changes.NEW, QuarterStatistics.Changes.STOPPED,
                    QuarterStatistics.Changes.CHANGED, QuarterStatistics.Changes.UNCHANGED,
                    QuarterStatistics.Changes.ASP_TO_CCA, QuarterStatistics.Changes.CCA_TO_ASP,
                    QuarterStatistics.Changes.LOST_ASP}) {
                cells.add(grid.count(r, at + column));
            }
            long families = grid.value(r, lostAsp);
            if (grid.hidden(r, lostAsp)) {
                cells.add(Value.suppressed());
                cells.add(Value.suppressed());
            } else if (families == 0) {
                cells.add(Value.notApplicable());
                cells.add(Value.notApplicable());
            } else {
                cells.add(Value.amount(mean(sums[r][EXCESS], families)));
                cells.add(Value.percent(mean(sums[r][EXCESS_SHARE], families).doubleValue()));
            }
            for (int band = 0; band < PovertyTrap.BANDS; band++) {
                cells.add(grid.count(r, at + QuarterStatistics.Changes.BY_DISTANCE + band));
            }
            rows.add(new SheetBuilder.TableRow(cells, RegionTables.isTotal(line)));
        }
        int firstData = sheet.table(columns, rows);
        sheet.freeze(1, firstData);
        sheet.note(RegionTables.legend(grid.threshold), columns.size());
        sheet.note("New: paid now (ASP or CCA), not paid before. Stopped: paid before, not now. Changed: paid both "
                + "times, with another benefit or monthly amount. Unchanged: all others, including families not paid "
                + "either time. Lost ASP (the guide's \"poverty trap\", the Kasen family): had ASP before, nothing "
                + "now, "
                + "because the per-capita income is at or above the ASP line (decision ABOVE_LINE, or CCA_CANDIDATE "
                + "when still below the CCA line). Excess: the family's per-capita income less its ASP line, in "
                + "tenge a person a month and as a percentage of the line; averages only, and families counted by distance "
                + "band: no largest or smallest excess is published, as it would be one family's own figure.", 14);
        return sheet;
    }

    private static BigDecimal mean(BigDecimal sum, long count) {
        return sum.divide(BigDecimal.valueOf(count), 10, RoundingMode.HALF_UP);
    }
}
