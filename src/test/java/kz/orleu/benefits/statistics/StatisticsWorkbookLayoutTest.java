package kz.orleu.benefits.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import kz.orleu.benefits.quarter.Quarter;
import kz.orleu.benefits.reference.ReferenceData;
import kz.orleu.benefits.reference.RuleSet;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbook writer on hand-made aggregates, without a database. */
class StatisticsWorkbookLayoutTest {

    private static final LocalDate SINCE = LocalDate.of(2014, 1, 1);

    @TempDir
    Path folder;

    private static QuarterStatistics statistics(List<ReferenceData.Region> regions, Map<String, long[]> cca) {
        RuleSet rules = RuleSet.resolve(List.of(new RuleSet.Rule("asp_share", "0.40", SINCE),
                new RuleSet.Rule("cca_share", "0.60", SINCE), new RuleSet.Rule("failure_months", "2", SINCE),
                new RuleSet.Rule("terminate_after_failures", "2", SINCE)), List.of(), LocalDate.of(2016, 4, 1));
        return new QuarterStatistics(new QuarterStatistics.Run(7, Quarter.parse("2016Q2"), Quarter.parse("2016Q1"),
                1, "test", rules), RegionLine.order(regions),
                new QuarterStatistics.Summary(Map.of(), Map.of()), cca, Map.of(),
                new QuarterStatistics.Compliance(Map.of()), new QuarterStatistics.Changes(Map.of(), Map.of()),
                QuarterStatistics.Adjustments.NONE,
                new QuarterStatistics.Sources(Map.of(), List.of(), List.of()));
    }

