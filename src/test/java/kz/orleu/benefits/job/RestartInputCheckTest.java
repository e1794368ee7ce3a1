package kz.orleu.benefits.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.stream.Stream;
import kz.orleu.benefits.support.Examples;
import kz.orleu.benefits.support.LauncherRun;
import kz.orleu.benefits.support.Sql;
import kz.orleu.benefits.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart resumes each step after its committed lines, so it must read the very files the run started with:
 * after a failure, an edited, added or removed input file makes {@code restart} refuse with exit status 2,
 * naming the file, and leaves the failed execution restartable once the folder is as it was.
 */
class RestartInputCheckTest {

    @TempDir
    Path work;

    @AfterEach
    void disarm() {
        FaultInjection.disarm();
    }

    @Test
    void aRestartAfterAnInputFileWasEditedIsRefusedNamingTheFileAndCompletesOnceTheFileIsAsBefore() throws Exception {
        Failed failed = failedRun("edited");
        Path members = failed.input().resolve("members.csv");
        byte[] original = Files.readAllBytes(members);
        Files.writeString(members, dropLastLine(new String(original, StandardCharsets.UTF_8)));

        LauncherRun.Result refused = LauncherRun.run(failed.db(), "restart", Long.toString(failed.executionId()));

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.stderr()).hasLineCount(1).contains("members.csv was ").contains("start a new run");
        assertThat(executions(failed.db())).as("no execution started").isEqualTo(failed.executionId());

        Files.write(members, original);
        assertThat(LauncherRun.run(failed.db(), "restart", Long.toString(failed.executionId())).exitCode()).isZero();
        assertThat(failed.output().resolve("2016Q2").resolve("entitlements.csv")).exists();
    }

    @Test
    void aRestartAfterAReferenceOverrideWasAddedIsRefused() throws Exception {
        Failed failed = failedRun("added");
        Files.writeString(failed.input().resolve("rules.csv"), "parameter,value,valid_from\n"
                + "asp_share,0.40,2014-01-01\ncca_share,0.60,2014-01-01\nfailure_months,2,2014-01-01\n"
                + "terminate_after_failures,2,2014-01-01\n");

        LauncherRun.Result refused = LauncherRun.run(failed.db(), "restart", Long.toString(failed.executionId()));

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.stderr()).hasLineCount(1).contains("rules.csv was added to the input folder");
    }

    @Test
    void aRestartAfterAReferenceOverrideWasRemovedIsRefused() throws Exception {
        Failed failed = failedRun("removed");
        Files.delete(failed.input().resolve("subsistence-minimum.csv"));

        LauncherRun.Result refused = LauncherRun.run(failed.db(), "restart", Long.toString(failed.executionId()));

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.stderr()).hasLineCount(1)
                .contains("subsistence-minimum.csv was removed from the input folder");
    }

    @Test
    void aRestartAfterAFileWasRewrittenWithTheSameSizeIsRefused() throws Exception {
        Failed failed = failedRun("same_size");
        Path incomes = failed.input().resolve("incomes.csv");
        String text = Files.readString(incomes);
        String edited = text.replaceFirst(",WAGE,15000\r\n", ",WAGE,95000\r\n");
        assertThat(edited).hasSameSizeAs(text).isNotEqualTo(text);
        Files.writeString(incomes, edited);

        LauncherRun.Result refused = LauncherRun.run(failed.db(), "restart", Long.toString(failed.executionId()));

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.stderr()).contains("incomes.csv has the same size but other content");
    }

    private record Failed(String db, Path input, Path output, long executionId) {
    }

    /** A run of a copy of the 2016Q1 examples, failed while ingesting incomes after some chunks were committed. */
    private Failed failedRun(String name) throws IOException, SQLException {
        Path input = work.resolve(name).resolve("input");
        Files.createDirectories(input);
        try (Stream<Path> files = Files.list(Examples.input("2016Q1"))) {
            for (Path file : files.toList()) {
                Files.copy(file, input.resolve(file.getFileName()));
            }
        }
        Path output = work.resolve(name).resolve("out");
        String db = TestDatabase.freshDatabase("restart_input_" + name);
        FaultInjection.arm("ingestIncomes", 2);
        assertThat(LauncherRun.run(db, "run", "--quarter", "2016Q2", "--input", input.toString(), "--output",
                output.toString()).exitCode()).as("the injected fault fails the run").isEqualTo(1);
        return new Failed(db, input, output, executions(db));
    }

    private static long executions(String db) throws SQLException {
        return Long.parseLong(Sql.text(db, "select max(job_execution_id) from batch_job_execution"));
    }

    private static String dropLastLine(String text) {
        String trimmed = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return trimmed.substring(0, trimmed.lastIndexOf('\n') + 1);
    }
}
