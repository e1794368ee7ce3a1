package kz.orleu.benefits.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kz.orleu.benefits.generator.GeneratorOptions;
import kz.orleu.benefits.generator.QuarterGenerator;
import kz.orleu.benefits.job.FaultInjection;
import kz.orleu.benefits.support.Examples;
import kz.orleu.benefits.support.JobProcess;
import kz.orleu.benefits.support.LauncherRun;
import kz.orleu.benefits.support.Sql;
import kz.orleu.benefits.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What operators and administrators do with the launcher: every exit status, one run of a quarter at a time,
 * stop at a chunk boundary, restart, abandon, and the listing of executions.
 */
class OperationsTest {

    @TempDir
    static Path work;

    static Path bigQuarter;

    @BeforeAll
    static void generate() {
        bigQuarter = work.resolve("2016Q1-big");
        QuarterGenerator.generate(GeneratorOptions.of(60_000, "2016Q1", 7, bigQuarter));
    }

    @AfterEach
    void disarm() {
        FaultInjection.disarm();
        System.clearProperty("benefits.db-wait");
    }

    @Test
    void exitStatusIsZeroForACompletedRunWithRejects() {
        String db = TestDatabase.freshDatabase("ops_exit0");
        assertThat(LauncherRun.run(db, "run", "--quarter", "2016Q2", "--input", Examples.input("2016Q1").toString(),
                "--output", work.resolve("exit0").toString()).exitCode()).isZero();
    }

    @Test
    void explainSaysWhyAFamilyGotItsAmount() {
        String db = TestDatabase.freshDatabase("ops_explain");
        assertThat(LauncherRun.run(db, "run", "--quarter", "2016Q2", "--input", Examples.input("2016Q1").toString(),
                "--output", work.resolve("explain").toString()).exitCode()).isZero();
        // F000001: wages 15,000 a month, 5 members → per-capita 3,000.00; line 8,600.00 → (8,600 − 3,000) × 5.
        assertThat(launch(db, "explain", "F000001", "--quarter", "2016Q2")).startsWith("0 Decision record: family F000001")
                .contains("Members on 2016-04-01:")
                .contains("per-capita 45,000.00 / 3 / 5 = 3,000.00").contains("ASP line 21,500.00 × 40 % = 8,600.00")
                .contains("2016-04 ASP 28,000: no contract in force")
                .contains("Decision ASP: benefit ASP, 28,000 a month, 84,000 in the quarter; change NEW");
        // F000012: only uncounted income types.
        assertThat(launch(db, "explain", "F000012", "--quarter", "2016Q2"))
                .contains("not counted: income type not counted").contains("per-capita 0.00 / 3");
        assertThat(launch(db, "explain", "F000017", "--quarter", "2016Q2")).startsWith("2 ")
                .contains("own row was rejected");
    }

    @Test
    void exitStatusIsOneForAFailedRunAndTheRestartCompletesIt() throws SQLException {
        String db = TestDatabase.freshDatabase("ops_exit1");
        FaultInjection.arm("computeEntitlements", 1);
        assertThat(LauncherRun.run(db, "run", "--quarter", "2016Q2", "--input", Examples.input("2016Q1").toString(),
                "--output", work.resolve("exit1").toString()).exitCode()).isEqualTo(1);
        String id = Sql.text(db, "select max(job_execution_id) from batch_job_execution");
        String listing = listing(db, "--failed");
        assertThat(listing).startsWith(id + " FAILED quarter=2016Q2").contains("computeEntitlements")
                .contains("injected fault");
        assertThat(LauncherRun.run(db, "restart", id).exitCode()).isZero();
        assertThat(listing(db, "--failed")).startsWith("no execution needs attention");
        assertThat(LauncherRun.run(db, "restart", id).exitCode()).as("a completed run cannot be resumed").isEqualTo(2);
    }