    @Test
    void textThatLooksLikeAFormulaIsWrittenAsText() throws Exception {
        // a replaced regions.csv could carry anything; a spreadsheet must never run it
        String name = "=HYPERLINK(\"http://example.invalid\",\"click\")";
        Path file = folder.resolve("statistics.xlsx");
        StatisticsWorkbook.write(statistics(List.of(new ReferenceData.Region("11", "+1", "@SUM(A1)", name,
                LocalDate.of(2014, 4, 1))), Map.of()), 5, false, ZonedDateTime.now(), file);
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            WorkbookTable summary = new WorkbookTable(workbook.getSheet("Summary"), "Table 1.");
            int row = summary.row(name);
            for (int c = 0; c < 3; c++) {
                Cell cell = workbook.getSheet("Summary").getRow(row).getCell(c);
                assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
            }
            assertThat(workbook.getSheet("Summary").getRow(row).getCell(1).getStringCellValue()).isEqualTo("+1");
        }
    }

    @Test
    void workbookWithoutAnyRegionOrFamilyIsStillWritten() throws Exception {
        Path file = folder.resolve("empty.xlsx");
        StatisticsWorkbook.write(statistics(List.of(), Map.of()), 5, false, ZonedDateTime.now(), file);
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            WorkbookTable summary = new WorkbookTable(workbook.getSheet("Summary"), "Table 1.");
            assertThat(summary.rows.keySet()).containsExactly("Republic of Kazakhstan");
            assertThat(summary.number("Republic of Kazakhstan", "Recipient families / Total")).isZero();
        }
    }

    @Test
    void pieShowsTheSuppressedCategoriesAsOneSlice() throws Exception {
        // republic CCA members: 40 children, 3 carers, 2 students, 0 others: 3 and 2 are suppressed
        long[] categories = new long[Category.values().length];
        categories[Category.CHILD.ordinal()] = 40;
        categories[Category.CARER.ordinal()] = 3;
        categories[Category.STUDENT.ordinal()] = 2;
        QuarterStatistics plain = statistics(List.of(new ReferenceData.Region("15", "kk", "ru", "Aktobe", null)),
                Map.of("15", categories));
        long[] summary = new long[QuarterStatistics.Summary.COUNTS];
        summary[QuarterStatistics.Summary.CCA_FAMILIES] = 9;
        summary[QuarterStatistics.Summary.RECIPIENT_FAMILIES] = 9;
        summary[QuarterStatistics.Summary.CCA_MEMBERS] = 45;
        summary[QuarterStatistics.Summary.RECIPIENT_MEMBERS] = 45;
        QuarterStatistics withSummary = new QuarterStatistics(plain.run(), plain.lines(),
                new QuarterStatistics.Summary(Map.of("15", summary), Map.of()), plain.ccaComposition(),
                plain.aspComposition(), plain.compliance(), plain.changes(), plain.adjustments(), plain.sources());
        Path file = folder.resolve("pie.xlsx");
        StatisticsWorkbook.write(withSummary, 5, false, ZonedDateTime.now(), file);
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            var chart = workbook.getSheet("Composition").getDrawingPatriarch().getCharts().get(0);
            var series = chart.getCTChart().getPlotArea().getPieChartArray(0).getSerArray(0);
            assertThat(series.getCat().getStrRef().getStrCache().getPtList()).extracting(p -> p.getV())
                    .containsExactly("Children under 18", "Suppressed categories");
            assertThat(series.getVal().getNumRef().getNumCache().getPtList()).extracting(p -> p.getV())
                    .containsExactly("40.0", "5.0");
        }
    }

    @Test
    void reclassifiedMonthsOfAHiddenFamilyAreHiddenWithItAndTheRepublicTotalStays() throws Exception {
        // Aktobe: 1 ASP family reclassified (3 months), 7 ASP families with 70,000 of arrears; Almaty: 6 CCA
        // families reclassified (10 months). Threshold 5: Aktobe's one family is hidden, and so are its 3 months.
        List<ReferenceData.Region> regions = List.of(new ReferenceData.Region("15", "kk", "ru", "Aktobe", null),
                new ReferenceData.Region("19", "kk", "ru", "Almaty region", null));
        long[] aktobe = new long[QuarterStatistics.Adjustments.COUNTS];
        aktobe[QuarterStatistics.Adjustments.RECLASSIFIED + QuarterStatistics.Adjustments.ASP] = 1;
        aktobe[QuarterStatistics.Adjustments.RECLASSIFIED + QuarterStatistics.Adjustments.TOTAL] = 1;
        aktobe[QuarterStatistics.Adjustments.ARREARS + QuarterStatistics.Adjustments.ASP] = 7;
        aktobe[QuarterStatistics.Adjustments.ARREARS + QuarterStatistics.Adjustments.TOTAL] = 7;
        long[] almaty = new long[QuarterStatistics.Adjustments.COUNTS];
        almaty[QuarterStatistics.Adjustments.RECLASSIFIED + QuarterStatistics.Adjustments.CCA] = 6;
        almaty[QuarterStatistics.Adjustments.RECLASSIFIED + QuarterStatistics.Adjustments.TOTAL] = 6;
        BigDecimal[] aktobeSums = zeros();
        aktobeSums[QuarterStatistics.Adjustments.RECLASSIFIED_MONTHS + QuarterStatistics.Adjustments.ASP] =
                BigDecimal.valueOf(3);
        aktobeSums[QuarterStatistics.Adjustments.ARREARS_TENGE + QuarterStatistics.Adjustments.ASP] =
                BigDecimal.valueOf(70_000);
        BigDecimal[] almatySums = zeros();
        almatySums[QuarterStatistics.Adjustments.RECLASSIFIED_MONTHS + QuarterStatistics.Adjustments.CCA] =
                BigDecimal.valueOf(10);
        QuarterStatistics plain = statistics(regions, Map.of());
        QuarterStatistics corrected = new QuarterStatistics(plain.run(), plain.lines(), plain.summary(),
                plain.ccaComposition(), plain.aspComposition(), plain.compliance(), plain.changes(),
                new QuarterStatistics.Adjustments(1, Map.of("15", aktobe, "19", almaty),
                        Map.of("15", aktobeSums, "19", almatySums)), plain.sources());
        Path file = folder.resolve("adjustments.xlsx");
        StatisticsWorkbook.write(corrected, 5, false, ZonedDateTime.now(), file);
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            WorkbookTable table = new WorkbookTable(workbook.getSheet("Adjustments"), "Table 5.");
            assertThat(text(table, "Aktobe", "Families with months reclassified / ASP")).isEqualTo("x");
            assertThat(text(table, "Aktobe", "Months reclassified / ASP")).isEqualTo("x");
            assertThat(text(table, "Republic of Kazakhstan", "Months reclassified / ASP")).isEqualTo("x");
            // 3 + 10 months, of 7 families: a total at the threshold is shown
            assertThat(table.number("Republic of Kazakhstan", "Families with months reclassified / Total"))
                    .isEqualTo(7.0);
            assertThat(table.number("Republic of Kazakhstan", "Months reclassified / Total")).isEqualTo(13.0);
            assertThat(table.number("Aktobe", "Families with arrears / ASP")).isEqualTo(7.0);
            assertThat(table.number("Aktobe", "Arrears, tenge / ASP")).isEqualTo(70_000.0);
            for (String region : List.of("Aktobe", "Almaty region", "Republic of Kazakhstan")) {
                for (String benefit : List.of("ASP", "CCA", "Total")) {
                    assertThat(text(table, region, "Months reclassified / " + benefit)).as(region + " " + benefit)
                            .isEqualTo(text(table, region, "Families with months reclassified / " + benefit)
                                    .equals("x") ? "x" : "");
                }
            }
        }
    }

    /** The text of a cell: "x" when suppressed, empty for a number. */
    private static String text(WorkbookTable table, String row, String column) {
        Cell cell = table.cell(row, column);
        return cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : "";
    }

    private static BigDecimal[] zeros() {
        BigDecimal[] values = new BigDecimal[QuarterStatistics.Adjustments.SUMS];
        Arrays.fill(values, BigDecimal.ZERO);
        return values;
    }
}
