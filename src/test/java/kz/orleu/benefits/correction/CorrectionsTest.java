package kz.orleu.benefits.correction;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import kz.orleu.benefits.job.FaultInjection;
import kz.orleu.benefits.support.CsvFiles;
import kz.orleu.benefits.support.Examples;
import kz.orleu.benefits.support.LauncherRun;
import kz.orleu.benefits.support.Sql;
import kz.orleu.benefits.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Corrections through the launcher, as an operator does them (contracts.md, "Corrections"): run two quarters,
 * run the first again from corrected input, then re-run the stale second with {@code rerun}. Every version's
 * outputs and adjustments are checked against the rules, and against each other.
 */
class CorrectionsTest {

    @TempDir
    static Path work;

    static String db;
    static Path out;
    /** What {@code quarters} said after the correction, and after the stale quarter was run again. */
    static String quartersAfterCorrection;
    static String quartersAfterRerun;
    static String rerunOfUnknownQuarter;
    /** Everything the first {@code rerun} printed, log lines included (the run summary is logged). */
    static String rerunLog;

    @BeforeAll
    static void twoQuartersThenACorrectionThenTheStaleQuarterAgain() throws Exception {
        db = TestDatabase.freshDatabase("corrections");
        out = work.resolve("out");
        assertThat(run("2016Q2", "2016Q1")).isZero();
        assertThat(run("2016Q3", "2016Q2")).isZero();
        copy(out.resolve("2016Q2"), work.resolve("2016Q2-v1"));
        copy(out.resolve("2016Q3"), work.resolve("2016Q3-v1"));
        assertThat(run("2016Q2", "2016Q1-corrected")).isZero();
        copy(out.resolve("2016Q2"), work.resolve("2016Q2-v2"));
        quartersAfterCorrection = launch("quarters");
        assertThat(launch("rerun", "2016Q3")).startsWith("0 ");
        rerunLog = lastOutput;
        copy(out.resolve("2016Q3"), work.resolve("2016Q3-v2"));
        quartersAfterRerun = launch("quarters");
        assertThat(launch("rerun", "2016Q3")).startsWith("0 ");
        rerunOfUnknownQuarter = launch("rerun", "2017Q1");
    }

    @AfterEach
    void disarm() {
        FaultInjection.disarm();
    }

    @Test
    void aFirstVersionHasNoAdjustmentsFile() {
        assertThat(work.resolve("2016Q2-v1").resolve("adjustments.csv")).doesNotExist();
        assertThat(work.resolve("2016Q3-v1").resolve("adjustments.csv")).doesNotExist();
    }

    @Test
    void theCorrectionPaysAndRecoversTheDifferenceAgainstTheVersionThePaymentUnitWasSent() {
        List<Map<String, String>> rows = CsvFiles.read(work.resolve("2016Q2-v2").resolve("adjustments.csv"));
        assertThat(rows).isNotEmpty().allSatisfy(r -> {
            assertThat(r).containsEntry("version_before", "1").containsEntry("version_now", "2");
            long delta = Long.parseLong(r.get("delta"));
            assertThat(delta).isEqualTo(Long.parseLong(r.get("amount_now")) - Long.parseLong(r.get("amount_before")));
            assertThat(r.get("kind")).isEqualTo(AdjustmentKind.of(delta).name());
        });
        assertDeltasAddUp(work.resolve("2016Q2-v1"), work.resolve("2016Q2-v2"));
        // F000015: an income written 12,50 made it INCOMPLETE_DATA in version 1; repaired, its quarter is arrears.
        assertThat(rows).filteredOn(r -> r.get("family_id").equals("F000015"))
                .extracting(r -> r.get("month") + " " + r.get("benefit_before") + " " + r.get("amount_before") + " "
                        + r.get("benefit_now") + " " + r.get("amount_now") + " " + r.get("kind"))
                .containsExactly("2016-04 NONE 0 ASP 18400 ARREARS", "2016-05 NONE 0 ASP 18400 ARREARS",
                        "2016-06 NONE 0 ASP 18400 ARREARS");
    }

    @Test
    void amountsAreIntegersFormattedLikePayments() throws Exception {
        List<String> lines = Files.readAllLines(work.resolve("2016Q2-v2").resolve("adjustments.csv"));
        assertThat(lines.subList(1, lines.size())).isNotEmpty().allSatisfy(line -> assertThat(line).matches(
                        "F\\d{6},2016-0[456],(NONE|ASP|CCA),\\d+,(NONE|ASP|CCA),\\d+,-?\\d+,[A-Z]+,1,2"));
    }

