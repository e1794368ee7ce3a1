package kz.orleu.benefits.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import kz.orleu.benefits.support.Examples;
import kz.orleu.benefits.support.LauncherRun;
import kz.orleu.benefits.support.Sql;
import kz.orleu.benefits.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A run failed deliberately in each step and restarted gives exactly what an uninterrupted run gives: completed
 * steps are not run again, a chunk step resumes after its last committed chunk, no staged row is stored twice
 * or lost, and every output file is identical byte for byte.
 */
class RestartTest {

    private static final List<String> OUTPUT_FILES = List.of("entitlements.csv", "payments.csv", "compliance.csv",
            "rejects.csv", "warnings.csv", "worklist.csv", "statistics.csv");

    @TempDir
    static Path work;

    static Path baseline;
    static String baselineDb;

    @BeforeAll
    static void uninterruptedRun() {
        baselineDb = TestDatabase.freshDatabase("restart_baseline");
        baseline = work.resolve("baseline");
        assertThat(run(baselineDb, baseline).exitCode()).isZero();
    }

    @AfterEach
    void disarm() {
        FaultInjection.disarm();
    }

    static Stream<String> faults() {
        return Stream.of("registerRun:0", "loadRegions:1", "loadSubsistenceMinimum:1", "loadIncomeTypes:1",
                "loadRules:2", "ingestFamilies:2", "ingestMembers:3", "ingestIncomes:2", "ingestContracts:2",
                "ingestObligations:2", "ingestMonitoring:2", "validateDeclarations:0", "establishFacts:0",
                // the examples' contracts, split in two partitions, are fewer than two chunks (10) in each
                "judgeCompliance:1",
                "establishTerminations:0", "gatherFamilyCases:0",
                "computeEntitlements:2", "publishOutputs:0");
    }

    @ParameterizedTest
    @MethodSource("faults")
    void aRunFailedInAStepAndRestartedEqualsAnUninterruptedRun(String fault) throws Exception {
        String step = fault.substring(0, fault.indexOf(':'));
        int chunk = Integer.parseInt(fault.substring(fault.indexOf(':') + 1));
        String db = TestDatabase.freshDatabase("restart_" + step);
        Path out = work.resolve(step);

        FaultInjection.arm(step, chunk);
        assertThat(run(db, out).exitCode()).as("the injected fault fails the run").isEqualTo(1);
        assertThat(out.resolve("2016Q2")).doesNotExist();
        long failed = Long.valueOf(Sql.text(db, "select max(job_execution_id) from batch_job_execution"));

        assertThat(LauncherRun.run(db, "restart", Long.toString(failed)).exitCode()).isZero();

        List<String> rerun = Sql.strings(db, """
                select step_name from batch_step_execution
                 where job_execution_id = (select max(job_execution_id) from batch_job_execution)
                 order by step_execution_id""");
        assertThat(rerun).as("steps run again").first().isEqualTo(step);
        if (chunk > 1) {
            // The fault fails the write of chunk n, so chunks 1..n-1 (10 items each) were committed before it.
            long committedBefore = 10L * (chunk - 1);
            // A partitioned step's other partitions completed in the failed execution and are not run again.
            long completedPartitions = single(db, "select coalesce(sum(read_count), 0) from batch_step_execution"
                    + " where job_execution_id = " + failed + " and status = 'COMPLETED' and step_name like '"
                    + step + "Worker:%'");
            long readAfter = single(db, """
                    select read_count from batch_step_execution
                     where job_execution_id = (select max(job_execution_id) from batch_job_execution)
                       and step_name = '""" + step + "'");
            assertThat(readAfter).as("items read by the restarted step, which resumes after the committed chunks")
                    .isEqualTo(single(baselineDb, "select read_count from batch_step_execution where step_name = '"
                            + step + "'") - committedBefore - completedPartitions);
        }
        for (String table : List.of("stg_family", "stg_member", "stg_income", "stg_contract", "stg_obligation",
                "stg_monitoring", "reject", "warning", "family_case", "entitlement", "payment", "finding", "ref_rule")) {
            assertThat(rows(db, table)).as(table).isEqualTo(rows(baselineDb, table));
        }
        String paid = "select region_code || ' ' || benefit || ' ' || sum(families) || ' ' || sum(tenge) from paid_total"
                + " group by region_code, benefit order by 1";
        assertThat(Sql.strings(db, paid)).as("paid totals").isEqualTo(Sql.strings(baselineDb, paid)).isNotEmpty();
        for (String file : OUTPUT_FILES) {
            assertThat(Files.readAllBytes(out.resolve("2016Q2").resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(baseline.resolve("2016Q2").resolve(file)));
        }
    }

    @Test
    void aRunWithSeparatorsInAContractIdFailedWhileComputingRestartsAndPaysThatContract() throws Exception {
        // The bad-input case "separators-in-a-contract-id": F2's contract is "C;3|x". Its id once split the
        // gathered contracts apart, so the run failed in computeEntitlements and every restart failed again.
        Path input = corpusInput("separators-in-a-contract-id");
        String db = TestDatabase.freshDatabase("restart_separators");
        Path out = work.resolve("separators");

        FaultInjection.arm("computeEntitlements", 0);
        assertThat(LauncherRun.run(db, "run", "--quarter", "2016Q2", "--input", input.toString(), "--output",
                out.toString()).exitCode()).as("the injected fault fails the run").isEqualTo(1);
        FaultInjection.disarm();
        long failed = Long.valueOf(Sql.text(db, "select max(job_execution_id) from batch_job_execution"));
        assertThat(LauncherRun.run(db, "restart", Long.toString(failed)).exitCode()).isZero();

        // F2: 2 members, 25,000.50 / 3 / 2 = 4,166.75; CCA line 22,859 × 60 % = 13,715.40;
        // (13,715.40 − 4,166.75) × 2 = 19,097.30 → 19,097 a month, 57,291 in the quarter
        assertThat(Sql.strings(db, "select benefit || ' ' || decision || ' ' || quarter_amount from entitlement"
                + " where family_id = 'F2'")).containsExactly("CCA CCA 57291");
        assertThat(Sql.strings(db, "select contract_id || ' ' || months from finding where family_id = 'F2'"))
                .containsExactly("C;3|x 2016-01;2016-02");
    }

    /** The base quarter of the bad-input corpus with the files of one of its cases. */
    private static Path corpusInput(String caseName) throws Exception {
        Path corpus = Path.of(RestartTest.class.getResource("/bad-input/README.md").toURI()).getParent();
        Path input = work.resolve(caseName + "-input");
        Files.createDirectories(input);
        for (Path folder : List.of(corpus.resolve("base"), corpus.resolve("cases").resolve(caseName))) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> !f.getFileName().toString().equals("expect.txt")).toList()) {
                    Files.copy(file, input.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return input;
    }

    private static LauncherRun.Result run(String db, Path out) {
        // Two partitions whatever the machine's cores: a fault in a per-family step fails one partition of two.
        return LauncherRun.run(db, "run", "--quarter", "2016Q2", "--input", Examples.input("2016Q1").toString(),
                "--output", out.toString(), "--partitions", "2");
    }

    /** Every row of a table, in a stable order, as text: equal lists mean none twice and none missing. */
    private static List<String> rows(String db, String table) throws SQLException {
        return Sql.strings(db, "select t::text from " + table + " t order by t::text");
    }

    private static long single(String db, String sql) throws SQLException {
        return Long.parseLong(Sql.strings(db, sql).get(0));
    }

}
