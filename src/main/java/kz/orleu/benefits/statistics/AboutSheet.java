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

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

    private AboutSheet() {
    }

    static SheetBuilder layout(QuarterStatistics statistics, CountGrid grid, boolean thresholdOverridden,
            ZonedDateTime generatedAt, Messages m) {
        QuarterStatistics.Run run = statistics.run();
        RuleSet rules = run.ruleSet();
        SheetBuilder sheet = new SheetBuilder(m.text("about.sheet"), m);
        sheet.title(m.text("about.title", run.benefitQuarter()));
        sheet.blank();
        sheet.keyValue(m.text("about.benefitQuarter"), Value.text(RegionTables.describe(run.benefitQuarter(), m)));
        sheet.keyValue(m.text("about.incomeQuarter"), Value.text(RegionTables.describe(run.incomeQuarter(), m)));
        // the run id and the generation time are the only cells two runs of the same input differ in
        sheet.keyValue(m.text("about.runId"), Value.text(Long.toString(run.runId())));
        sheet.keyValue(m.text("about.version"), Value.text(Integer.toString(run.version())));
        sheet.keyValue(m.text("about.comparedWith"), Value.text(statistics.adjustments().exist()
                ? m.text("about.comparedWith.version", statistics.adjustments().againstVersion())
                : m.text("about.comparedWith.none")));
        sheet.keyValue(m.text("about.software"), Value.text(run.softwareVersion()));
        sheet.keyValue(m.text("about.generated"),
                Value.text(TIME.format(generatedAt.truncatedTo(ChronoUnit.SECONDS))));
        sheet.keyValue(m.text("about.rulesOn"), Value.text(rules.effectiveOn().toString()));
        sheet.keyValue(m.text("about.threshold"), Value.text(grid.threshold <= 0 ? m.text("about.threshold.off")
                : m.text(thresholdOverridden ? "about.threshold.option" : "about.threshold.ruleSet",
                        grid.threshold)));
        sheet.keyValue(m.text("about.language"), Value.text(m.text("language.name")));
        sheet.blank();

        sheet.title(m.text("about.rules"));
        List<SheetBuilder.TableRow> ruleRows = new ArrayList<>();
        rule(ruleRows, rules, "asp_share", rules.aspShare().toPlainString(), m);
        rule(ruleRows, rules, "cca_share", rules.ccaShare().toPlainString(), m);
        rule(ruleRows, rules, "failure_months", Integer.toString(rules.failureMonths()), m);
        rule(ruleRows, rules, "terminate_after_failures", Integer.toString(rules.terminateAfterFailures()), m);
        rule(ruleRows, rules, "suppress_below", Integer.toString(rules.suppressBelow()), m);
        rule(ruleRows, rules, "exempt_age_below", Integer.toString(rules.exemptAgeBelow()), m);
        rule(ruleRows, rules, "exempt_disability_groups", String.join(";", sorted(rules.exemptDisabilityGroups())),
                m);
        rule(ruleRows, rules, "forbidden_purposes", String.join(";", sorted(rules.forbiddenPurposes())), m);
        if (rules.statisticsLanguage() != null) {
            rule(ruleRows, rules, "statistics_language", rules.statisticsLanguage(), m);
        }
        for (Map.Entry<String, Boolean> type : new TreeMap<>(rules.incomeTypes()).entrySet()) {
            rule(ruleRows, rules, "income_type:" + type.getKey(),
                    m.text(type.getValue() ? "about.counted" : "about.notCounted"), m);
        }
        sheet.table(List.of(SheetBuilder.Column.of(m.text("about.parameter")),
                SheetBuilder.Column.of(m.text("about.value")), SheetBuilder.Column.of(m.text("about.validFrom"))),
                ruleRows);
        sheet.blank();

        sheet.title(m.text("about.minimumTitle", run.incomeQuarter()));
        List<SheetBuilder.TableRow> minimumRows = new ArrayList<>();
        for (RegionLine line : grid.lines) {
            if (!line.isRegion()) {
                continue;
            }
            BigDecimal minimum = statistics.sources().subsistenceMinimum().get(line.code());
            List<Value> cells = RegionTables.names(line, m);
            cells.add(Value.amount(minimum).observed(line, Measure.SUBSISTENCE_MINIMUM, "TOTAL"));
            cells.add(Value.amount(minimum == null ? null
                    : minimum.multiply(rules.aspShare()).setScale(2, RoundingMode.HALF_UP))
                    .observed(line, Measure.BENEFIT_LINE, "ASP"));
            cells.add(Value.amount(minimum == null ? null
                    : minimum.multiply(rules.ccaShare()).setScale(2, RoundingMode.HALF_UP))
                    .observed(line, Measure.BENEFIT_LINE, "CCA"));
            minimumRows.add(new SheetBuilder.TableRow(cells, false));
        }
        List<SheetBuilder.Column> minimumColumns = RegionTables.nameColumns(m);
        minimumColumns.add(SheetBuilder.Column.of(m.text("about.minimum")));
        minimumColumns.add(SheetBuilder.Column.of(m.text("about.aspLine")));
        minimumColumns.add(SheetBuilder.Column.of(m.text("about.ccaLine")));
        sheet.table(minimumColumns, minimumRows);
        sheet.note(m.text("about.minimumNote"), 6);
        sheet.blank();

        sheet.title(m.text("about.inputTitle", run.incomeQuarter()));
        List<SheetBuilder.TableRow> fileRows = new ArrayList<>();
        for (QuarterStatistics.FileCount file : statistics.sources().inputFiles()) {
            fileRows.add(new SheetBuilder.TableRow(List.of(Value.text(file.file()),
                    Value.count(file.read()).observed("", Measure.INPUT_ROWS, file.file() + ".READ"),
                    Value.count(file.accepted()).observed("", Measure.INPUT_ROWS, file.file() + ".ACCEPTED"),
                    Value.count(file.rejected()).observed("", Measure.INPUT_ROWS, file.file() + ".REJECTED")),
                    false));
        }
        sheet.table(List.of(SheetBuilder.Column.of(m.text("about.file")),
                SheetBuilder.Column.of(m.text("about.rowsRead")), SheetBuilder.Column.of(m.text("about.accepted")),
                SheetBuilder.Column.of(m.text("about.rejected"))), fileRows);
        sheet.blank();

        sheet.title(m.text("about.referenceTitle"));
        List<SheetBuilder.TableRow> referenceRows = new ArrayList<>();
        for (QuarterStatistics.ReferenceSource file : statistics.sources().referenceFiles()) {
            referenceRows.add(new SheetBuilder.TableRow(List.of(Value.text(file.file()),
                    Value.text(m.text(file.fromInputFolder() ? "about.fromInput" : "about.shipped")),
                    Value.count(file.rows()).observed("", Measure.REFERENCE_ROWS, file.file())), false));
        }
        sheet.table(List.of(SheetBuilder.Column.of(m.text("about.file")),
                SheetBuilder.Column.of(m.text("about.source")), SheetBuilder.Column.of(m.text("about.rows"))),
                referenceRows);
        sheet.blank();

        sheet.title(m.text("about.method"));
        for (String paragraph : method(statistics, grid, m)) {
            sheet.note(paragraph, 6);
        }
        return sheet;
    }

    private static List<String> method(QuarterStatistics statistics, CountGrid grid, Messages m) {
        QuarterStatistics.Run run = statistics.run();
        String day = RegionTables.firstDay(run.benefitQuarter(), m);
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(m.text("method.source", run.version(), run.benefitQuarter(), run.incomeQuarter()));
        paragraphs.add(m.text("method.counted", day));
        paragraphs.add(m.text("method.categories", day));
        paragraphs.add(m.text("method.regions", RegionLine.ORIGINAL_PILOT_UNTIL));
        paragraphs.add(m.text("method.ownFigure"));
        paragraphs.add(statistics.adjustments().exist()
                ? m.text("method.adjustments", statistics.adjustments().againstVersion())
                : m.text("method.noAdjustments"));
        paragraphs.add(grid.threshold <= 0 ? m.text("method.suppressionOff")
                : m.text("method.suppression", grid.threshold));
        paragraphs.add(m.text("method.csv"));
        return paragraphs;
    }

    private static void rule(List<SheetBuilder.TableRow> rows, RuleSet rules, String parameter, String value,
            Messages m) {
        LocalDate validFrom = rules.validFrom().get(parameter);
        rows.add(new SheetBuilder.TableRow(List.of(Value.text(parameter), Value.text(value),
                Value.text(validFrom == null ? m.text("about.builtIn") : validFrom.toString())), false));
    }

    private static List<String> sorted(java.util.Set<?> values) {
        return values.stream().map(Object::toString).sorted().toList();
    }

    static ZonedDateTime now() {
        return ZonedDateTime.now(ZoneId.systemDefault());
    }
}
