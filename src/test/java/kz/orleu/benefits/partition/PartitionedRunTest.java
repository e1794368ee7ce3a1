package kz.orleu.benefits.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import kz.orleu.benefits.job.FaultInjection;
import kz.orleu.benefits.support.Examples;
import kz.orleu.benefits.support.LauncherRun;
import kz.orleu.benefits.support.Outputs;
import kz.orleu.benefits.support.Sql;
import kz.orleu.benefits.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-family steps split by family hash compute what one partition computes: the worked examples' two
 * quarters in one partition and in three give identical outputs, and a fault in one of three partitions is
 * restarted alone.
 */
class PartitionedRunTest {

    @TempDir
    static Path work;

    static Path onePartition;

    @BeforeAll
    static void theExamplesInOnePartition() {
        onePartition = work.resolve("one");
        String db = TestDatabase.freshDatabase("partitions_one");
        assertThat(runQuarters(db, onePartition, "1")).isZero();
    }

    @AfterEach
    void disarm() {
        FaultInjection.disarm();
    }

    @Test
    void theExamplesInThreePartitionsGiveTheOutputsOfOnePartition() throws Exception {
        Path out = work.resolve("three");
        String db = TestDatabase.freshDatabase("partitions_three");
        assertThat(runQuarters(db, out, "3")).isZero();
        long first = number(db, "select min(job_execution_id) from batch_job_execution");

        Outputs.assertSame(onePartition.resolve("2016Q2"), out.resolve("2016Q2"));
        Outputs.assertSame(onePartition.resolve("2016Q3"), out.resolve("2016Q3"));
        for (String step : List.of("judgeCompliance", "computeEntitlements")) {
            String workers = "select %s from batch_step_execution where job_execution_id = " + first
                    + " and step_name like '" + step + "Worker:%%'";
            List<String> partitions = Sql.strings(db, workers.formatted("step_name") + " order by step_name");
            assertThat(partitions).as(step).containsExactly(step + "Worker:families0", step + "Worker:families1",
                    step + "Worker:families2");
            assertThat(number(db, workers.formatted("sum(read_count)")))
                    .as("every item of " + step + " read by exactly one partition")
                    .isEqualTo(number(db, "select read_count from batch_step_execution where job_execution_id = "
                            + first + " and step_name = '" + step + "'"));
        }
    }

    @Test
    void aFaultInOnePartitionFailsTheRunAndTheRestartRunsThatPartitionAlone() throws Exception {
        Path out = work.resolve("fault");
        String db = TestDatabase.freshDatabase("partitions_fault");
        FaultInjection.arm("computeEntitlements", 1);
        assertThat(run(db, out, "2016Q2", "2016Q1", "3")).as("the injected fault fails the run").isEqualTo(1);
        FaultInjection.disarm();
        long first = number(db, "select min(job_execution_id) from batch_job_execution");
        assertThat(Sql.strings(db, "select status from batch_step_execution where job_execution_id = " + first
                + " and step_name like 'computeEntitlementsWorker:%' order by status"))
                .as("one partition failed, the two others completed")
                .containsExactly("COMPLETED", "COMPLETED", "FAILED");
        assertThat(Sql.text(db, "select exit_message from batch_job_execution where job_execution_id = " + first))
                .as("the operator sees the failed partition's cause, not the partition handler's summary")
                .startsWith("InjectedFault: injected fault in step computeEntitlements");

        assertThat(LauncherRun.run(db, "restart", Long.toString(first)).exitCode()).isZero();
        List<String> failed = Sql.strings(db, "select step_name from batch_step_execution"
                + " where job_execution_id = " + first + " and status = 'FAILED' and step_name like '%Worker:%'");
        assertThat(Sql.strings(db, "select step_name from batch_step_execution where job_execution_id = "
                + (first + 1) + " and step_name like '%Worker:%'"))
                .as("the restart ran the failed partition and no other").isEqualTo(failed);
        Outputs.assertSame(onePartition.resolve("2016Q2"), out.resolve("2016Q2"));
    }

    private static int runQuarters(String db, Path out, String partitions) {
        int first = run(db, out, "2016Q2", "2016Q1", partitions);
        return first != 0 ? first : run(db, out, "2016Q3", "2016Q2", partitions);
    }

    private static int run(String db, Path out, String quarter, String input, String partitions) {
        return LauncherRun.run(db, "run", "--quarter", quarter, "--input", Examples.input(input).toString(),
                "--output", out.toString(), "--partitions", partitions).exitCode();
    }

    private static long number(String db, String sql) throws SQLException {
        return Long.parseLong(Sql.strings(db, sql).get(0));
    }
}