    @Test
    void exitStatusIsTwoForBadArgumentsAndUnusableInput() throws Exception {
        String unreachable = "jdbc:postgresql://127.0.0.1:1/nothing";
        // Not the ten seconds a production start gives a server being restarted (BENEFITS_DB_WAIT).
        System.setProperty("benefits.db-wait", "1s");
        String input = Examples.input("2016Q1").toString();
        String out = work.resolve("exit2").toString();
        assertThat(launch(unreachable, "frobnicate")).startsWith("2 benefits: unknown subcommand 'frobnicate'");
        assertThat(launch(unreachable, "run", "--quarter", "2016Q5", "--input", input, "--output", out))
                .startsWith("2 benefits: bad quarter '2016Q5'");
        assertThat(launch(unreachable, "run", "--quarter", "2016Q2", "--input", work.resolve("none").toString(),
                "--output", out)).startsWith("2 benefits: input folder").contains("does not exist");
        Path broken = work.resolve("broken");
        Files.createDirectories(broken);
        for (Path file : Files.list(Examples.input("2016Q1")).toList()) {
            Files.copy(file, broken.resolve(file.getFileName()));
        }
        Files.delete(broken.resolve("incomes.csv"));
        assertThat(launch(unreachable, "run", "--quarter", "2016Q2", "--input", broken.toString(), "--output", out))
                .startsWith("2 benefits: incomes.csv is missing");
        Files.createDirectory(broken.resolve("incomes.csv"));
        assertThat(launch(unreachable, "run", "--quarter", "2016Q2", "--input", broken.toString(), "--output", out))
                .startsWith("2 benefits: ").contains("incomes.csv is not a regular file");
        assertThat(launch(unreachable, "run", "--quarter", "2016Q2", "--input", input, "--output", out))
                .startsWith("2 benefits: cannot reach the database");
        assertThat(launch(unreachable, "executions")).startsWith("2 benefits: cannot reach the database");
        System.setProperty("benefits.db-wait", "ten seconds");
        assertThat(launch(unreachable, "executions")).as("one line that names the setting, no failure report")
                .startsWith("2 benefits: bad setting \"benefits.db-wait\"")
                .endsWith(": 'ten seconds' is not a valid duration\n").hasLineCount(1);
        assertThat(work.resolve("exit2")).doesNotExist();
    }

    @Test
    void anUnknownOrMalformedExecutionIdIsRefusedWithExitTwoAndOneLine() {
        String db = TestDatabase.freshDatabase("ops_unknown_id");
        for (String sub : List.of("restart", "stop", "abandon")) {
            assertThat(launch(db, sub, "424242")).isEqualTo("2 benefits: no job execution with id 424242;"
                    + " list them with: benefits executions\n");
            assertThat(launch(db, sub, "4x")).isEqualTo("2 benefits: not an execution id: 4x\n");
            assertThat(launch(db, sub, "99999999999999999999"))
                    .isEqualTo("2 benefits: not an execution id: 99999999999999999999\n");
        }
        assertThat(launch(db, "explain", "F404", "--quarter", "2016Q2"))
                .isEqualTo("2 benefit quarter 2016Q2 has no completed run\n");
    }

