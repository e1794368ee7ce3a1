package kz.orleu.benefits.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import kz.orleu.benefits.support.CsvFiles;
import kz.orleu.benefits.support.Examples;
import kz.orleu.benefits.support.LauncherRun;
import kz.orleu.benefits.support.Outputs;
import kz.orleu.benefits.support.Sql;
import kz.orleu.benefits.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code simulate} on the worked examples (contracts.md, "Simulation"): its results are a real run's with the
 * proposed files as overrides, and it leaves the history, the output folders and the next real run exactly as
 * they would have been without it.
 */
class SimulationTest {

    /** The shipped rules with a reform from the benefit quarter 2016Q2: ASP at 50 %, CCA at 70 %. */
    static final String PROPOSED_RULES = """
            parameter,value,valid_from
            asp_share,0.40,2014-01-01
            cca_share,0.60,2014-01-01
            failure_months,2,2014-01-01
            terminate_after_failures,2,2014-01-01
            suppress_below,5,2014-01-01
            exempt_age_below,18,2014-01-01
            exempt_disability_groups,1;2,2014-01-01
            forbidden_purposes,DEBT;LOAN;REAL_ESTATE,2014-01-01
            asp_share,0.50,2016-04-01
            cca_share,0.70,2016-04-01
            """;

    @TempDir
    static Path work;
    static Path rules;

    /** A quarter never run: simulated on one fresh database, run for real with the override on another. */
    static Path simulatedFresh;
    static Path realWithOverride;
    static Path realUnderRulesInForce;

    /** Two quarters run, then simulated, then 2016Q2 run again from corrected input; and the same without. */
    static String historyBefore;
    static String historyAfter;
    static Path outWithSimulation;
    static Path outWithout;
    static Path outputsBeforeSimulation;

    @BeforeAll
    static void simulateAndRunForReal() throws Exception {
        rules = work.resolve("proposal-50-70.csv");
        Files.writeString(rules, PROPOSED_RULES);

        String fresh = TestDatabase.freshDatabase("simulation_fresh");
        assertThat(simulate(fresh, "2016Q2", Examples.input("2016Q1"), work.resolve("fresh"), "--rules",
                rules.toString())).isZero();
        simulatedFresh = work.resolve("fresh").resolve("2016Q2-simulation");
        assertThat(Sql.strings(fresh, "select run_id from run")).isEmpty();

        Path overridden = work.resolve("input-with-override");
        copy(Examples.input("2016Q1"), overridden);
        Files.copy(rules, overridden.resolve("rules.csv"));
        String real = TestDatabase.freshDatabase("simulation_real");
        assertThat(run(real, "2016Q2", overridden, work.resolve("real"))).isZero();
        realWithOverride = work.resolve("real").resolve("2016Q2");

        String with = TestDatabase.freshDatabase("simulation_with");
        String without = TestDatabase.freshDatabase("simulation_without");
        outWithSimulation = work.resolve("with");
        outWithout = work.resolve("without");
        for (String db : List.of(with, without)) {
            Path out = db.equals(with) ? outWithSimulation : outWithout;
            assertThat(run(db, "2016Q2", Examples.input("2016Q1"), out)).isZero();
            assertThat(run(db, "2016Q3", Examples.input("2016Q2"), out)).isZero();
        }
        realUnderRulesInForce = work.resolve("2016Q2-in-force");
        copy(outWithout.resolve("2016Q2"), realUnderRulesInForce);
        outputsBeforeSimulation = work.resolve("before");
        copy(outWithSimulation, outputsBeforeSimulation);
        historyBefore = history(with);
        assertThat(simulate(with, "2016Q2", Examples.input("2016Q1"), outWithSimulation, "--rules",
                rules.toString())).isZero();
        assertThat(simulate(with, "2016Q3", Examples.input("2016Q2"), outWithSimulation, "--rules",
                rules.toString())).isZero();
        historyAfter = history(with);
        for (String db : List.of(with, without)) {
            Path out = db.equals(with) ? outWithSimulation : outWithout;
            assertThat(run(db, "2016Q2", Examples.input("2016Q1-corrected"), out)).isZero();
        }
    }