    @Test
    void aFamilyWithdrawnOrIncompleteNowIsHeldNotRecovered() {
        Path v2 = work.resolve("2016Q2-v2");
        List<String> held = values(v2, "ADJUSTMENT_HELD");
        assertThat(held).containsExactly("F000021");
        assertThat(CsvFiles.read(v2.resolve("adjustments.csv"))).noneMatch(r -> r.get("family_id").equals("F000021"));
        assertThat(CsvFiles.read(v2.resolve("warnings.csv"))).filteredOn(r -> r.get("reason").equals("ADJUSTMENT_HELD"))
                .allSatisfy(r -> assertThat(r.get("file") + r.get("line")).isEmpty());
    }

    @Test
    void theCorrectionNamesTheLaterQuarterItMadeStale() {
        assertThat(values(work.resolve("2016Q2-v2"), "STALE_LATER_QUARTER")).containsExactly("2016Q3");
        assertThat(values(work.resolve("2016Q2-v1"), "STALE_LATER_QUARTER")).isEmpty();
        assertThat(values(work.resolve("2016Q3-v2"), "STALE_LATER_QUARTER")).isEmpty();
    }

    @Test
    void quartersListsTheLatestVersionsAndWhichAreStale() {
        assertThat(quartersAfterCorrection).startsWith("0 ");
        assertThat(quartersAfterCorrection.substring(2).lines().toList())
                .satisfiesExactly(
                        q2 -> assertThat(q2).startsWith("2016Q2 version=2 ran=")
                                .contains("input=" + Examples.input("2016Q1-corrected").toAbsolutePath())
                                .doesNotEndWith("stale"),
                        q3 -> assertThat(q3).startsWith("2016Q3 version=1 ran=")
                                .contains("input=" + Examples.input("2016Q2").toAbsolutePath()).endsWith(" stale"));
        assertThat(quartersAfterRerun).startsWith("0 2016Q2 version=2 ").contains("\n2016Q3 version=2 ")
                .doesNotContain("stale");
    }

    @Test
    void rerunRunsTheStaleQuarterFromItsInputAndOptionsAndAdjustsIt() throws Exception {
        Path v2 = work.resolve("2016Q3-v2");
        assertThat(v2.resolve("adjustments.csv")).exists();
        assertThat(CsvFiles.read(v2.resolve("adjustments.csv")))
                .allSatisfy(r -> assertThat(r).containsEntry("version_before", "1").containsEntry("version_now", "2"));
        assertDeltasAddUp(work.resolve("2016Q3-v1"), v2);
        assertThat(Sql.strings(db, "select input_dir from run where benefit_quarter = '2016Q3' order by version"))
                .containsOnly(Examples.input("2016Q2").toAbsolutePath().toString());
    }

    @Test
    void reRunningTheSameFolderTwiceGivesAnAdjustmentsFileWithNoRows() throws Exception {
        assertThat(Files.readAllLines(out.resolve("2016Q3").resolve("adjustments.csv"))).containsExactly(
                "family_id,month,benefit_before,amount_before,benefit_now,amount_now,delta,kind,version_before,"
                        + "version_now");
        assertThat(Sql.text(db, "select max(version) from run where benefit_quarter = '2016Q3'")).isEqualTo("3");
    }

    @Test
    void rerunOfAQuarterNeverRunIsABadArgument() {
        assertThat(rerunOfUnknownQuarter).startsWith("2 ");
    }

    @Test
    void theRunSummaryOfACorrectionPrintsItsAdjustmentTotals() {
        assertThat(rerunLog).contains("adjustments: ").contains("families with arrears").contains("to recover");
    }