    @Test
    void aSecondRunOfAQuarterIsRefusedWhileOneRunsAndStopThenRestartThenAbandonWork() throws Exception {
        String db = TestDatabase.freshDatabase("ops_concurrency");
        Path out = work.resolve("concurrency");
        Process job = JobProcess.start(work.resolve("concurrency.log"), db, "run", "--quarter", "2016Q2",
                "--input", bigQuarter.toString(), "--output", out.toString());
        String id = JobProcess.waitForStep(db, "ingestMembers");

        assertThat(launch(db, "run", "--quarter", "2016Q2", "--input", bigQuarter.toString(), "--output",
                out.toString())).startsWith("2 benefits: quarter 2016Q2 is already being run by execution " + id);
        assertThat(launch(db, "restart", id)).startsWith("2 benefits: execution " + id + " is still running");

        assertThat(launch(db, "stop", id)).startsWith("0 " + id + " STOPPING");
        assertThat(job.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(job.exitValue()).as("a stopped run exits 1: restartable").isEqualTo(1);
        assertThat(Sql.text(db, "select status from batch_job_execution where job_execution_id = " + id))
                .isEqualTo("STOPPED");
        assertThat(out.resolve("2016Q2")).doesNotExist();

        assertThat(launch(db, "abandon", id)).startsWith("0 " + id + " ABANDONED");
        assertThat(launch(db, "restart", id)).startsWith("2 benefits: execution " + id + " is ABANDONED");
        assertThat(listing(db, "--failed")).startsWith("no execution needs attention");
        assertThat(listing(db)).startsWith(id + " ABANDONED quarter=2016Q2");

        assertThat(launch(db, "run", "--quarter", "2016Q2", "--input", Examples.input("2016Q1").toString(),
                "--output", out.toString())).startsWith("0");
        assertThat(Sql.text(db, "select string_agg(status, ',' order by version) from run")).isEqualTo("ABANDONED,COMPLETED");
    }

    @Test
    void sigtermStopsTheRunAtAChunkBoundaryAndTheRestartCompletesIt() throws Exception {
        String db = TestDatabase.freshDatabase("ops_sigterm");
        Path out = work.resolve("sigterm");
        Process job = JobProcess.start(work.resolve("sigterm.log"), db, "run", "--quarter", "2016Q2",
                "--input", bigQuarter.toString(), "--output", out.toString());
        String id = JobProcess.waitForStep(db, "ingestMembers");
        job.destroy(); // SIGTERM
        assertThat(job.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(job.exitValue()).as("stopped, restartable: 1 as documented, not 143").isEqualTo(1);
        assertThat(Files.readString(work.resolve("sigterm.log"))).contains("resume with: ops/benefits restart " + id);
        assertThat(Sql.text(db, "select status from batch_job_execution where job_execution_id = " + id))
                .isEqualTo("STOPPED");
        assertThat(Sql.text(db, "select status from batch_step_execution where job_execution_id = " + id
                + " and step_name = 'ingestMembers'")).isEqualTo("STOPPED");
        assertThat(launch(db, "restart", id)).startsWith("0");
        assertThat(Sql.text(db, "select read from ingest_count where file = 'families.csv'")).isEqualTo("60000");
    }

    @Test
    void stopWorksOnAResumedRunDuringItsFirstStep() throws Exception {
        String db = TestDatabase.freshDatabase("ops_stop_resumed");
        Path out = work.resolve("stop-resumed");
        Process first = JobProcess.start(work.resolve("stop-resumed-1.log"), db, "run", "--quarter", "2016Q2",
                "--input", bigQuarter.toString(), "--output", out.toString());
        String id = JobProcess.waitForStep(db, "ingestMembers");
        assertThat(launch(db, "stop", id)).startsWith("0 " + id + " STOPPING");
        assertThat(first.waitFor(120, TimeUnit.SECONDS)).isTrue();

        Process resumed = JobProcess.start(work.resolve("stop-resumed-2.log"), db, "restart", id);
        String resumedId = JobProcess.waitForStep(db, "ingestMembers");
        assertThat(resumedId).isNotEqualTo(id);
        assertThat(launch(db, "stop", resumedId)).startsWith("0 " + resumedId + " STOPPING");
        assertThat(resumed.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(resumed.exitValue()).isEqualTo(1);
        assertThat(Sql.text(db, "select string_agg(step_name || ' ' || status, ',') from batch_step_execution"
                + " where job_execution_id = " + resumedId)).as("stopped in the first step it ran")
                .isEqualTo("ingestMembers STOPPED");
        assertThat(Sql.text(db, "select status from batch_job_execution where job_execution_id = " + resumedId))
                .isEqualTo("STOPPED");
    }

    private static String listing(String db, String... options) {
        String[] args = new String[options.length + 1];
        args[0] = "executions";
        System.arraycopy(options, 0, args, 1, options.length);
        String said = launch(db, args);
        assertThat(said).startsWith("0 ");
        return said.substring(2);
    }

    /** Exit status, a space, then what the launcher said (stdout and stderr), log lines left out. */
    private static String launch(String db, String... args) {
        return LauncherRun.said(db, args).brief();
    }
}
