package kz.orleu.benefits.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.orleu.benefits.output.OutputFiles;
import kz.orleu.benefits.quarter.Quarter;
import kz.orleu.benefits.reference.RunReferenceRepository;
import kz.orleu.benefits.run.RunContext;
import kz.orleu.benefits.support.Examples;
import kz.orleu.benefits.support.LauncherRun;
import kz.orleu.benefits.support.TestDatabase;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The Trends sheet on the worked examples ("A correction" in their README): 2016Q2, 2016Q3, then 2016Q2 again from
 * {@code 2016Q1-corrected}. Its numbers are those of each quarter's latest completed version in the database, each
 * is in {@code statistics.csv} with its quarter, a quarter is hidden as its own workbook hides it, and the three
 * languages show the same numbers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrendsStatisticsTest {

    private static final Quarter Q2 = Quarter.parse("2016Q2");
    private static final Quarter Q3 = Quarter.parse("2016Q3");
    private static final List<String> BENEFITS = List.of("ASP", "CCA", "Total");

    @TempDir
    static Path work;

    private JdbcTemplate jdbc;
    private StatisticsWorkbook part;
    /** English name (and the total lines' names) to the region code of {@code statistics.csv}. */
    private final Map<String, String> codes = new HashMap<>();
    private long q2FirstVersion;
    private long q3;
    private long q2Correction;
    private Path out;

    @BeforeAll
    void runTheCorrectionOfTheWorkedExamples() throws Exception {
        String url = TestDatabase.freshDatabase("trends_workbook");
        out = work.resolve("out");
        assertThat(run(url, "2016Q2", "2016Q1")).isZero();
        assertThat(run(url, "2016Q3", "2016Q2")).isZero();
        copy(out.resolve("2016Q3"), work.resolve("q3-job"));
        jdbc = new JdbcTemplate(new DriverManagerDataSource(url, TestDatabase.user(), TestDatabase.password()));
        part = new StatisticsWorkbook(jdbc, new RunReferenceRepository(jdbc));
        q2FirstVersion = runId("2016Q2", 1);
        q3 = runId("2016Q3", 1);
        for (String language : List.of("kk", "ru", "en")) {
            write(q3, Q3, "q3-" + language, language, null);
        }
        write(q3, Q3, "q3-unsuppressed", "en", 0);
        write(q2FirstVersion, Q2, "q2v1-suppressed", "en", null);
        write(q2FirstVersion, Q2, "q2v1-unsuppressed", "en", 0);

        assertThat(run(url, "2016Q2", "2016Q1-corrected")).isZero();
        copy(out.resolve("2016Q2"), work.resolve("q2v2-job"));
        q2Correction = runId("2016Q2", 2);
        write(q3, Q3, "q3-after-correction-unsuppressed", "en", 0);
        write(q3, Q3, "q3-after-correction", "en", null);
        write(q2Correction, Q2, "q2v2-suppressed", "en", null);
        write(q2Correction, Q2, "q2v2-unsuppressed", "en", 0);
        jdbc.query("select region_code, name_en from ref_region where run_id = ?",
                rs -> {
                    codes.put(rs.getString(2), rs.getString(1));
                }, q3);
        codes.put(RegionLine.PILOT_TOTAL_LINE.nameEn(), "PILOT");
        codes.put(RegionLine.REPUBLIC_LINE.nameEn(), "KZ");
    }

    @Test
    void trendsShowEveryQuarterUpToTheRunsOwnAndAReRunOfAnEarlierQuarterOnlyUpToItself() throws Exception {
        assertThat(quarters("q3-job")).containsExactly("2016Q2", "2016Q3");
        assertThat(quarters("q3-after-correction")).containsExactly("2016Q2", "2016Q3");
        assertThat(quarters("q2v2-job")).as("the re-run of 2016Q2 after 2016Q3 shows no later quarter")
                .containsExactly("2016Q2");
        try (XSSFWorkbook workbook = open("q3-en")) {
            Sheet trends = workbook.getSheet("Trends");
            assertThat(trends).isNotNull();
            List<XSSFChart> charts = workbook.getSheet("Trends").getDrawingPatriarch() == null ? List.of()
                    : ((org.apache.poi.xssf.usermodel.XSSFSheet) trends).getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(1);
            assertThat(charts.get(0).getChartSeries().get(0).getSeriesCount()).as("ASP and CCA").isEqualTo(2);
            assertThat(charts.get(0).getCTChart().getPlotArea().getLineChartList()).hasSize(1);
        }
    }

    @Test
    void trendsNumbersAreTheDatabaseFiguresOfEachQuartersLatestCompletedVersion() throws Exception {
        checkAgainstDatabase("q3-unsuppressed", Map.of("2016Q2", q2FirstVersion, "2016Q3", q3));
        checkAgainstDatabase("q3-after-correction-unsuppressed", Map.of("2016Q2", q2Correction, "2016Q3", q3));
        checkAgainstDatabase("q2v2-unsuppressed", Map.of("2016Q2", q2Correction));
        assertThat(figure("q3-unsuppressed", "KZ", "2016Q2", "Recipient families / Total"))
                .as("the correction changes 2016Q2's recipients")
                .isNotEqualTo(figure("q3-after-correction-unsuppressed", "KZ", "2016Q2",
                        "Recipient families / Total"));
    }

    @Test
    void everyTrendsNumberIsInStatisticsCsvWithItsQuarterAndEarlierQuartersAsTheirOwnCsvHasThem() {
        for (String folder : List.of("q3-en", "q3-unsuppressed", "q3-after-correction", "q3-job")) {
            Map<String, Map<String, String>> csv = csv(folder);
            int numbers = 0;
            for (TrendsCell cell : trends(folder)) {
                Map<String, String> row = csv.get(cell.key(codes));
                assertThat(row).as(folder + " " + cell).isNotNull();
                assertThat(row.get("quarter")).isEqualTo(cell.quarter());
                if (cell.suppressed()) {
                    assertThat(row.get("obs_status")).as(folder + " " + cell).isEqualTo("C");
                    assertThat(row.get("value")).isEmpty();
                } else if (cell.number() != null) {
                    assertThat(Double.parseDouble(row.get("value"))).as(folder + " " + cell)
                            .isEqualTo(cell.number());
                    numbers++;
                }
            }
            assertThat(numbers).as(folder).isGreaterThan(50);
        }
        // 2016Q2 in the 2016Q3 file is what 2016Q2's own file says, before and after the correction
        assertSameObservations(csv("q3-en"), "2016Q2", csv("q2v1-suppressed"));
        assertSameObservations(csv("q3-after-correction"), "2016Q2", csv("q2v2-suppressed"));
    }

    @Test
    void aQuarterOfTheTrendsHidesWhatItsOwnWorkbookHidesAndNoTotalGivesItBack() {
        List<TrendsCell> cells = trends("q3-en");
        Map<String, String> q2Own = new HashMap<>();
        csv("q2v1-suppressed").forEach((key, row) -> q2Own.put(key, row.get("obs_status")));
        Map<String, TrendsCell> byKey = new HashMap<>();
        long hidden = 0;
        for (TrendsCell cell : cells) {
            byKey.put(cell.key(codes), cell);
            if (cell.quarter().equals("2016Q2")) {
                assertThat(cell.suppressed()).as(cell.toString())
                        .isEqualTo("C".equals(q2Own.get(cell.key(codes))));
            }
            hidden += cell.suppressed() ? 1 : 0;
        }
        assertThat(hidden).as("the worked examples have small cells").isPositive();
        Map<String, TrendsCell> unsuppressed = new HashMap<>();
        trends("q3-unsuppressed").forEach(cell -> unsuppressed.put(cell.key(codes), cell));
        for (TrendsCell cell : cells) {
            TrendsCell real = unsuppressed.get(cell.key(codes));
            if (!cell.suppressed()) {
                assertThat(cell.number()).as(cell.toString()).isEqualTo(real.number());
            }
        }
        for (String quarter : List.of("2016Q2", "2016Q3")) {
            for (String region : List.of("11", "31", "63", "PILOT", "KZ")) {
                for (String measure : List.of("RECIPIENT_FAMILIES", "RECIPIENT_MEMBERS")) {
                    List<String> benefitKeys = List.of("ASP", "CCA", "TOTAL").stream()
                            .map(b -> quarter + "|" + region + "|" + measure + "|" + b).toList();
                    assertThat(benefitKeys.stream().filter(k -> byKey.get(k).suppressed()).count())
                            .as("ASP + CCA = total, " + benefitKeys).isNotEqualTo(1L);
                }
                for (String benefit : List.of("ASP", "CCA", "TOTAL")) {
                    TrendsCell families = byKey.get(quarter + "|" + region + "|RECIPIENT_FAMILIES|" + benefit);
                    TrendsCell paid = byKey.get(quarter + "|" + region + "|PAID|" + benefit);
                    if (families.suppressed()) {
                        assertThat(paid.suppressed()).as("paid to a hidden group " + paid).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void theThreeLanguagesGiveTheSameTrendsNumbers() throws Exception {
        try (XSSFWorkbook en = open("q3-en"); XSSFWorkbook kk = open("q3-kk"); XSSFWorkbook ru = open("q3-ru")) {
            Sheet english = en.getSheet("Trends");
            int numbers = 0;
            for (XSSFWorkbook other : List.of(kk, ru)) {
                Sheet translated = other.getSheet("Динамика");
                assertThat(translated).isNotNull();
                assertThat(translated.getLastRowNum()).isEqualTo(english.getLastRowNum());
                for (Row row : english) {
                    for (Cell cell : row) {
                        Cell same = translated.getRow(row.getRowNum()).getCell(cell.getColumnIndex());
                        if (cell.getCellType() == CellType.NUMERIC) {
                            assertThat(same.getNumericCellValue()).as(cell.getAddress().toString())
                                    .isEqualTo(cell.getNumericCellValue());
                            numbers++;
                        } else if (cell.getCellType() == CellType.STRING
                                && cell.getStringCellValue().equals(Value.SUPPRESSED_MARK)) {
                            assertThat(same.getStringCellValue()).isEqualTo(Value.SUPPRESSED_MARK);
                        }
                    }
                }
            }
            assertThat(numbers).isGreaterThan(100);
        }
    }

    /** Families, members, amounts and contracts of each row against SQL over the quarter's version's rows. */
    private void checkAgainstDatabase(String folder, Map<String, Long> runs) {
        List<TrendsCell> cells = trends(folder);
        assertThat(cells.stream().map(TrendsCell::quarter).distinct().toList())
                .containsExactlyInAnyOrderElementsOf(runs.keySet());
        int checked = 0;
        for (TrendsCell cell : cells) {
            long runId = runs.get(cell.quarter());
            String region = codes.get(cell.region());
            String where = switch (region) {
                case "KZ" -> "true";
                case "PILOT" -> "e.region_code in ('11', '31', '63')";
                default -> "e.region_code = '" + region + "'";
            };
            Double expected = expected(runId, Quarter.parse(cell.quarter()), where, cell.column());
            if (expected != null) {
                assertThat(cell.number() == null ? 0.0 : cell.number()).as(folder + " " + cell).isEqualTo(expected);
                checked++;
            }
        }
        assertThat(checked).as(folder).isGreaterThan(30);
    }

    private Double expected(long runId, Quarter quarter, String where, String column) {
        String benefit = column.endsWith("/ ASP") ? "'ASP'" : column.endsWith("/ CCA") ? "'CCA'" : "'ASP', 'CCA'";
        String sql;
        if (column.startsWith("Recipient families /")) {
            sql = "select count(*) from entitlement e where e.run_id = ? and e.benefit in (" + benefit + ") and "
                    + where;
        } else if (column.startsWith("Members of recipient families /")) {
            sql = "select coalesce(sum(e.members), 0) from entitlement e where e.run_id = ? and e.benefit in ("
                    + benefit + ") and " + where;
        } else if (column.startsWith("Paid in the quarter")) {
            sql = "select coalesce(sum(p.amount), 0) from payment p join entitlement e on e.run_id = p.run_id and "
                    + "e.family_id = p.family_id where p.run_id = ? and p.benefit in (" + benefit + ") and " + where;
        } else if (column.equals("Families warned")) {
            sql = "select count(distinct cf.family_id) from contract_failure cf join entitlement e on e.run_id = "
                    + "cf.run_id and e.family_id = cf.family_id where cf.run_id = ? and cf.sanction = 'WARNING' and "
                    + where;
        } else if (column.equals("Contracts terminated")) {
            sql = "select count(*) from contract_failure cf join entitlement e on e.run_id = cf.run_id and "
                    + "e.family_id = cf.family_id where cf.run_id = ? and cf.sanction = 'TERMINATED' and " + where;
        } else if (column.equals("Contracts in force")) {
            // accepted contracts overlapping the quarter, of complete families, not terminated before it
            sql = "select count(*) from stg_contract c join entitlement e on e.run_id = c.run_id and e.family_id = "
                    + "c.family_id where c.run_id = ? and not c.rejected and c.status in ('ACTIVE', 'COMPLETED', "
                    + "'TERMINATED') and c.start_date <= '" + quarter.lastDay() + "' and c.end_date >= '"
                    + quarter.firstDay() + "' and e.decision <> 'INCOMPLETE_DATA' and not exists (select 1 from "
                    + "contract_failure cf join run r on r.run_id = cf.run_id where cf.contract_id = c.contract_id "
                    + "and cf.sanction = 'TERMINATED' and (r.run_id = c.run_id or r.status = 'COMPLETED' and "
                    + "r.benefit_quarter < '" + quarter + "')) and " + where;
        } else {
            return null; // the shares: checked against the quarter's own statistics.csv
        }
        return jdbc.queryForObject(sql, Double.class, runId);
    }

    private void assertSameObservations(Map<String, Map<String, String>> trendsFile, String quarter,
            Map<String, Map<String, String>> ownFile) {
        int compared = 0;
        for (Map.Entry<String, Map<String, String>> entry : trendsFile.entrySet()) {
            if (entry.getKey().startsWith(quarter + "|")) {
                Map<String, String> own = ownFile.get(entry.getKey());
                assertThat(own).as(entry.getKey()).isNotNull();
                assertThat(entry.getValue().get("value")).as(entry.getKey()).isEqualTo(own.get("value"));
                assertThat(entry.getValue().get("obs_status")).as(entry.getKey()).isEqualTo(own.get("obs_status"));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(50);
    }

    private Double figure(String folder, String region, String quarter, String column) {
        return trends(folder).stream()
                .filter(c -> codes.get(c.region()).equals(region) && c.quarter().equals(quarter)
                        && c.column().equals(column))
                .findFirst().orElseThrow().number();
    }

    /** A number cell of the English Trends sheet with its row (region, quarter) and column. */
    record TrendsCell(String region, String quarter, String column, Double number, boolean suppressed) {
        private static final Map<String, String> MEASURES = new LinkedHashMap<>();

        static {
            MEASURES.put("Recipient families", "RECIPIENT_FAMILIES");
            MEASURES.put("Members of recipient families", "RECIPIENT_MEMBERS");
            MEASURES.put("Paid in the quarter, tenge", "PAID");
            MEASURES.put("Members of CCA recipient families by category, %", "MEMBERS_SHARE_BY_CATEGORY");
            MEASURES.put("Contracts in force", "CONTRACTS_IN_FORCE");
            MEASURES.put("Families warned", "FAMILIES_WARNED");
            MEASURES.put("Contracts terminated", "CONTRACTS_TERMINATED");
        }

        /** {@code quarter|region|measure|breakdown}, as {@link #csv} keys the file. */
        String key(Map<String, String> codes) {
            String[] parts = column.split(" / ", 2);
            String measure = MEASURES.get(parts[0]);
            String breakdown = "TOTAL";
            if (parts.length == 2) {
                breakdown = measure.equals("MEMBERS_SHARE_BY_CATEGORY") ? "CCA." + category(parts[1])
                        : parts[1].equals("Total") ? "TOTAL" : parts[1];
            }
            return quarter + "|" + codes.get(region) + "|" + measure + "|" + breakdown;
        }

        private static String category(String label) {
            Messages en = Messages.of(Language.EN);
            for (Category category : Category.values()) {
                if (category.label(en).equals(label)) {
                    return category.name();
                }
            }
            throw new AssertionError("no category " + label);
        }
    }

    private List<TrendsCell> trends(String folder) {
        try (XSSFWorkbook workbook = open(folder)) {
            Sheet sheet = workbook.getSheet("Trends");
            WorkbookTable table = new WorkbookTable(sheet, "Table 6.");
            List<TrendsCell> cells = new ArrayList<>();
            for (int r = table.headerRow + 2; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || row.getCell(0) == null
                        || row.getCell(0).getCellStyle().getBorderTop().getCode() == 0) {
                    break;
                }
                String region = row.getCell(0).getStringCellValue();
                String quarter = row.getCell(1).getStringCellValue();
                for (Map.Entry<String, Integer> column : table.columns.entrySet()) {
                    if (column.getValue() < 2) {
                        continue;
                    }
                    Cell cell = row.getCell(column.getValue());
                    boolean suppressed = cell.getCellType() == CellType.STRING
                            && cell.getStringCellValue().equals(Value.SUPPRESSED_MARK);
                    Double number = cell.getCellType() == CellType.NUMERIC ? cell.getNumericCellValue() : null;
                    cells.add(new TrendsCell(region, quarter, column.getKey(), number, suppressed));
                }
            }
            assertThat(cells).as(folder).isNotEmpty();
            return cells;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<String> quarters(String folder) {
        return trends(folder).stream().filter(c -> c.region().equals(RegionLine.REPUBLIC_LINE.nameEn()))
                .map(TrendsCell::quarter).distinct().toList();
    }

    /** The rows of a folder's {@code statistics.csv} by {@code quarter|region|measure|breakdown}. */
    private Map<String, Map<String, String>> csv(String folder) {
        try {
            List<String> lines = Files.readAllLines(work.resolve(folder).resolve(StatisticsCsv.FILE_NAME),
                    StandardCharsets.UTF_8);
            List<String> header = List.of(lines.get(0).split(","));
            Map<String, Map<String, String>> rows = new HashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                // the first seven fields are codes and numbers, never quoted
                String[] values = line.split(",", 8);
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < 7; i++) {
                    row.put(header.get(i), values[i]);
                }
                String key = row.get("quarter") + "|" + row.get("region_code") + "|" + row.get("measure") + "|"
                        + row.get("breakdown");
                assertThat(rows.put(key, row)).as("one row per observation: " + key).isNull();
            }
            return rows;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private XSSFWorkbook open(String folder) throws IOException {
        return new XSSFWorkbook(Files.newInputStream(work.resolve(folder).resolve(StatisticsWorkbook.FILE_NAME)));
    }

    private void write(long runId, Quarter quarter, String folder, String language, Integer suppressBelow)
            throws IOException {
        Path to = work.resolve(folder);
        OutputFiles.createFolders(to);
        part.write(new RunContext(runId, quarter, Examples.input(quarter.previous().toString()), work,
                suppressBelow, language), to);
    }

    private long runId(String quarter, int version) {
        return jdbc.queryForObject("select run_id from run where benefit_quarter = ? and version = ?", Long.class,
                quarter, version);
    }

    private int run(String url, String quarter, String input) {
        return LauncherRun.run(url, "run", "--quarter", quarter, "--input", Examples.input(input).toString(),
                "--output", out.toString()).exitCode();
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (String file : List.of(StatisticsWorkbook.FILE_NAME, StatisticsCsv.FILE_NAME)) {
            Files.copy(from.resolve(file), to.resolve(file));
        }
    }
}
