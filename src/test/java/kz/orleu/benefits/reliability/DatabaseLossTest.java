package kz.orleu.benefits.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import kz.orleu.benefits.generator.GeneratorOptions;
import kz.orleu.benefits.generator.QuarterGenerator;
import kz.orleu.benefits.support.JobProcess;
import kz.orleu.benefits.support.LauncherRun;
import kz.orleu.benefits.support.Outputs;
import kz.orleu.benefits.support.TestDatabase;
import kz.orleu.benefits.store.embedded.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database server stops in the middle of a step: the job ends with exit status 1 and a message naming the
 * cause; once the server is back, {@code restart} completes it with the results of an uninterrupted run.
 */
class DatabaseLossTest {

    @TempDir
    Path work;

    @Test
    void aRunWhoseDatabaseStopsMidStepFailsRestartablyAndTheRestartGivesIdenticalResults() throws Exception {
        Path input = work.resolve("2016Q1");
        QuarterGenerator.generate(GeneratorOptions.of(5_000, "2016Q1", 99, input));
        Path baseline = work.resolve("baseline");
        assertThat(LauncherRun.runGenerated(TestDatabase.freshDatabase("dbloss_baseline"), "run", "--quarter", "2016Q2",
                "--input", input.toString(), "--output", baseline.toString()).exitCode()).isZero();

        Path home = work.resolve("own-server");
        Path out = work.resolve("out");
        Path log = work.resolve("job.log");
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(home);
        Process job = JobProcess.start(log, server, "run", "--quarter", "2016Q2", "--input", input.toString(),
                "--output", out.toString());
        waitForStep(server, "ingestIncomes");
        server.close();

        assertThat(job.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(job.exitValue()).as("exit status after losing the database").isEqualTo(1);
        assertThat(Files.readString(log)).containsAnyOf("Connection refused", "connection has been closed",
                "terminating connection", "I/O error", "An I/O error occurred");
        assertThat(out.resolve("2016Q2")).doesNotExist();

        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(home)) {
            String id = text(again, "select max(job_execution_id) from batch_job_execution");
            assertThat(LauncherRun.runGenerated(again, "restart", id).exitCode()).isZero();
            Outputs.assertSame(baseline.resolve("2016Q2"), out.resolve("2016Q2"));
        }
    }

    private static void waitForStep(EmbeddedPostgresServer server, String step) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            try {
                if (text(server, "select count(*) from batch_step_execution where status = 'STARTED' "
                        + "and step_name = '" + step + "'").equals("1")) {
                    return;
                }
            } catch (SQLException e) {
                // tables not created yet
            }
            Thread.sleep(10);
        }
        throw new AssertionError("step " + step + " never ran");
    }

    private static String text(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
