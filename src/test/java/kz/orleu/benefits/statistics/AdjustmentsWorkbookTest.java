package kz.orleu.benefits.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.orleu.benefits.quarter.Quarter;
import kz.orleu.benefits.reference.RunReferenceRepository;
import kz.orleu.benefits.run.RunContext;
import kz.orleu.benefits.support.CsvFiles;
import kz.orleu.benefits.support.Examples;
import kz.orleu.benefits.support.LauncherRun;
import kz.orleu.benefits.support.TestDatabase;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The Adjustments sheet on the three runs of the worked examples ("A correction" in their README): 2016Q2,
 * 2016Q3, then 2016Q2 again from {@code 2016Q1-corrected}. The numbers of the correcting version's workbook are
 * checked, with suppression off, against SQL over the {@code adjustment} table written here (not the workbook's
 * query) and against the {@code adjustments.csv} the payment unit gets; the workbooks with suppression on show the
 * same numbers or x, and give no suppressed cell back by subtraction. A first version has no such sheet.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdjustmentsWorkbookTest {

    private static final String SHEET = "Adjustments";
    private static final String TABLE = "Table 5.";
    private static final List<String> PILOT = List.of("11", "31", "63");
    private static final List<String> BENEFITS = List.of("ASP", "CCA", "Total");
    /** Each measure: its families, then what is shown only where they are. */
    private static final Map<String, String> MEASURES = Map.of("Families with arrears", "Arrears, tenge",
            "Families overpaid", "Overpaid, tenge to recover", "Families with months reclassified",
            "Months reclassified");

    @TempDir
    static Path work;

    private Connection db;
    private JdbcTemplate jdbc;
    private long correctionRunId;
    private Path firstVersion;
    private Path firstVersionOfLaterQuarter;
    private Path published;
    private Path unsuppressed;
    private Path suppressedBelowTwo;
    /** What the correcting run logged, its run summary included. */
    private String correctionLog;
    /** region code to English name, in the order of regions.csv */
    private final Map<String, String> regions = new LinkedHashMap<>();

    @BeforeAll
    void runTheCorrectionOfTheWorkedExamples() throws Exception {
        String url = TestDatabase.freshDatabase("adjustments_workbook");
        Path out = work.resolve("out");
        assertThat(run(url, "2016Q2", "2016Q1", out)).isZero();
        firstVersion = Files.copy(out.resolve("2016Q2").resolve(StatisticsWorkbook.FILE_NAME),
                work.resolve("2016Q2-v1.xlsx"));
        assertThat(run(url, "2016Q3", "2016Q2", out)).isZero();
        firstVersionOfLaterQuarter = out.resolve("2016Q3").resolve(StatisticsWorkbook.FILE_NAME);
        PrintStream stdout = System.out;
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        System.setOut(new PrintStream(said, true, StandardCharsets.UTF_8));
        try {
            assertThat(run(url, "2016Q2", "2016Q1-corrected", out)).isZero();
        } finally {
            System.setOut(stdout);
        }
        correctionLog = said.toString(StandardCharsets.UTF_8);
        stdout.print(correctionLog);
        published = out.resolve("2016Q2").resolve(StatisticsWorkbook.FILE_NAME);

        db = DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password());
        jdbc = new JdbcTemplate(new SingleConnectionDataSource(db, true));
        correctionRunId = jdbc.queryForObject(
                "select run_id from run where benefit_quarter = '2016Q2' and version = 2", Long.class);
        StatisticsWorkbook part = new StatisticsWorkbook(jdbc, new RunReferenceRepository(jdbc));
        unsuppressed = write(part, 0);
        suppressedBelowTwo = write(part, 2);
        jdbc.query("select region_code, name_en from ref_region where run_id = ? order by line",
                rs -> {
                    regions.put(rs.getString(1), rs.getString(2));
                }, correctionRunId);
    }

    @AfterAll
    void close() throws SQLException {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void aFirstVersionHasNoAdjustmentsSheetAndItsAboutSaysThereIsNothingToAdjust() throws Exception {
        for (Path file : List.of(firstVersion, firstVersionOfLaterQuarter)) {
            try (XSSFWorkbook workbook = open(file)) {
                assertThat(sheetNames(workbook)).as(file.toString())
                        .containsExactly("Summary", "Composition", "Compliance", "Changes", "Trends", "About");
                assertThat(about(workbook, "Compared with (adjustments)")).startsWith("none");
            }
        }
    }

    @Test
    void theCorrectingVersionHasTheSheetBeforeAboutAndAboutNamesTheVersionItCorrects() throws Exception {
        for (Path file : List.of(published, unsuppressed, suppressedBelowTwo)) {
            try (XSSFWorkbook workbook = open(file)) {
                assertThat(sheetNames(workbook)).as(file.toString()).containsExactly("Summary", "Composition",
                        "Compliance", "Changes", SHEET, "Trends", "About");
                assertThat(about(workbook, "Compared with (adjustments)")).startsWith("version 1 of the quarter");
                assertThat(about(workbook, "Version of the quarter's results")).isEqualTo("2");
                WorkbookTable table = new WorkbookTable(workbook.getSheet(SHEET), TABLE);
                assertThat(table.rows.keySet()).startsWith("Akmola", "Zhambyl", "East Kazakhstan",
                        "Pilot regions, total").last().isEqualTo("Republic of Kazakhstan");
                assertThat(workbook.getSheet(SHEET).getPaneInformation().isFreezePane()).isTrue();
            }
        }
    }

    @Test
    void everyFigureEqualsTheAdjustmentTableAggregatedByRegionAndBenefit() throws Exception {
        try (XSSFWorkbook workbook = open(unsuppressed)) {
            WorkbookTable table = new WorkbookTable(workbook.getSheet(SHEET), TABLE);
            for (Map.Entry<String, List<String>> line : lines().entrySet()) {
                for (String benefit : BENEFITS) {
                    List<String> benefits = benefit.equals("Total") ? List.of("ASP", "CCA") : List.of(benefit);
                    Map<String, Object> e = expected(line.getValue(), benefits);
                    String r = line.getKey();
                    String at = r + " " + benefit + ": ";
                    assertThat(table.number(r, "Families with arrears / " + benefit)).as(at)
                            .isEqualTo(number(e, "arrears_families"));
                    assertThat(table.number(r, "Arrears, tenge / " + benefit)).as(at).isEqualTo(number(e, "arrears"));
                    assertThat(table.number(r, "Families overpaid / " + benefit)).as(at)
                            .isEqualTo(number(e, "overpaid_families"));
                    assertThat(table.number(r, "Overpaid, tenge to recover / " + benefit)).as(at)
                            .isEqualTo(number(e, "overpaid"));
                    assertThat(table.number(r, "Families with months reclassified / " + benefit)).as(at)
                            .isEqualTo(number(e, "reclassified_families"));
                    assertThat(table.number(r, "Months reclassified / " + benefit)).as(at)
                            .isEqualTo(number(e, "reclassified_months"));
                }
            }
        }
    }

    @Test
    void theRepublicTotalsAreThoseOfTheAdjustmentsFileThePaymentUnitGets() throws Exception {
        List<Map<String, String>> rows = CsvFiles.read(published.resolveSibling("adjustments.csv"));
        long arrearsFamilies = rows.stream().filter(r -> Long.parseLong(r.get("delta")) > 0)
                .map(r -> r.get("family_id")).distinct().count();
        long arrears = rows.stream().mapToLong(r -> Long.parseLong(r.get("delta"))).filter(d -> d > 0).sum();
        long overpaidFamilies = rows.stream().filter(r -> Long.parseLong(r.get("delta")) < 0)
                .map(r -> r.get("family_id")).distinct().count();
        long overpaid = -rows.stream().mapToLong(r -> Long.parseLong(r.get("delta"))).filter(d -> d < 0).sum();
        long reclassified = rows.stream().filter(r -> r.get("kind").equals("RECLASSIFIED")).count();
        // the worked examples: F000015, F000016 and F000049 are paid arrears, F000007 and F000020 among the overpaid
        assertThat(arrearsFamilies).isEqualTo(3);
        assertThat(overpaidFamilies).isGreaterThanOrEqualTo(2);
        try (XSSFWorkbook workbook = open(unsuppressed)) {
            WorkbookTable table = new WorkbookTable(workbook.getSheet(SHEET), TABLE);
            String republic = "Republic of Kazakhstan";
            assertThat(table.number(republic, "Families with arrears / Total")).isEqualTo((double) arrearsFamilies);
            assertThat(table.number(republic, "Arrears, tenge / Total")).isEqualTo((double) arrears);
            assertThat(table.number(republic, "Families overpaid / Total")).isEqualTo((double) overpaidFamilies);
            assertThat(table.number(republic, "Overpaid, tenge to recover / Total")).isEqualTo((double) overpaid);
            assertThat(table.number(republic, "Months reclassified / Total")).isEqualTo((double) reclassified);
            assertThat(table.number(republic, "Families with arrears / ASP")
                    + table.number(republic, "Families with arrears / CCA")).as("each family under one benefit")
                    .isEqualTo((double) arrearsFamilies);
        }
    }

    @Test
    void theRunSummaryPrintsTheSameTotalsByRegionAndBenefitAsTheSheet() throws Exception {
        Pattern summary = Pattern.compile("adjusted region (\\S+)\\s+(ASP|CCA) arrears (\\d+) families (\\d+) tenge, "
                + "overpaid (\\d+) families (\\d+) tenge, (\\d+) months reclassified");
        Map<String, long[]> printed = new LinkedHashMap<>();
        for (String line : correctionLog.lines().toList()) {
            Matcher m = summary.matcher(line);
            if (m.find()) {
                printed.put(m.group(1) + " " + m.group(2), new long[] {Long.parseLong(m.group(3)),
                        Long.parseLong(m.group(4)), Long.parseLong(m.group(5)), Long.parseLong(m.group(6)),
                        Long.parseLong(m.group(7))});
            }
        }
        // the examples adjust Akmola (ASP), Zhambyl (ASP and CCA) and East Kazakhstan (ASP)
        assertThat(printed.keySet()).containsExactly("11 ASP", "31 ASP", "31 CCA", "63 ASP");
        try (XSSFWorkbook workbook = open(unsuppressed)) {
            WorkbookTable table = new WorkbookTable(workbook.getSheet(SHEET), TABLE);
            for (String region : regions.keySet()) {
                for (String benefit : List.of("ASP", "CCA")) {
                    long[] log = printed.getOrDefault(region + " " + benefit, new long[5]);
                    String r = regions.get(region);
                    String at = region + " " + benefit + ": ";
                    assertThat(table.number(r, "Families with arrears / " + benefit)).as(at).isEqualTo((double) log[0]);
                    assertThat(table.number(r, "Arrears, tenge / " + benefit)).as(at).isEqualTo((double) log[1]);
                    assertThat(table.number(r, "Families overpaid / " + benefit)).as(at).isEqualTo((double) log[2]);
                    assertThat(table.number(r, "Overpaid, tenge to recover / " + benefit)).as(at)
                            .isEqualTo((double) log[3]);
                    assertThat(table.number(r, "Months reclassified / " + benefit)).as(at).isEqualTo((double) log[4]);
                }
            }
        }
    }

    @Test
    void suppressedWorkbooksShowTheSameNumbersOrXAndHideTheMoneyOfHiddenFamilies() throws Exception {
        try (XSSFWorkbook plain = open(unsuppressed)) {
            WorkbookTable truth = new WorkbookTable(plain.getSheet(SHEET), TABLE);
            for (Map.Entry<Path, Integer> file : Map.of(published, 5, suppressedBelowTwo, 2).entrySet()) {
                int threshold = file.getValue();
                int suppressed = 0;
                try (XSSFWorkbook workbook = open(file.getKey())) {
                    WorkbookTable table = new WorkbookTable(workbook.getSheet(SHEET), TABLE);
                    for (String line : lines().keySet()) {
                        for (Map.Entry<String, String> measure : MEASURES.entrySet()) {
                            for (String benefit : BENEFITS) {
                                String families = measure.getKey() + " / " + benefit;
                                String amount = measure.getValue() + " / " + benefit;
                                String at = threshold + " " + line + " " + families + ": ";
                                Cell count = table.cell(line, families);
                                if (isSuppressed(count)) {
                                    suppressed++;
                                    assertThat(isSuppressed(table.cell(line, amount))).as(at + "amount hidden").isTrue();
                                    continue;
                                }
                                double shown = table.number(line, families);
                                assertThat(shown).as(at).isEqualTo(truth.number(line, families));
                                assertThat(shown).as(at + "a shown count is 0 or at the threshold")
                                        .satisfiesAnyOf(v -> assertThat(v).isZero(),
                                                v -> assertThat(v).isGreaterThanOrEqualTo(threshold));
                                assertThat(table.number(line, amount)).as(at + "amount")
                                        .isEqualTo(truth.number(line, amount));
                            }
                        }
                    }
                    assertNoCellComesBackBySubtraction(table, threshold);
                }
                assertThat(suppressed).as("the examples' few families are suppressed at " + threshold).isPositive();
            }
        }
    }

    @Test
    void atThresholdTwoASingleFamilyIsHiddenWithTheCellThatWouldGiveItBackAndTheTotalsStay() throws Exception {
        // arrears (ASP): Akmola 2 families (F000016, F000049), East Kazakhstan 1 (F000015): East Kazakhstan is
        // hidden, and Akmola with it, or the republic's 3 would give it back; the republic's 3 stay.
        // overpaid in Zhambyl: ASP 1 (F000028), CCA 3 (F000007, F000020, F000026): the ASP one is hidden, and the
        // CCA 3 with it, or the Zhambyl total of 4 would give it back.
        try (XSSFWorkbook workbook = open(suppressedBelowTwo)) {
            WorkbookTable table = new WorkbookTable(workbook.getSheet(SHEET), TABLE);
            for (String hidden : List.of("Akmola|Families with arrears / ASP", "Akmola|Arrears, tenge / ASP",
                    "Akmola|Families with arrears / Total", "East Kazakhstan|Families with arrears / ASP",
                    "East Kazakhstan|Arrears, tenge / Total", "Zhambyl|Families overpaid / ASP",
                    "Zhambyl|Families overpaid / CCA", "Zhambyl|Overpaid, tenge to recover / CCA")) {
                String[] cell = hidden.split("\\|");
                assertThat(isSuppressed(table.cell(cell[0], cell[1]))).as(hidden).isTrue();
            }
            assertThat(table.number("Republic of Kazakhstan", "Families with arrears / Total")).isEqualTo(3.0);
            // 3 × 18,400 + 3 × 14,347 + 3 × 815
            assertThat(table.number("Republic of Kazakhstan", "Arrears, tenge / Total")).isEqualTo(100_686.0);
            assertThat(table.number("Zhambyl", "Families overpaid / Total")).isEqualTo(4.0);
            // 3 × 5,969 (ASP) + 36,000 + 3 × 16,000 + 3 × 12,000 (CCA)
            assertThat(table.number("Zhambyl", "Overpaid, tenge to recover / Total")).isEqualTo(137_907.0);
        }
    }

    @Test
    void theSheetHoldsNoFamilyId() throws Exception {
        List<String> families = jdbc.queryForList("select distinct family_id from adjustment where run_id = ?",
                String.class, correctionRunId);
        assertThat(families).isNotEmpty();
        for (Path file : List.of(published, unsuppressed)) {
            try (XSSFWorkbook workbook = open(file)) {
                for (Sheet sheet : workbook) {
                    for (Row row : sheet) {
                        for (Cell cell : row) {
                            if (cell.getCellType() == CellType.STRING) {
                                for (String family : families) {
                                    assertThat(cell.getStringCellValue()).as(sheet.getSheetName())
                                            .doesNotContain(family);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    // ---- helpers

    /** Written independently of the workbook's query: arrears and overpayments per family, then by region. */
    private Map<String, Object> expected(List<String> regionCodes, List<String> benefits) throws SQLException {
        return jdbc.queryForMap("""
                with family as (
                    select a.family_id, f.region_code,
                           case when e.benefit in ('ASP', 'CCA') then e.benefit else b.benefit end as benefit,
                           sum(greatest(a.delta, 0)) as arrears,
                           sum(greatest(-a.delta, 0)) as overpaid,
                           sum(case when a.kind = 'RECLASSIFIED' then 1 else 0 end) as reclassified
                      from adjustment a
                      join entitlement e on e.run_id = a.run_id and e.family_id = a.family_id
                      join stg_family f on f.run_id = a.run_id and f.family_id = a.family_id and not f.rejected
                      left join entitlement b on b.run_id = a.run_before and b.family_id = a.family_id
                     where a.run_id = ?
                     group by 1, 2, 3)
                select count(*) filter (where arrears > 0) as arrears_families,
                       coalesce(sum(arrears), 0) as arrears,
                       count(*) filter (where overpaid > 0) as overpaid_families,
                       coalesce(sum(overpaid), 0) as overpaid,
                       count(*) filter (where reclassified > 0) as reclassified_families,
                       coalesce(sum(reclassified), 0) as reclassified_months
                  from family
                 where region_code = any (?) and benefit = any (?)""", correctionRunId,
                db.createArrayOf("text", regionCodes.toArray()), db.createArrayOf("text", benefits.toArray()));
    }

    /**
     * Within a row, ASP and CCA add up to the total of each measure; within a column, the regions add up to the
     * republic, the pilot regions to their subtotal, and the subtotal and the other regions to the republic.
     */
    private void assertNoCellComesBackBySubtraction(WorkbookTable table, int threshold) {
        for (String line : lines().keySet()) {
            for (String measure : MEASURES.keySet()) {
                assertNotSingleSuppressed(table, List.of(line), BENEFITS.stream().map(b -> measure + " / " + b)
                        .toList(), threshold + " " + line + " " + measure);
            }
        }
        List<String> regionRows = new ArrayList<>(regions.values());
        List<String> pilot = List.of("Akmola", "Zhambyl", "East Kazakhstan", "Pilot regions, total");
        List<String> others = new ArrayList<>(regionRows);
        others.removeAll(pilot);
        others.add("Pilot regions, total");
        others.add("Republic of Kazakhstan");
        List<String> all = new ArrayList<>(regionRows);
        all.add("Republic of Kazakhstan");
        for (String measure : MEASURES.keySet()) {
            for (String benefit : BENEFITS) {
                String column = measure + " / " + benefit;
                for (List<String> rows : List.of(all, pilot, others)) {
                    assertNotSingleSuppressed(table, rows, List.of(column), threshold + " " + column + " " + rows);
                }
            }
        }
    }

    private static void assertNotSingleSuppressed(WorkbookTable table, List<String> rows, List<String> columns,
            String what) {
        int hidden = 0;
        for (String row : rows) {
            for (String column : columns) {
                hidden += isSuppressed(table.cell(row, column)) ? 1 : 0;
            }
        }
        assertThat(hidden).as(what + ": a single suppressed cell would come back by subtraction").isNotEqualTo(1);
    }

    private static boolean isSuppressed(Cell cell) {
        return cell != null && cell.getCellType() == CellType.STRING
                && cell.getStringCellValue().equals(Value.SUPPRESSED_MARK);
    }

    /** Each row of the table by its English label, with the region codes it adds up. */
    private Map<String, List<String>> lines() {
        Map<String, List<String>> lines = new LinkedHashMap<>();
        regions.forEach((code, name) -> lines.put(name, List.of(code)));
        lines.put("Pilot regions, total", PILOT);
        lines.put("Republic of Kazakhstan", List.copyOf(regions.keySet()));
        return lines;
    }

    private Path write(StatisticsWorkbook part, int threshold) throws IOException {
        Path folder = Files.createDirectories(work.resolve("below-" + threshold));
        part.write(new RunContext(correctionRunId, Quarter.parse("2016Q2"), Examples.input("2016Q1-corrected"),
                folder, threshold), folder);
        return folder.resolve(StatisticsWorkbook.FILE_NAME);
    }

    private static int run(String url, String quarter, String input, Path out) {
        return LauncherRun.run(url, "run", "--quarter", quarter, "--input", Examples.input(input).toString(),
                "--output", out.toString()).exitCode();
    }

    private static List<String> sheetNames(XSSFWorkbook workbook) {
        List<String> names = new ArrayList<>();
        workbook.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    /** The value next to a key on the About sheet. */
    private static String about(XSSFWorkbook workbook, String key) {
        Sheet about = workbook.getSheet("About");
        for (Row row : about) {
            if (row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING
                    && row.getCell(0).getStringCellValue().equals(key)) {
                return row.getCell(1).getStringCellValue();
            }
        }
        throw new AssertionError("no '" + key + "' on the About sheet");
    }

    private static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    private static Double number(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? null : ((Number) value).doubleValue();
    }
}
