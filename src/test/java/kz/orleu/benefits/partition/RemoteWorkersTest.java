package kz.orleu.benefits.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kz.orleu.benefits.support.Examples;
import kz.orleu.benefits.support.JobProcess;
import kz.orleu.benefits.support.LauncherRun;
import kz.orleu.benefits.support.Outputs;
import kz.orleu.benefits.support.Sql;
import kz.orleu.benefits.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote partitioning against the test PostgreSQL server: worker JVMs ({@code ops/benefits worker}) take the
 * partitions over the database channel and the manager polls the job repository. Two workers compute what one
 * process computes; a worker that dies mid-partition leaves the step failed after the manager's timeout, and a
 * restart with two fresh workers runs the unfinished partitions only and gives the same outputs.
 */
class RemoteWorkersTest {

    @TempDir
    static Path work;

    private final List<Process> workers = new ArrayList<>();

    @AfterEach
    void stopWorkers() throws InterruptedException {
        for (Process worker : workers) {
            worker.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        try (var logs = Files.list(work)) {
            for (Path log : logs.filter(p -> p.toString().endsWith(".log")).toList()) {
                System.out.println("==== " + log + "\n" + Files.readString(log).lines()
                        .filter(l -> !l.startsWith("\tat ")).collect(java.util.stream.Collectors.joining("\n")));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        System.clearProperty("benefits.partition-timeout");
    }

    @Test
    void twoWorkerProcessesComputeWhatOneProcessComputesAndALostWorkersPartitionsAreRestarted() throws Exception {
        Path local = work.resolve("local");
        String localDb = TestDatabase.freshDatabase("remote_baseline");
        assertThat(run(localDb, local, "2016Q2", "2016Q1")).isZero();
        assertThat(run(localDb, local, "2016Q3", "2016Q2")).isZero();

        Path remote = work.resolve("remote");
        String db = TestDatabase.freshDatabase("remote_workers");
        // long enough for a worker JVM to start on a loaded machine, short enough for a test
        System.setProperty("benefits.partition-timeout", "20s");
        startWorkers(db, "worker-1", "worker-2");
        assertThat(run(db, remote, "2016Q2", "2016Q1", "--workers", "remote")).isZero();
        Outputs.assertSame(local.resolve("2016Q2"), remote.resolve("2016Q2"));
        long first = Long.parseLong(Sql.text(db, "select max(job_execution_id) from batch_job_execution"));
        assertThat(Sql.strings(db, "select distinct status from batch_step_execution where job_execution_id = "
                + first + " and step_name like '%Worker:%'")).containsExactly("COMPLETED");
        stopWorkers();
        workers.clear();

        // The only worker dies while writing its first chunk of computeEntitlements (SIGKILL-like: no cleanup).
        System.setProperty("benefits.partition-timeout", "20s");
        Process doomed = startWorker(db, "doomed", List.of("-Dbenefits.fault=computeEntitlements:1:halt"));
        assertThat(run(db, remote, "2016Q3", "2016Q2", "--workers", "remote"))
                .as("the step fails once the manager's timeout has passed").isEqualTo(1);
        assertThat(doomed.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(doomed.exitValue()).isEqualTo(137);
        long failed = Long.parseLong(Sql.text(db, "select max(job_execution_id) from batch_job_execution"));
        List<String> unfinished = Sql.strings(db, "select step_name from batch_step_execution where job_execution_id = "
                + failed + " and step_name like 'computeEntitlementsWorker:%' and status <> 'COMPLETED'"
                + " order by step_name");
        assertThat(unfinished).isNotEmpty();
        assertThat(Sql.strings(db, "select distinct status from batch_step_execution where job_execution_id = "
                + failed + " and step_name like 'computeEntitlementsWorker:%' and status <> 'COMPLETED'"))
                .as("marked failed by the manager, so that a late worker could not complete them")
                .containsExactly("FAILED");

        startWorkers(db, "worker-3", "worker-4");
        assertThat(LauncherRun.run(db, "restart", Long.toString(failed)).exitCode()).isZero();
        assertThat(Sql.strings(db, "select step_name from batch_step_execution where job_execution_id = "
                + (failed + 1) + " and step_name like '%Worker:%' order by step_name"))
                .as("the restart ran the unfinished partitions and no other").isEqualTo(unfinished);
        Outputs.assertSame(local.resolve("2016Q3"), remote.resolve("2016Q3"));
    }

    /** Starts the workers side by side, then waits until each serves partitions. */
    private void startWorkers(String db, String... names) throws Exception {
        List<Process> started = new ArrayList<>();
        for (String name : names) {
            started.add(launchWorker(db, name, List.of()));
        }
        workers.addAll(started);
        for (int i = 0; i < names.length; i++) {
            awaitReady(names[i], started.get(i));
        }
    }

    private Process startWorker(String db, String name, List<String> jvmOptions) throws Exception {
        Process worker = launchWorker(db, name, jvmOptions);
        workers.add(worker);
        awaitReady(name, worker);
        return worker;
    }

    private static Process launchWorker(String db, String name, List<String> jvmOptions) throws Exception {
        return JobProcess.startWithOptions(work.resolve(name + ".log"), jvmOptions, db, "worker");
    }

    private static void awaitReady(String name, Process worker) throws Exception {
        Path log = work.resolve(name + ".log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!(Files.exists(log) && Files.readString(log).contains("worker serving partitions"))) {
            assertThat(worker.isAlive()).as(name + " running, see " + log).isTrue();
            assertThat(System.nanoTime()).as(name + " ready within 120 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static int run(String db, Path out, String quarter, String input, String... options) {
        List<String> args = new ArrayList<>(List.of("run", "--quarter", quarter, "--input",
                Examples.input(input).toString(), "--output", out.toString(), "--partitions", "2"));
        args.addAll(List.of(options));
        return LauncherRun.run(db, args.toArray(String[]::new)).exitCode();
    }
}
