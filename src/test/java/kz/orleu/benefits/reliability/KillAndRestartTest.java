package kz.orleu.benefits.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import kz.orleu.benefits.generator.GeneratorOptions;
import kz.orleu.benefits.generator.QuarterGenerator;
import kz.orleu.benefits.support.JobProcess;
import kz.orleu.benefits.support.LauncherRun;
import kz.orleu.benefits.support.Outputs;
import kz.orleu.benefits.support.Sql;
import kz.orleu.benefits.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kill trials: the job runs in a JVM of its own on a generated quarter and is killed with SIGKILL at a random
 * point of a randomly chosen step; {@code benefits restart} then finishes it, and every output equals an
 * uninterrupted run's (CSV byte for byte, the workbook cell by cell). One trial in the default suite; more with
 * {@code -Dbenefits.killTrials=N} (the {@code kill-trials} Maven profile runs 10).
 */
class KillAndRestartTest {

    static final List<String> STEPS = List.of("loadRules", "ingestFamilies", "ingestMembers", "ingestIncomes",
            "ingestContracts", "ingestObligations", "ingestMonitoring", "validateDeclarations", "establishFacts",
            "judgeCompliance", "establishTerminations", "gatherFamilyCases", "computeEntitlements", "computeAdjustments", "publishOutputs");

    @TempDir
    static Path work;

    static Path input;
    static Path corrected;
    static Path baseline;
    static Path correctedBaseline;

    @BeforeAll
    static void generateAndRunUninterrupted() {
        input = work.resolve("2016Q1");
        QuarterGenerator.generate(GeneratorOptions.of(10_000, "2016Q1", 20161, input).withBadRows(5));
        baseline = work.resolve("baseline");
        assertThat(LauncherRun.runGenerated(TestDatabase.freshDatabase("kill_baseline"), "run", "--quarter", "2016Q2",
                "--input", input.toString(), "--output", baseline.toString()).exitCode()).isZero();
    }

    @ParameterizedTest(name = "trial {0}", allowZeroInvocations = true)
    @MethodSource("correctionTrials")
    void aCorrectingRunKilledAtARandomPointAndRestartedEqualsAnUninterruptedOne(int trial) throws Exception {
        correctedBaseline();
        SplittableRandom random = new SplittableRandom(System.nanoTime());
        List<String> late = STEPS.subList(STEPS.indexOf("gatherFamilyCases"), STEPS.size());
        String step = late.get(random.nextInt(late.size()));
        String db = TestDatabase.freshDatabase("kill_corrected_" + trial);
        Path out = work.resolve("corrected-trial-" + trial);
        assertThat(LauncherRun.runGenerated(db, "run", "--quarter", "2016Q2", "--input", input.toString(), "--output",
                out.toString()).exitCode()).isZero();

        Process job = JobProcess.start(work.resolve("corrected-trial-" + trial + ".log"), db, "run", "--quarter",
                "2016Q2", "--input", corrected.toString(), "--output", out.toString());
        killAndRestart(job, db, step, random.nextInt(40), "correction trial " + trial);

        Outputs.assertSame(correctedBaseline.resolve("2016Q2"), out.resolve("2016Q2"));
    }

    /** Made on the first correction trial only: the trials are opt-in, and the baseline costs two runs. */
    private static synchronized void correctedBaseline() {
        if (correctedBaseline != null) {
            return;
        }
        // A second version of the same quarter from a folder the districts sent again: its adjustments.csv too
        // must come out of a kill and restart exactly as from an uninterrupted run.
        corrected = work.resolve("2016Q1-corrected");
        QuarterGenerator.generate(GeneratorOptions.of(10_000, "2016Q1", 20162, corrected).withBadRows(2));
        Path folder = work.resolve("corrected-baseline");
        String db = TestDatabase.freshDatabase("kill_corrected_baseline");
        assertThat(LauncherRun.runGenerated(db, "run", "--quarter", "2016Q2", "--input", input.toString(), "--output",
                folder.toString()).exitCode()).isZero();
        assertThat(LauncherRun.runGenerated(db, "run", "--quarter", "2016Q2", "--input", corrected.toString(),
                "--output", folder.toString()).exitCode()).isZero();
        assertThat(folder.resolve("2016Q2/adjustments.csv")).exists();
        correctedBaseline = folder;
    }

    static Stream<Integer> correctionTrials() {
        // Opt-in (-Pkill-trials): the default suite covers the correcting run's restart by fault injection in
        // CorrectionsTest; a SIGKILL trial of it costs a minute.
        return IntStream.rangeClosed(1, Integer.getInteger("benefits.killTrials", 1) / 2).boxed();
    }

