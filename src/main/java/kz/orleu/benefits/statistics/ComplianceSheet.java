package kz.orleu.benefits.statistics;

import java.util.ArrayList;
import java.util.List;

/** Sheet 3: social contracts in force, sanctions and findings by region. */
final class ComplianceSheet {

    private ComplianceSheet() {
    }

    static String obligationLabel(String obligation, Messages m) {
        return m.text("obligation." + obligation);
    }

    static String kindLabel(String kind, Messages m) {
        return m.text("finding." + kind);
    }

    static SheetBuilder layout(QuarterStatistics statistics, CountGrid grid, Messages m) {
        QuarterStatistics.Run run = statistics.run();
        SheetBuilder sheet = new SheetBuilder(m.text("compliance.sheet"), m);
        sheet.title(m.text("compliance.title", RegionTables.describe(run.benefitQuarter(), m)));
        sheet.subtitle(m.text("compliance.subtitle", run.incomeQuarter()));
        sheet.blank();

        String findings = m.text("compliance.findings");
        List<SheetBuilder.Column> columns = RegionTables.nameColumns(m);
        columns.add(SheetBuilder.Column.of(m.text("compliance.inForce")));
        columns.add(SheetBuilder.Column.of(m.text("compliance.warned")));
        columns.add(SheetBuilder.Column.of(m.text("compliance.terminated")));
        columns.add(new SheetBuilder.Column(findings, m.text("heading.total")));
        for (String kind : QuarterStatistics.Compliance.KINDS) {
            columns.add(new SheetBuilder.Column(findings, kindLabel(kind, m)));
        }
        for (String[] pair : QuarterStatistics.Compliance.OBLIGATION_KINDS) {
            columns.add(new SheetBuilder.Column(m.text("compliance.findingsOf", obligationLabel(pair[0], m)),
                    kindLabel(pair[1], m)));
        }
        int at = CountGrid.COMPLIANCE;
        List<SheetBuilder.TableRow> rows = new ArrayList<>();
        for (int r = 0; r < grid.lines.size(); r++) {
            RegionLine line = grid.lines.get(r);
            List<Value> cells = RegionTables.names(line, m);
            cells.add(grid.count(r, at + QuarterStatistics.Compliance.IN_FORCE)
                    .observed(line, Measure.CONTRACTS_IN_FORCE, "TOTAL"));
            cells.add(grid.count(r, at + QuarterStatistics.Compliance.FAMILIES_WARNED)
                    .observed(line, Measure.FAMILIES_WARNED, "TOTAL"));
            cells.add(grid.count(r, at + QuarterStatistics.Compliance.TERMINATED)
                    .observed(line, Measure.CONTRACTS_TERMINATED, "TOTAL"));
            cells.add(grid.count(r, at + QuarterStatistics.Compliance.FINDINGS)
                    .observed(line, Measure.FINDINGS, "TOTAL"));
            for (int k = 0; k < QuarterStatistics.Compliance.KINDS.size(); k++) {
                cells.add(grid.count(r, at + QuarterStatistics.Compliance.BY_KIND + k)
                        .observed(line, Measure.FINDINGS, QuarterStatistics.Compliance.KINDS.get(k)));
            }
            for (int o = 0; o < QuarterStatistics.Compliance.OBLIGATION_KINDS.size(); o++) {
                String[] pair = QuarterStatistics.Compliance.OBLIGATION_KINDS.get(o);
                cells.add(grid.count(r, at + QuarterStatistics.Compliance.BY_OBLIGATION + o)
                        .observed(line, Measure.FINDINGS, pair[0] + "." + pair[1]));
            }
            rows.add(new SheetBuilder.TableRow(cells, RegionTables.isTotal(line)));
        }
        int firstData = sheet.table(columns, rows);
        sheet.freeze(1, firstData);
        sheet.note(RegionTables.legend(grid.threshold, m), columns.size());
        sheet.note(m.text("compliance.note", run.ruleSet().failureMonths()), 12);
        return sheet;
    }
}