    @Test
    void simulatedResultsAreThoseOfARealRunWithTheProposedFilesAsOverrides() throws IOException {
        for (String name : Simulation.RESULT_FILES) {
            assertThat(Files.readAllBytes(simulatedFresh.resolve(name))).as(name)
                    .isEqualTo(Files.readAllBytes(realWithOverride.resolve(name)));
        }
        // the proposal moves money, or this test would prove nothing
        assertThat(Files.readAllBytes(simulatedFresh.resolve("payments.csv")))
                .isNotEqualTo(Files.readAllBytes(realUnderRulesInForce.resolve("payments.csv")));
    }

    @Test
    void aQuarterNeverRunIsComparedWithItselfUnderTheRulesInForce() {
        assertComparison(simulatedFresh, realUnderRulesInForce, realWithOverride);
    }

    @Test
    void aQuarterAlreadyRunIsComparedWithItsLatestCompletedVersion() {
        assertComparison(outWithSimulation.resolve("2016Q2-simulation"), outputsBeforeSimulation.resolve("2016Q2"),
                realWithOverride);
    }

    @Test
    void aSimulationLeavesEveryRowOfTheHistoryAsItWas() {
        assertThat(historyAfter).isEqualTo(historyBefore);
        assertThat(historyBefore).contains("table run:").contains("table batch_job_execution:");
    }

    @Test
    void aSimulationLeavesEveryOutputFolderAsItWas() throws IOException {
        assertThat(names(outWithSimulation)).containsExactlyInAnyOrder("2016Q2", "2016Q3", "2016Q2-simulation",
                "2016Q3-simulation");
        Outputs.assertSame(outputsBeforeSimulation.resolve("2016Q3"), outWithSimulation.resolve("2016Q3"));
    }

    @Test
    void theNextRealRunIsWhatItWouldHaveBeenWithoutTheSimulation() throws IOException {
        Outputs.assertSame(outWithout.resolve("2016Q2"), outWithSimulation.resolve("2016Q2"));
        assertThat(outWithSimulation.resolve("2016Q2").resolve("adjustments.csv")).exists();
    }

    @Test
    void theSimulationFolderHoldsTheProposalsResultsAndTheComparison() {
        assertThat(names(simulatedFresh)).containsExactlyInAnyOrder("entitlements.csv", "payments.csv",
                "compliance.csv", "comparison.csv", "simulation.xlsx");
    }

