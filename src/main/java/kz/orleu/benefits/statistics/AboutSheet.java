package kz.orleu.benefits.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kz.orleu.benefits.reference.RuleSet;

/** The last sheet: what the workbook was made from and how, for the methodological notes of a report. */
final class AboutSheet {

    static final String NAME = "About";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

    private AboutSheet() {
    }

    static SheetBuilder layout(QuarterStatistics statistics, CountGrid grid, boolean thresholdOverridden,
            ZonedDateTime generatedAt) {
        QuarterStatistics.Run run = statistics.run();
        RuleSet rules = run.ruleSet();
        SheetBuilder sheet = new SheetBuilder(NAME);
        sheet.title("About this workbook: statistics of ASP and CCA (Orleu), benefit quarter " + run.benefitQuarter());
        sheet.blank();
        sheet.keyValue("Benefit quarter", Value.text(RegionTables.describe(run.benefitQuarter())));
        sheet.keyValue("Income quarter (incomes declared)", Value.text(RegionTables.describe(run.incomeQuarter())));
        // the run id and the generation time are the only cells two runs of the same input differ in
        sheet.keyValue("Run id", Value.text(Long.toString(run.runId())));
        sheet.keyValue("Version of the quarter's results", Value.text(Integer.toString(run.version())));
        sheet.keyValue("Compared with (adjustments)", Value.text(statistics.adjustments().exist()
                ? "version " + statistics.adjustments().againstVersion() + " of the quarter: see the Adjustments sheet"
                : "none: the first completed version of the quarter, nothing to adjust"));
        sheet.keyValue("Software version", Value.text(run.softwareVersion()));
        sheet.keyValue("Workbook generated", Value.text(TIME.format(generatedAt.truncatedTo(ChronoUnit.SECONDS))));
        sheet.keyValue("Rules in force on", Value.text(rules.effectiveOn().toString()));
        sheet.keyValue("Suppression threshold", Value.text(grid.threshold <= 0 ? "off (0)"
                : grid.threshold + (thresholdOverridden ? " (set by --suppress-below)"
                        : " (suppress_below of the rule set)")));
        sheet.blank();

        sheet.title("Rule set");
        List<SheetBuilder.TableRow> ruleRows = new ArrayList<>();
        rule(ruleRows, rules, "asp_share", rules.aspShare().toPlainString());
        rule(ruleRows, rules, "cca_share", rules.ccaShare().toPlainString());
        rule(ruleRows, rules, "failure_months", Integer.toString(rules.failureMonths()));
        rule(ruleRows, rules, "terminate_after_failures", Integer.toString(rules.terminateAfterFailures()));
        rule(ruleRows, rules, "suppress_below", Integer.toString(rules.suppressBelow()));
        rule(ruleRows, rules, "exempt_age_below", Integer.toString(rules.exemptAgeBelow()));
        rule(ruleRows, rules, "exempt_disability_groups", String.join(";", sorted(rules.exemptDisabilityGroups())));
        rule(ruleRows, rules, "forbidden_purposes", String.join(";", sorted(rules.forbiddenPurposes())));
        for (Map.Entry<String, Boolean> type : new TreeMap<>(rules.incomeTypes()).entrySet()) {
            rule(ruleRows, rules, "income_type:" + type.getKey(), type.getValue() ? "counted" : "not counted");
        }
        sheet.table(List.of(SheetBuilder.Column.of("Parameter"), SheetBuilder.Column.of("Value"),
                SheetBuilder.Column.of("Valid from")), ruleRows);
        sheet.blank();

        sheet.title("Subsistence minimum of " + run.incomeQuarter() + " and the lines it gives, tenge a month");
        List<SheetBuilder.TableRow> minimumRows = new ArrayList<>();
        for (RegionLine line : grid.lines) {
            if (!line.isRegion()) {
                continue;
            }
            BigDecimal minimum = statistics.sources().subsistenceMinimum().get(line.code());
            List<Value> cells = RegionTables.names(line);
            cells.add(Value.amount(minimum));
            cells.add(Value.amount(minimum == null ? null
                    : minimum.multiply(rules.aspShare()).setScale(2, RoundingMode.HALF_UP)));
            cells.add(Value.amount(minimum == null ? null
                    : minimum.multiply(rules.ccaShare()).setScale(2, RoundingMode.HALF_UP)));
            minimumRows.add(new SheetBuilder.TableRow(cells, false));
        }
        List<SheetBuilder.Column> minimumColumns = RegionTables.nameColumns();
        minimumColumns.add(SheetBuilder.Column.of("Subsistence minimum"));
        minimumColumns.add(SheetBuilder.Column.of("ASP line"));
        minimumColumns.add(SheetBuilder.Column.of("CCA line"));
        sheet.table(minimumColumns, minimumRows);
        sheet.note("Blank: no value for the region in the quarter (allowed only for a region without families).", 6);
        sheet.blank();

        sheet.title("Input files of " + run.incomeQuarter());
        List<SheetBuilder.TableRow> fileRows = new ArrayList<>();
        for (QuarterStatistics.FileCount file : statistics.sources().inputFiles()) {
            fileRows.add(new SheetBuilder.TableRow(List.of(Value.text(file.file()), Value.count(file.read()),
                    Value.count(file.accepted()), Value.count(file.rejected())), false));
        }
        sheet.table(List.of(SheetBuilder.Column.of("File"), SheetBuilder.Column.of("Rows read"),
                SheetBuilder.Column.of("Accepted"), SheetBuilder.Column.of("Rejected")), fileRows);
        sheet.blank();

        sheet.title("Reference files");
        List<SheetBuilder.TableRow> referenceRows = new ArrayList<>();
        for (QuarterStatistics.ReferenceSource file : statistics.sources().referenceFiles()) {
            referenceRows.add(new SheetBuilder.TableRow(List.of(Value.text(file.file()),
                    Value.text(file.fromInputFolder() ? "input folder" : "shipped default"), Value.count(file.rows())),
                    false));
        }
        sheet.table(List.of(SheetBuilder.Column.of("File"), SheetBuilder.Column.of("Source"),
                SheetBuilder.Column.of("Rows")), referenceRows);
        sheet.blank();

        sheet.title("Method");
        for (String paragraph : method(statistics, grid)) {
            sheet.note(paragraph, 6);
        }
        return sheet;
    }

