package kz.orleu.benefits.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kz.orleu.benefits.entitlement.Decision;
import kz.orleu.benefits.job.FaultInjection;
import kz.orleu.benefits.support.Examples;
import kz.orleu.benefits.support.LauncherRun;
import kz.orleu.benefits.support.Sql;
import kz.orleu.benefits.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outcome of every run and restart left in a Prometheus textfile after the process ends, for node exporter's
 * textfile collector: the examples quarter through the launcher, then a failed run and its restart.
 */
class RunMetricsFileTest {

    @TempDir
    Path work;

    private Path metrics;

    @BeforeEach
    void pointTheMetricsFileAtATemporaryFolder() {
        metrics = work.resolve("textfile").resolve("benefits.prom");
        System.setProperty("benefits.metrics.file", metrics.toString());
    }

    @AfterEach
    void reset() {
        System.clearProperty("benefits.metrics.file");
        FaultInjection.disarm();
    }

    @Test
    void aCompletedRunLeavesItsOutcomeRowsFamiliesAndMoneyInTheTextfile() throws Exception {
        String db = TestDatabase.freshDatabase("metrics_completed");
        assertThat(run(db).exitCode()).isZero();

        PrometheusText file = PrometheusText.read(metrics);
        String execution = Sql.text(db, "select max(job_execution_id) from batch_job_execution");
        String runId = Sql.text(db, "select job_instance_id from batch_job_execution where job_execution_id = "
                + execution);
        assertThat(file.value("benefits_run_info{benefit_quarter=\"2016Q2\",execution_id=\"" + execution
                + "\",run_id=\"" + runId + "\",status=\"COMPLETED\"}")).isEqualTo(1);
        assertThat(file.value("benefits_run_status{status=\"COMPLETED\"}")).isEqualTo(1);
        assertThat(file.value("benefits_run_status{status=\"FAILED\"}")).isZero();
        assertThat(file.value("benefits_run_exit_code")).isZero();
        assertThat(file.value("benefits_run_execution_id")).isEqualTo(Double.parseDouble(execution));
        assertThat(file.value("benefits_run_end_time_seconds"))
                .isGreaterThanOrEqualTo(file.value("benefits_run_start_time_seconds"));
        assertThat(file.value("benefits_run_duration_seconds")).isEqualTo(
                file.value("benefits_run_end_time_seconds") - file.value("benefits_run_start_time_seconds"),
                org.assertj.core.data.Offset.offset(0.002));

        // rows per input file as the ingest counted them; the examples carry rejects
        List<String> files = Sql.strings(db, "select file from ingest_count where run_id = " + runId);
        assertThat(files).contains("members.csv", "incomes.csv");
        double rejected = 0;
        for (String name : files) {
            String counts = "from ingest_count where run_id = " + runId + " and file = '" + name + "'";
            assertThat(file.value("benefits_input_rows_read{file=\"" + name + "\"}"))
                    .isEqualTo(Double.parseDouble(Sql.text(db, "select read " + counts)));
            assertThat(file.value("benefits_input_rows_rejected{file=\"" + name + "\"}"))
                    .isEqualTo(Double.parseDouble(Sql.text(db, "select rejected " + counts)));
            rejected += file.value("benefits_input_rows_rejected{file=\"" + name + "\"}");
        }
        assertThat(rejected).as("the examples have rejected rows").isPositive();

        for (Decision decision : Decision.values()) {
            assertThat(file.value("benefits_families{decision=\"" + decision + "\"}")).as(decision.name())
                    .isEqualTo(Double.parseDouble(Sql.text(db, "select count(*) from entitlement where run_id = "
                            + runId + " and decision = '" + decision + "'")));
        }
        for (String benefit : List.of("ASP", "CCA")) {
            assertThat(file.value("benefits_paid_tenge{benefit=\"" + benefit + "\"}")).as(benefit)
                    .isEqualTo(Double.parseDouble(Sql.text(db, "select coalesce(sum(amount), 0) from payment"
                            + " where run_id = " + runId + " and benefit = '" + benefit + "'")))
                    .isPositive();
        }
        assertThat(file.value("benefits_jvm_heap_peak_bytes")).as("the heap this JVM needed").isPositive();
        assertThat(Files.list(metrics.getParent()).map(p -> p.getFileName().toString()).toList())
                .as("only the textfile: the temporary file was renamed onto it").containsExactly("benefits.prom");
    }

    @Test
    void aFailedRunWritesStatusFailedAndItsRestartWritesCompleted() throws Exception {
        String db = TestDatabase.freshDatabase("metrics_failed");
        FaultInjection.arm("computeEntitlements", 1);
        assertThat(run(db).exitCode()).isEqualTo(1);

        PrometheusText failed = PrometheusText.read(metrics);
        String execution = Sql.text(db, "select max(job_execution_id) from batch_job_execution");
        assertThat(failed.value("benefits_run_status{status=\"FAILED\"}")).isEqualTo(1);
        assertThat(failed.value("benefits_run_status{status=\"COMPLETED\"}")).isZero();
        assertThat(failed.value("benefits_run_exit_code")).isEqualTo(1);
        assertThat(failed.value("benefits_run_execution_id")).isEqualTo(Double.parseDouble(execution));
        assertThat(failed.value("benefits_input_rows_read{file=\"members.csv\"}"))
                .as("the ingest finished before the fault").isPositive();
        assertThat(failed.has("benefits_families")).as("no partial family counts from a failed run").isFalse();
        assertThat(failed.has("benefits_paid_tenge")).isFalse();

        assertThat(LauncherRun.run(db, "restart", execution).exitCode()).isZero();
        PrometheusText restarted = PrometheusText.read(metrics);
        String restart = Sql.text(db, "select max(job_execution_id) from batch_job_execution");
        assertThat(restart).isNotEqualTo(execution);
        assertThat(restarted.value("benefits_run_status{status=\"COMPLETED\"}")).isEqualTo(1);
        assertThat(restarted.value("benefits_run_execution_id")).isEqualTo(Double.parseDouble(restart));
        assertThat(restarted.value("benefits_families{decision=\"ASP\"}")).isPositive();
    }

    private LauncherRun.Result run(String db) {
        return LauncherRun.run(db, "run", "--quarter", "2016Q2", "--input", Examples.input("2016Q1").toString(),
                "--output", work.resolve("out").toString());
    }
}
