package kz.orleu.benefits.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
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
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The worked examples' workbook in Kazakh, Russian and English, and {@code statistics.csv} beside it: the same
 * numbers in every language, every number of the CSV in the workbook and in the database, nothing suppressed
 * recoverable from either file, and no IIN or name in either.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultilingualStatisticsTest {

    private static final Quarter QUARTER = Quarter.parse("2016Q3");

    @TempDir
    static Path out;
    @TempDir
    static Path written;

    private JdbcTemplate jdbc;
    private long runId;

    @BeforeAll
    void runBothQuartersAndWriteEveryLanguage() throws Exception {
        String url = TestDatabase.freshDatabase("multilingual");
        assertThat(LauncherRun.run(url, "run", "--quarter", "2016Q2", "--input", Examples.input("2016Q1").toString(),
                "--output", out.toString()).exitCode()).isZero();
        assertThat(LauncherRun.run(url, "run", "--quarter", "2016Q3", "--input", Examples.input("2016Q2").toString(),
                "--output", out.toString(), "--language", "kk").exitCode()).isZero();
        jdbc = new JdbcTemplate(new DriverManagerDataSource(url, TestDatabase.user(), TestDatabase.password()));
        runId = jdbc.queryForObject("select run_id from run where benefit_quarter = ?", Long.class,
                QUARTER.toString());
        StatisticsWorkbook part = new StatisticsWorkbook(jdbc, new RunReferenceRepository(jdbc));
        for (String folder : List.of("kk", "ru", "en", "en-unsuppressed")) {
            Path to = OutputFilesFolder.create(written.resolve(folder));
            String language = folder.substring(0, 2);
            part.write(new RunContext(runId, QUARTER, Examples.input("2016Q2"), written,
                    folder.endsWith("unsuppressed") ? 0 : null, language), to);
        }
    }

    @Test
    void theLanguageOptionOfTheRunWritesTheWorkbookInKazakh() throws Exception {
        try (XSSFWorkbook workbook = open(out.resolve("2016Q3").resolve(StatisticsWorkbook.FILE_NAME))) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("Жиынтық");
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
                    .startsWith("1-кесте. Өңірлер бойынша АӘК және ШАК алушылар");
        }
        assertThat(out.resolve("2016Q3").resolve(StatisticsWorkbook.CSV_FILE_NAME)).exists();
    }

    @Test
    void theThreeLanguagesGiveTheSameNumbersCellForCell() throws Exception {
        try (XSSFWorkbook en = open(workbook("en")); XSSFWorkbook kk = open(workbook("kk"));
                XSSFWorkbook ru = open(workbook("ru"))) {
            assertThat(kk.getNumberOfSheets()).isEqualTo(en.getNumberOfSheets()).isEqualTo(ru.getNumberOfSheets());
            int numbers = 0;
            for (int s = 0; s < en.getNumberOfSheets(); s++) {
                Sheet english = en.getSheetAt(s);
                for (XSSFWorkbook other : List.of(kk, ru)) {
                    Sheet translated = other.getSheetAt(s);
                    assertThat(translated.getSheetName()).isNotEqualTo(english.getSheetName());
                    assertThat(translated.getLastRowNum()).as(english.getSheetName())
                            .isEqualTo(english.getLastRowNum());
                    for (Row row : english) {
                        for (Cell cell : row) {
                            Cell same = translated.getRow(row.getRowNum()).getCell(cell.getColumnIndex());
                            String at = english.getSheetName() + " " + cell.getAddress();
                            if (cell.getCellType() == CellType.NUMERIC) {
                                assertThat(same.getCellType()).as(at).isEqualTo(CellType.NUMERIC);
                                assertThat(same.getNumericCellValue()).as(at).isEqualTo(cell.getNumericCellValue());
                                numbers++;
                            } else if (cell.getCellType() == CellType.STRING
                                    && cell.getStringCellValue().equals(Value.SUPPRESSED_MARK)) {
                                assertThat(same.getStringCellValue()).as(at).isEqualTo(Value.SUPPRESSED_MARK);
                            }
                        }
                    }
                }
            }
            assertThat(numbers).isGreaterThan(500);
        }
    }

    @Test
    void kazakhAndRussianNumbersHaveADecimalCommaAndASpaceBetweenThousands() throws Exception {
        try (XSSFWorkbook kk = open(workbook("kk")); XSSFWorkbook ru = open(workbook("ru"))) {
            assertThat(numberFormat(kk, "Жиынтық")).startsWith("[$-43F]#,##0");
            assertThat(numberFormat(ru, "Сводка")).startsWith("[$-419]#,##0");
        }
        assertThat(Value.count(1_234_567).display(Language.RU)).isEqualTo("1\u00a0234\u00a0567");
        assertThat(Value.decimal(4.26).display(Language.KK)).isEqualTo("4,3");
    }

    @Test
    void everyNumberOfTheCsvIsANumberOfTheWorkbook() throws Exception {
        for (String folder : List.of("en", "en-unsuppressed")) {
            Set<Double> shown = new HashSet<>();
            try (XSSFWorkbook workbook = open(workbook(folder))) {
                for (Sheet sheet : workbook) {
                    for (Row row : sheet) {
                        for (Cell cell : row) {
                            if (cell.getCellType() == CellType.NUMERIC) {
                                shown.add(cell.getNumericCellValue());
                            }
                        }
                    }
                }
            }
            List<Map<String, String>> rows = allRows(folder);
            assertThat(rows).hasSizeGreaterThan(300);
            Set<Double> written = new HashSet<>();
            for (Map<String, String> row : rows) {
                if (!row.get("value").isEmpty()) {
                    double value = Double.parseDouble(row.get("value"));
                    assertThat(shown).as(folder + " " + row).contains(value);
                    written.add(value);
                }
            }
            assertThat(written).as(folder + ": every number of the workbook is in the CSV").containsAll(shown);
        }
    }

    @Test
    void theCsvMatchesTheDatabaseWhereSuppressionIsOff() {
        Map<String, Map<String, String>> byKey = keyed(csv("en-unsuppressed"));
        List<String> regions = jdbc.queryForList("select region_code from ref_region where run_id = ?", String.class,
                runId);
        for (String region : regions) {
            Map<String, Object> e = jdbc.queryForMap("""
                    select count(*) as assessed,
                           count(*) filter (where benefit = 'ASP') as asp,
                           count(*) filter (where benefit = 'CCA') as cca,
                           coalesce(sum(members) filter (where benefit <> 'NONE'), 0) as members
                      from entitlement where run_id = ? and region_code = ?""", runId, region);
            assertThat(byKey.get(region + "|FAMILIES_ASSESSED|TOTAL").get("value"))
                    .isEqualTo(e.get("assessed").toString());
            assertThat(byKey.get(region + "|RECIPIENT_FAMILIES|ASP").get("value")).isEqualTo(e.get("asp").toString());
            assertThat(byKey.get(region + "|RECIPIENT_FAMILIES|CCA").get("value")).isEqualTo(e.get("cca").toString());
            assertThat(byKey.get(region + "|RECIPIENT_MEMBERS|TOTAL").get("value"))
                    .isEqualTo(e.get("members").toString());
        }
        long republic = jdbc.queryForObject("select count(*) from entitlement where run_id = ? and benefit <> 'NONE'",
                Long.class, runId);
        assertThat(byKey.get("KZ|RECIPIENT_FAMILIES|TOTAL").get("value")).isEqualTo(Long.toString(republic));
    }

    @Test
    void aSuppressedCellIsEmptyWithStatusCAndNoRegionOrBenefitTotalGivesItBack() {
        List<Map<String, String>> rows = csv("en");
        Map<String, Map<String, String>> byKey = keyed(rows);
        Map<String, Map<String, String>> unsuppressed = keyed(csv("en-unsuppressed"));
        long confidential = 0;
        assertThat(allRows("en")).extracting(row -> row.get("quarter")).as("the Trends sheet's quarters")
                .containsOnly("2016Q2", "2016Q3");
        for (Map<String, String> row : rows) {
            if (row.get("breakdown").endsWith(CompositionSheet.OTHER_SLICE)) {
                // the pie's slice of the suppressed categories together exists only where some are suppressed
                assertThat(unsuppressed).doesNotContainKey(key(row));
                continue;
            }
            if (row.get("obs_status").equals("C")) {
                confidential++;
                assertThat(row.get("value")).as(row.toString()).isEmpty();
                assertThat(unsuppressed.get(key(row)).get("value")).as("a hidden count is a real one").isNotEmpty();
            } else if (row.get("obs_status").equals("A")) {
                assertThat(row.get("value")).isEqualTo(unsuppressed.get(key(row)).get("value"));
            }
        }
        assertThat(confidential).as("the worked examples have small cells").isPositive();
        List<String> regions = jdbc.queryForList("select region_code from ref_region where run_id = ?", String.class,
                runId);
        Set<String> series = new HashSet<>();
        // averages and shares do not add up over regions; counts and amounts do
        Set<String> notAdditive = Set.of("AVERAGE_FAMILY_SIZE", "AVERAGE_INCOME_TO_MINIMUM",
                "MEMBERS_SHARE_BY_CATEGORY", "LOST_ASP_AVERAGE_EXCESS", "LOST_ASP_AVERAGE_EXCESS_SHARE");
        rows.stream().filter(row -> !notAdditive.contains(row.get("measure")))
                .forEach(row -> series.add(row.get("measure") + "|" + row.get("breakdown")));
        for (String measureAndBreakdown : series) {
            List<String> parts = regions.stream().map(r -> r + "|" + measureAndBreakdown).toList();
            assertNotExactlyOneHidden(byKey, parts, "KZ|" + measureAndBreakdown);
        }
        for (String region : regions) {
            for (String measure : List.of("RECIPIENT_FAMILIES", "RECIPIENT_MEMBERS")) {
                assertNotExactlyOneHidden(byKey, List.of(region + "|" + measure + "|ASP", region + "|" + measure
                        + "|CCA"), region + "|" + measure + "|TOTAL");
            }
            for (String benefit : List.of("ASP", "CCA")) {
                List<String> categories = new ArrayList<>();
                for (Category category : Category.values()) {
                    categories.add(region + "|MEMBERS_BY_CATEGORY|" + benefit + "." + category.name());
                }
                assertNotExactlyOneHidden(byKey, categories, region + "|RECIPIENT_MEMBERS|" + benefit);
            }
        }
    }

    @Test
    void neitherFileHoldsAnIinOrAName() throws Exception {
        List<String> personal = jdbc.queryForList("""
                select distinct v from (select iin as v from stg_member union select last_name from stg_member
                                        union select first_name from stg_member union select family_id from stg_family)
                                    as x where v is not null and length(v) >= 3""", String.class);
        assertThat(personal).isNotEmpty();
        for (String folder : List.of("kk", "ru", "en", "en-unsuppressed")) {
            String csv = Files.readString(written.resolve(folder).resolve(StatisticsWorkbook.CSV_FILE_NAME));
            String xlsx = workbookText(workbook(folder));
            for (String value : personal) {
                assertThat(csv).as(folder + " csv").doesNotContain(value);
                assertThat(xlsx).as(folder + " xlsx").doesNotContain(value);
            }
        }
    }

    @Test
    void theCsvIsCreatedPrivateAndHasTheLabelsInThreeLanguages() throws IOException {
        Path file = written.resolve("ru").resolve(StatisticsWorkbook.CSV_FILE_NAME);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(OutputFiles.FILE_MODE);
        Map<String, String> row = keyed(csv("ru")).get("KZ|RECIPIENT_FAMILIES|CCA");
        assertThat(row.get("label_kk")).isEqualTo("Алушы отбасылар: ШАК — Қазақстан Республикасы");
        assertThat(row.get("label_ru")).isEqualTo("Семьи-получатели: ОДП — Республика Казахстан");
        assertThat(row.get("label_en")).isEqualTo("Recipient families: CCA — Republic of Kazakhstan");
        assertThat(row.get("unit")).isEqualTo("FAMILIES");
        assertThat(Files.readString(written.resolve("kk").resolve(StatisticsWorkbook.CSV_FILE_NAME)))
                .as("the CSV does not depend on the workbook's language")
                .isEqualTo(Files.readString(file));
    }

    /**
     * The rendering check of the issue, where LibreOffice is installed: each language's workbook to PDF, whose text
     * must hold the sheet titles with the Kazakh letters and no replacement characters. The pages are kept in
     * {@code target/statistics-rendering/} to be looked at (README, "Checking the workbook as a picture").
     */
    @Test
    void everyLanguagesWorkbookRendersToPdfWithItsLetters() throws Exception {
        Assumptions.assumeTrue(onPath("soffice") && onPath("pdftotext"),
                "LibreOffice (soffice) and poppler-utils (pdftotext) are not installed: the rendering check is the "
                        + "manual one of the README");
        Path pages = Path.of("target", "statistics-rendering").toAbsolutePath();
        for (String language : List.of("kk", "ru", "en")) {
            Path folder = Files.createDirectories(pages.resolve(language));
            Path copy = Files.copy(workbook(language), folder.resolve("statistics-" + language + ".xlsx"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertThat(exec(folder, "soffice", "--headless", "--convert-to", "pdf", "--outdir", folder.toString(),
                    copy.toString())).isZero();
            Path pdf = folder.resolve("statistics-" + language + ".pdf");
            assertThat(exec(folder, "pdftotext", "-enc", "UTF-8", pdf.toString(),
                    folder.resolve("text.txt").toString())).isZero();
            String text = Files.readString(folder.resolve("text.txt"));
            assertThat(text).doesNotContain("\uFFFD");
            Messages m = Messages.of(Language.named(language).orElseThrow());
            assertThat(text).contains(m.text("heading.total"), m.text("category.CHILD"));
            if (language.equals("kk")) {
                for (String letter : List.of("ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "і")) {
                    assertThat(text).as(letter).contains(letter);
                }
            }
        }
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static int exec(Path folder, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(folder.resolve("command.log").toFile()).start();
        return process.waitFor();
    }

    private static void assertNotExactlyOneHidden(Map<String, Map<String, String>> byKey, List<String> parts,
            String total) {
        List<String> cells = new ArrayList<>(parts);
        cells.add(total);
        long hidden = cells.stream().filter(byKey::containsKey)
                .filter(k -> byKey.get(k).get("obs_status").equals("C")).count();
        assertThat(hidden).as("suppressed cells of " + total + " = sum of " + parts).isNotEqualTo(1L);
    }

    private Path workbook(String folder) {
        return written.resolve(folder).resolve(StatisticsWorkbook.FILE_NAME);
    }

    /** The rows of the run's own quarter (the Trends sheet adds the earlier quarters'). */
    private List<Map<String, String>> csv(String folder) {
        return allRows(folder).stream().filter(row -> row.get("quarter").equals(QUARTER.toString())).toList();
    }

    private List<Map<String, String>> allRows(String folder) {
        try {
            List<String> lines = Files.readAllLines(written.resolve(folder).resolve(StatisticsWorkbook.CSV_FILE_NAME),
                    StandardCharsets.UTF_8);
            List<String> header = fields(lines.get(0));
            assertThat(header).isEqualTo(StatisticsCsv.COLUMNS);
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                List<String> values = fields(line);
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), values.get(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static Map<String, Map<String, String>> keyed(List<Map<String, String>> rows) {
        Map<String, Map<String, String>> byKey = new HashMap<>();
        for (Map<String, String> row : rows) {
            assertThat(byKey.put(key(row), row)).as("one row per observation: " + key(row)).isNull();
        }
        return byKey;
    }

    private static String key(Map<String, String> row) {
        return row.get("region_code") + "|" + row.get("measure") + "|" + row.get("breakdown");
    }

    private static String numberFormat(XSSFWorkbook workbook, String sheet) {
        for (Row row : workbook.getSheet(sheet)) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.NUMERIC) {
                    return cell.getCellStyle().getDataFormatString();
                }
            }
        }
        throw new AssertionError("no number on " + sheet);
    }

    /** Every XML part of the workbook as text: cells, shared strings, properties, charts. */
    private static String workbookText(Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    text.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return text.toString();
    }

    private static XSSFWorkbook open(Path file) throws IOException {
        return new XSSFWorkbook(Files.newInputStream(file));
    }

    /** Output folders of the test made as the job makes them. */
    private static final class OutputFilesFolder {
        static Path create(Path folder) throws IOException {
            OutputFiles.createFolders(folder);
            return folder;
        }
    }
}