    private static List<String> method(QuarterStatistics statistics, CountGrid grid) {
        QuarterStatistics.Run run = statistics.run();
        String day = RegionTables.firstDay(run.benefitQuarter());
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add("Source. The results of the run named above (version " + run.version() + " of benefit "
                + "quarter " + run.benefitQuarter() + "): the entitlements, payments and compliance findings the "
                + "quarterly recalculation computed from the families' declarations for " + run.incomeQuarter()
                + ". The workbook holds aggregates only: no IIN, name or family id.");
        paragraphs.add("Who is counted. Every family with an entitlement row is assessed. Recipient families are "
                + "those with benefit ASP or CCA in the quarter. Their members are the accepted member rows counted "
                + "on " + day + " (joined on or before that day and not left by it), the members the means test "
                + "counted.");
        paragraphs.add("Categories. Each member of a recipient family is in one category, first match wins, age on "
                + day + ": children under 18; pensioners; people with a disability (any group); full-time students; "
                + "carers at home; everyone else is able-bodied, employed or unemployed/self-employed by the "
                + "employed flag of members.csv.");
        paragraphs.add("Regions. The pilot regions of the guide (in the pilot since 2014: pilot_since in regions.csv "
                + "on or before " + RegionLine.ORIGINAL_PILOT_UNTIL + ") come first with their subtotal, then the "
                + "other regions, then the Republic of Kazakhstan; every total is the sum of its regions.");
        paragraphs.add("No family's own figure. The workbook publishes counts, sums, averages and shares of groups of "
                + "families, never a largest, smallest or median value: each of those is one family's own figure, "
                + "whatever the size of its group. How far the families that lost ASP landed above the line is "
                + "given as counts of families by distance band (Changes sheet), suppressed like every other count.");
        if (statistics.adjustments().exist()) {
            paragraphs.add("Adjustments. This version corrects version " + statistics.adjustments().againstVersion()
                    + " of the quarter, the latest earlier completed one, which the payment unit was sent. The "
                    + "Adjustments sheet adds up adjustments.csv by region and benefit: families with arrears and "
                    + "their total, families overpaid and the total to recover, families with months reclassified "
                    + "(same amount, the other benefit) and the number of those months. A family counts under the "
                    + "benefit it gets now, or the one it got before when it gets none now; its region is the one "
                    + "of this version. Families are suppressed like every other count, and an amount is shown only "
                    + "where its families are.");
        } else {
            paragraphs.add("Adjustments. None: this is the first completed version of the quarter, so there is "
                    + "nothing to pay in addition or recover, and the workbook has no Adjustments sheet.");
        }
        paragraphs.add(grid.threshold <= 0 ? "Suppression. Off for this workbook (--suppress-below 0): small counts "
                + "are shown as they are. Do not publish it."
                : "Suppression. A count of fewer than " + grid.threshold + " (people, families, contracts or "
                        + "findings) is shown as x. So that none can be recovered by subtraction, wherever a row "
                        + "total or a column total (pilot subtotal, republic) has exactly one suppressed part, the "
                        + "next-smallest non-zero part is suppressed too, repeated until no total has a single "
                        + "suppressed part; a number that appears on two sheets is suppressed on both. Zero is shown "
                        + "(as –). Totals at or above the threshold are shown. Shares, averages and amounts are not "
                        + "shown for a suppressed group. Threshold: suppress_below of the rule set (default 5), or "
                        + "--suppress-below of the run.");
        return paragraphs;
    }

    private static void rule(List<SheetBuilder.TableRow> rows, RuleSet rules, String parameter, String value) {
        LocalDate validFrom = rules.validFrom().get(parameter);
        rows.add(new SheetBuilder.TableRow(List.of(Value.text(parameter), Value.text(value),
                Value.text(validFrom == null ? "built-in default" : validFrom.toString())), false));
    }

    private static List<String> sorted(java.util.Set<?> values) {
        return values.stream().map(Object::toString).sorted().toList();
    }

    static ZonedDateTime now() {
        return ZonedDateTime.now(ZoneId.systemDefault());
    }
}