    private static void killAndRestart(Process job, String db, String step, int extraMillis, String trial)
            throws Exception {
        boolean killed = killDuring(job, db, step, extraMillis);
        if (!killed) {
            job.destroyForcibly();
        }
        job.waitFor(60, TimeUnit.SECONDS);
        System.out.printf("%s: SIGKILL %s step %s%n", trial, killed ? "during" : "after", step);
        Long execution = Long.valueOf(Sql.text(db, "select max(job_execution_id) from batch_job_execution"));
        String status = Sql.text(db, "select status from batch_job_execution where job_execution_id = " + execution);
        if (!"COMPLETED".equals(status)) {
            assertThat(LauncherRun.runGenerated(db, "restart", execution.toString()).exitCode()).isZero();
        }
        assertThat(Sql.text(db, "select status from batch_job_execution order by job_execution_id desc limit 1"))
                .isEqualTo("COMPLETED");
    }

    @Test
    void aRunKilledInOnePartitionKeepsTheCompletedPartitionsAndTheRestartResumesTheOthers() throws Exception {
        String db = TestDatabase.freshDatabase("kill_partition");
        Path out = work.resolve("partition");
        // The JVM dies while writing chunk 3 (200 families each) of one partition of two, as under SIGKILL.
        Process job = JobProcess.startWithOptions(work.resolve("partition.log"),
                List.of("-Dbenefits.fault=computeEntitlements:3:halt"), db, "run", "--quarter", "2016Q2", "--input",
                input.toString(), "--output", out.toString(), "--partitions", "2");
        assertThat(job.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(job.exitValue()).isEqualTo(137);
        String killed = Sql.text(db, "select max(job_execution_id) from batch_job_execution");
        List<String> unfinished = Sql.strings(db, "select step_name from batch_step_execution where job_execution_id = "
                + killed + " and step_name like 'computeEntitlementsWorker:%' and status <> 'COMPLETED'"
                + " order by step_name");
        assertThat(unfinished).isNotEmpty();

        assertThat(LauncherRun.runGenerated(db, "restart", killed).exitCode()).isZero();
        String restarted = Sql.text(db, "select max(job_execution_id) from batch_job_execution");
        assertThat(Sql.strings(db, "select step_name from batch_step_execution where job_execution_id = "
                + restarted + " and step_name like '%Worker:%' order by step_name"))
                .as("only the partitions the killed run left unfinished run again").isEqualTo(unfinished);
        String committedBeforeTheKill = Sql.text(db, "select sum(read_count) from batch_step_execution"
                + " where job_execution_id = " + killed + " and step_name like 'computeEntitlementsWorker:%'"
                + " and status <> 'COMPLETED'");
        assertThat(Long.parseLong(committedBeforeTheKill)).as("chunks committed before the kill").isPositive();
        assertThat(Sql.text(db, "select sum(read_count) from batch_step_execution"
                + " where step_name like 'computeEntitlementsWorker:%'"))
                .as("every family read once in a committed chunk, over both executions: the unfinished partitions"
                        + " resumed after their committed chunks")
                .isEqualTo(Sql.text(db, "select count(*) from family_case"));
        Outputs.assertSame(baseline.resolve("2016Q2"), out.resolve("2016Q2"));
    }

    static Stream<Integer> trials() {
        return IntStream.rangeClosed(1, Integer.getInteger("benefits.killTrials", 1)).boxed();
    }

    @ParameterizedTest(name = "trial {0}")
    @MethodSource("trials")
    void aRunKilledAtARandomPointAndRestartedEqualsAnUninterruptedRun(int trial) throws Exception {
        SplittableRandom random = new SplittableRandom(System.nanoTime());
        String step = STEPS.get(random.nextInt(STEPS.size()));
        String db = TestDatabase.freshDatabase("kill_" + trial);
        Path out = work.resolve("trial-" + trial);
        Path log = work.resolve("trial-" + trial + ".log");

        Process job = JobProcess.start(log, db, "run", "--quarter", "2016Q2", "--input", input.toString(),
                "--output", out.toString());
        killAndRestart(job, db, step, random.nextInt(40), "kill trial " + trial);
        Outputs.assertSame(baseline.resolve("2016Q2"), out.resolve("2016Q2"));
        assertThat(Files.list(out).filter(p -> p.getFileName().toString().startsWith(".")).toList())
                .as("no temporary folder left behind").isEmpty();
    }

    /** Polls the job repository until the step runs, waits a little more, then kills the JVM with SIGKILL. */
    private static boolean killDuring(Process job, String db, String step, int extraMillis) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (job.isAlive() && System.nanoTime() < deadline) {
            // a partitioned step's workers (name "<step>Worker:familiesN") run beside their manager
            String running = Sql.textOrNull(db, "select step_name from batch_step_execution where status = 'STARTED'"
                    + " and step_name not like '%Worker:%'");
            if (step.equals(running)) {
                Thread.sleep(extraMillis);
                job.destroyForcibly();
                return true;
            }
            Thread.sleep(5);
        }
        return false;
    }
}