    @Test
    void aProposalThatIsNotAUsableRulesFileStopsWithExitTwoAndWritesNothing() throws Exception {
        Path bad = work.resolve("bad-rules.csv");
        Files.writeString(bad, PROPOSED_RULES.replace("asp_share,0.50,2016-04-01", "asp_share,5.0,2016-04-01"));
        String db = TestDatabase.freshDatabase("simulation_bad");
        Path out = work.resolve("bad-out");
        LauncherRun.Result result = LauncherRun.run(db, "simulate", "--quarter", "2016Q2", "--input",
                Examples.input("2016Q1").toString(), "--output", out.toString(), "--rules", bad.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("proposal").contains("asp_share");
        assertThat(out).doesNotExist();
    }

    @Test
    void theWorkbooksTotalsAreThoseOfTheCsvFiles() throws IOException {
        List<Map<String, String>> comparison = CsvFiles.read(simulatedFresh.resolve("comparison.csv"));
        Map<String, String> republic = workbookRow(simulatedFresh, "Cost", SimulationWorkbook.REPUBLIC);
        assertThat(republic.get("Total tenge now")).isEqualTo(sum(comparison, "quarter_amount_now"));
        assertThat(republic.get("Total tenge proposed")).isEqualTo(sum(comparison, "quarter_amount_proposed"));
        assertThat(republic.get("Total tenge proposed")).isEqualTo(sum(
                CsvFiles.read(simulatedFresh.resolve("payments.csv")), "amount"));
        for (String benefit : List.of("ASP", "CCA")) {
            assertThat(republic.get(benefit + " families now")).isEqualTo(Long.toString(
                    comparison.stream().filter(r -> r.get("benefit_now").equals(benefit)).count()));
            assertThat(republic.get(benefit + " families proposed")).isEqualTo(Long.toString(
                    comparison.stream().filter(r -> r.get("benefit_proposed").equals(benefit)).count()));
        }
        Map<String, String> all = workbookRow(simulatedFresh, "Gains and losses", "All");
        assertThat(all.get("All")).isEqualTo(Integer.toString(comparison.size()));
    }

    @Test
    void theWorkbookCarriesNoFamilysIdentifierOrValue() throws IOException {
        String cells = String.join("\n", Outputs.cells(simulatedFresh.resolve(SimulationWorkbook.FILE_NAME)));
        for (Map<String, String> row : CsvFiles.read(simulatedFresh.resolve("comparison.csv"))) {
            assertThat(cells).doesNotContain(row.get("family_id"));
        }
        assertThat(cells).contains("=" + SimulationWorkbook.SUPPRESSED);
    }

    /** The row of a sheet whose first cell is {@code label}, by the header of the sheet's first row. */
    private static Map<String, String> workbookRow(Path folder, String sheetName, String label) throws IOException {
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                Files.newInputStream(folder.resolve(SimulationWorkbook.FILE_NAME)))) {
            var sheet = book.getSheet(sheetName);
            var formatter = new org.apache.poi.ss.usermodel.DataFormatter();
            var header = sheet.getRow(0);
            for (var row : sheet) {
                if (label.equals(formatter.formatCellValue(row.getCell(0)))) {
                    Map<String, String> values = new TreeMap<>();
                    for (int c = 1; c < header.getLastCellNum(); c++) {
                        // amounts are shown with thousands separators
                        values.put(formatter.formatCellValue(header.getCell(c)),
                                formatter.formatCellValue(row.getCell(c)).replace(",", ""));
                    }
                    return values;
                }
            }
        }
        throw new AssertionError("no row " + label + " on " + sheetName);
    }

    private static String sum(List<Map<String, String>> rows, String column) {
        return Long.toString(rows.stream().mapToLong(r -> Long.parseLong(r.get(column))).sum());
    }

    /** comparison.csv: each proposed row against the row now, the difference their quarter amounts'. */
    private static void assertComparison(Path simulation, Path now, Path proposed) {
        Map<String, Map<String, String>> nowRows = byFamily(now.resolve("entitlements.csv"));
        Map<String, Map<String, String>> proposedRows = byFamily(proposed.resolve("entitlements.csv"));
        List<Map<String, String>> comparison = CsvFiles.read(simulation.resolve("comparison.csv"));
        assertThat(comparison).extracting(r -> r.get("family_id")).containsExactlyElementsOf(proposedRows.keySet());
        long differences = 0;
        for (Map<String, String> row : comparison) {
            Map<String, String> before = nowRows.get(row.get("family_id"));
            Map<String, String> after = proposedRows.get(row.get("family_id"));
            assertThat(row.get("benefit_now")).isEqualTo(before.get("benefit"));
            assertThat(row.get("quarter_amount_now")).isEqualTo(before.get("quarter_amount"));
            assertThat(row.get("benefit_proposed")).isEqualTo(after.get("benefit"));
            assertThat(row.get("quarter_amount_proposed")).isEqualTo(after.get("quarter_amount"));
            long difference = Long.parseLong(after.get("quarter_amount")) - Long.parseLong(before.get("quarter_amount"));
            assertThat(row.get("difference")).isEqualTo(Long.toString(difference));
            differences += difference == 0 ? 0 : 1;
        }
        assertThat(differences).isPositive();
    }

    private static Map<String, Map<String, String>> byFamily(Path entitlements) {
        Map<String, Map<String, String>> rows = new TreeMap<>();
        CsvFiles.read(entitlements).forEach(r -> rows.put(r.get("family_id"), r));
        return rows;
    }

    /** Every table and every row of the database's schema, the job repository's included, as text. */
    static String history(String db) throws Exception {
        StringBuilder dump = new StringBuilder();
        for (String table : Sql.strings(db, """
                select c.relname from pg_class c
                 where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p')
                 order by c.relname""")) {
            dump.append("table ").append(table).append(":\n");
            for (String row : Sql.strings(db, "select t::text from " + table + " t order by 1")) {
                dump.append(row).append('\n');
            }
        }
        return dump.toString();
    }

    private static int simulate(String db, String quarter, Path input, Path output, String... proposal) {
        List<String> args = new ArrayList<>(List.of("simulate", "--quarter", quarter, "--input", input.toString(),
                "--output", output.toString()));
        args.addAll(List.of(proposal));
        LauncherRun.Result result = LauncherRun.run(db, args.toArray(String[]::new));
        assertThat(result.stderr()).isEmpty();
        return result.exitCode();
    }

    private static int run(String db, String quarter, Path input, Path output) {
        return LauncherRun.run(db, "run", "--quarter", quarter, "--input", input.toString(), "--output",
                output.toString()).exitCode();
    }

    private static List<String> names(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