    @Test
    void explainShowsAnyVersionAndTheFamilysHistoryOfTheQuarter() {
        // F000015: an income written 12,50 in version 1 (INCOMPLETE_DATA), repaired in version 2: ASP 18,400 a
        // month, so 3 × 18,400 = 55,200 of arrears.
        assertThat(launch("explain", "F000015", "--quarter", "2016Q2", "--version", "1")).startsWith("0 ")
                .contains("version 1").contains("Versions of 2016Q2 for F000015:")
                .contains("version 1 (").contains("INCOMPLETE_DATA, NONE, quarter 0")
                .contains("ASP, quarter 55200; arrears 55200");
        assertThat(launch("explain", "F000021", "--quarter", "2016Q2"))
                .contains("held: the earlier payment stands (ADJUSTMENT_HELD)");
        assertThat(launch("explain", "F000001", "--quarter", "2016Q2", "--version", "9")).startsWith("2 ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"computeAdjustments", "publishOutputs"})
    void aCorrectionFailedAndRestartedGivesTheSameAdjustmentRows(String step) throws Exception {
        String faulted = TestDatabase.freshDatabase("corrections_fault");
        Path faultedOut = work.resolve("fault-" + step);
        assertThat(run(faulted, faultedOut, "2016Q2", "2016Q1")).isZero();
        assertThat(run(faulted, faultedOut, "2016Q3", "2016Q2")).isZero();
        FaultInjection.arm(step, 0);
        assertThat(run(faulted, faultedOut, "2016Q2", "2016Q1-corrected")).isEqualTo(1);
        String failed = Sql.text(faulted, "select max(job_execution_id) from batch_job_execution");
        assertThat(LauncherRun.run(faulted, "restart", failed).exitCode()).isZero();

        Path restarted = faultedOut.resolve("2016Q2");
        for (String file : List.of("adjustments.csv", "payments.csv")) {
            assertThat(Files.readAllBytes(restarted.resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(work.resolve("2016Q2-v2").resolve(file)));
        }
        assertThat(values(restarted, "ADJUSTMENT_HELD")).containsExactly("F000021");
        assertThat(values(restarted, "STALE_LATER_QUARTER")).containsExactly("2016Q3");
        assertThat(Sql.strings(faulted, "select a::text from adjustment a order by a::text"))
                .isEqualTo(Sql.strings(db, "select a::text from adjustment a where run_id = 3 order by a::text"));
    }

    private static void assertDeltasAddUp(Path before, Path now) {
        Map<String, BigDecimal> quarterBefore = quarterAmounts(before);
        Map<String, BigDecimal> quarterNow = quarterAmounts(now);
        Map<String, BigDecimal> deltas = CsvFiles.read(now.resolve("adjustments.csv")).stream()
                .collect(Collectors.groupingBy(r -> r.get("family_id"), TreeMap::new,
                        Collectors.reducing(BigDecimal.ZERO, r -> new BigDecimal(r.get("delta")), BigDecimal::add)));
        deltas.forEach((family, delta) -> assertThat(delta).as(family).isEqualByComparingTo(
                quarterNow.get(family).subtract(quarterBefore.getOrDefault(family, BigDecimal.ZERO))));
        // And every family computed both times whose quarter amount changed has adjustment rows.
        quarterNow.forEach((family, amount) -> {
            if (quarterBefore.containsKey(family) && amount.compareTo(quarterBefore.get(family)) != 0) {
                assertThat(deltas).as(family).containsKey(family);
            }
        });
    }

    private static Map<String, BigDecimal> quarterAmounts(Path folder) {
        Map<String, BigDecimal> amounts = new TreeMap<>();
        for (Map<String, String> row : CsvFiles.read(folder.resolve("entitlements.csv"))) {
            if (!row.get("decision").equals("INCOMPLETE_DATA")) {
                amounts.put(row.get("family_id"), new BigDecimal(row.get("quarter_amount")));
            }
        }
        return amounts;
    }

    private static List<String> values(Path folder, String reason) {
        return CsvFiles.read(folder.resolve("warnings.csv")).stream().filter(r -> r.get("reason").equals(reason))
                .map(r -> r.get("value")).sorted().toList();
    }

    private static int run(String quarter, String input) {
        return run(db, out, quarter, input);
    }

    private static int run(String database, Path output, String quarter, String input) {
        return LauncherRun.run(database, "run", "--quarter", quarter, "--input", Examples.input(input).toString(),
                "--output", output.toString()).exitCode();
    }

    private static String lastOutput;

    /** The launcher's exit status and what it printed, without log lines (all of it stays in lastOutput). */
    private static String launch(String... args) {
        LauncherRun.Said said = LauncherRun.said(db, args);
        lastOutput = said.output();
        return said.brief();
    }

    private static void copy(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
