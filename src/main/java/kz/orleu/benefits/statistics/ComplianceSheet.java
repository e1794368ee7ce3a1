package kz.orleu.benefits.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Sheet 3: social contracts in force, sanctions and findings by region. */
final class ComplianceSheet {

    static final String NAME = "Compliance";

    static final Map<String, String> OBLIGATION_LABELS = Map.of("JOB_SEARCH", "Job search", "TRAINING", "Training",
            "EMPLOYMENT", "Employment measure", "SCHOOL_ATTENDANCE", "School attendance", "MEDICAL_CHECKUP",
            "Medical check-up", "SPENDING_REPORT", "Spending report");
    static final Map<String, String> KIND_LABELS = Map.of("NOT_MET", "Not met", "MISSING_REPORT", "Report missing",
            "FORBIDDEN_SPENDING", "Forbidden spending");

    private ComplianceSheet() {
    }

    static SheetBuilder layout(QuarterStatistics statistics, CountGrid grid) {
        QuarterStatistics.Run run = statistics.run();
        SheetBuilder sheet = new SheetBuilder(NAME);
        sheet.title("Table 3. Social contracts and compliance by region, benefit quarter "
                + RegionTables.describe(run.benefitQuarter()));
        sheet.subtitle("Contracts in force in the benefit quarter; sanctions and findings of this quarter's judgement "
                + "of the monitoring of " + run.incomeQuarter() + ".");
        sheet.blank();

        List<SheetBuilder.Column> columns = RegionTables.nameColumns();
        columns.add(SheetBuilder.Column.of("Contracts in force"));
        columns.add(SheetBuilder.Column.of("Families warned"));
        columns.add(SheetBuilder.Column.of("Contracts terminated"));
        columns.add(new SheetBuilder.Column("Findings", "Total"));
        for (String kind : QuarterStatistics.Compliance.KINDS) {
            columns.add(new SheetBuilder.Column("Findings", KIND_LABELS.get(kind)));
        }
        for (String[] pair : QuarterStatistics.Compliance.OBLIGATION_KINDS) {
            columns.add(new SheetBuilder.Column("Findings: " + OBLIGATION_LABELS.get(pair[0]),
                    KIND_LABELS.get(pair[1])));
        }
        int at = CountGrid.COMPLIANCE;
        List<SheetBuilder.TableRow> rows = new ArrayList<>();
        for (int r = 0; r < grid.lines.size(); r++) {
            RegionLine line = grid.lines.get(r);
            List<Value> cells = RegionTables.names(line);
            cells.add(grid.count(r, at + QuarterStatistics.Compliance.IN_FORCE));
            cells.add(grid.count(r, at + QuarterStatistics.Compliance.FAMILIES_WARNED));
            cells.add(grid.count(r, at + QuarterStatistics.Compliance.TERMINATED));
            cells.add(grid.count(r, at + QuarterStatistics.Compliance.FINDINGS));
            for (int k = 0; k < QuarterStatistics.Compliance.KINDS.size(); k++) {
                cells.add(grid.count(r, at + QuarterStatistics.Compliance.BY_KIND + k));
            }
            for (int o = 0; o < QuarterStatistics.Compliance.OBLIGATION_KINDS.size(); o++) {
                cells.add(grid.count(r, at + QuarterStatistics.Compliance.BY_OBLIGATION + o));
            }
            rows.add(new SheetBuilder.TableRow(cells, RegionTables.isTotal(line)));
        }
        int firstData = sheet.table(columns, rows);
        sheet.freeze(1, firstData);
        sheet.note(RegionTables.legend(grid.threshold), columns.size());
        sheet.note("Contracts in force: accepted contracts (ACTIVE, COMPLETED or TERMINATED, never DECLINED) in force "
                + "in at least one month of the benefit quarter and not terminated by this system, of families "
                + "whose data were complete. Families warned: families with a contract at its first failure this "
                + "quarter (payment continues). Contracts terminated: contracts at the failure that terminates them "
                + "(no CCA from the first month of the benefit quarter). Findings: failing obligations of members, "
                + "one per member and obligation: not met in " + run.ruleSet().failureMonths() + " or more months, "
                + "report missing in " + run.ruleSet().failureMonths() + " or more months, or money spent on a "
                + "forbidden purpose.", 12);
        return sheet;
    }
}
