package kz.orleu.benefits.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.sql.DataSource;
import kz.orleu.benefits.quarter.Quarter;
import kz.orleu.benefits.run.RunContext;
import kz.orleu.benefits.support.DatabaseJobTest;
import kz.orleu.benefits.support.Examples;
import kz.orleu.benefits.support.LauncherRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The output folder: private from the first byte (folder 0750, files 0640, while being written, after a
 * publish and after a failed one), and checked writable before the job starts rather than after it ran.
 */
class OutputFolderTest extends DatabaseJobTest {

    private static final String UNREACHABLE = "jdbc:postgresql://127.0.0.1:1/unreachable";

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path work;

    @Test
    void outputFilesAreOwnerAndGroupOnlyWhileBeingWrittenAndAfterThePublish() throws IOException {
        Map<String, String> seenWhileWriting = new TreeMap<>();
        OutputPublisher.Part probe = (run, folder) -> {
            seenWhileWriting.put("(folder)", mode(folder));
            for (Path file : list(folder)) {
                seenWhileWriting.put(file.getFileName().toString(), mode(file));
            }
        };

        Path published = new OutputPublisher(dataSource, List.of(probe)).publish(run(work.resolve("out")));

        // the part runs while the CSV files are being written: it sees those begun so far
        assertThat(seenWhileWriting).containsEntry("(folder)", "rwxr-x---");
        seenWhileWriting.remove("(folder)");
        assertThat(seenWhileWriting.values()).allMatch("rw-r-----"::equals);
        assertThat(mode(published)).isEqualTo("rwxr-x---");
        assertThat(list(published)).hasSize(6).allSatisfy(f -> assertThat(mode(f)).isEqualTo("rw-r-----"));
    }

    @Test
    void aPublishThatFailsHalfWayLeavesNothingReadableByOthers() throws IOException {
        OutputPublisher.Part failing = (run, folder) -> {
            throw new IOException("disk full");
        };
        Path out = work.resolve("failed");

        assertThatThrownBy(() -> new OutputPublisher(dataSource, List.of(failing)).publish(run(out)))
                .isInstanceOf(UncheckedIOException.class);

        List<Path> left = list(out);
        assertThat(left).hasSize(1).allSatisfy(f -> assertThat(mode(f)).isEqualTo("rwxr-x---"));
        assertThat(list(left.get(0))).isNotEmpty().allSatisfy(f -> assertThat(mode(f)).isEqualTo("rw-r-----"));
    }

    @Test
    void anOutputPathUnderARegularFileStopsTheRunBeforeAnythingIsWritten() throws IOException {
        Path file = Files.writeString(work.resolve("a-file"), "not a folder");

        assertRefusedBeforeAnythingIsWritten(file.resolve("out"), "a-file is a file, not a folder");
        assertThat(Files.readString(file)).isEqualTo("not a folder");
    }

    @Test
    void anOutputPathThatIsARegularFileStopsTheRunBeforeAnythingIsWritten() throws IOException {
        Path file = Files.writeString(work.resolve("out.txt"), "not a folder");

        assertRefusedBeforeAnythingIsWritten(file, "it is a file, not a folder");
        assertThat(Files.readString(file)).isEqualTo("not a folder");
    }

    private void assertRefusedBeforeAnythingIsWritten(Path output, String reason) {
        Long executions = jdbc.queryForObject("select count(*) from batch_job_execution", Long.class);

        // An unreachable database: the launcher must stop on the output path before it opens one.
        LauncherRun.Result result = LauncherRun.run(UNREACHABLE, "run", "--quarter", "2016Q2", "--input",
                Examples.input("2016Q1").toString(), "--output", output.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).hasLineCount(1).contains("output folder " + output + " cannot be written")
                .contains(reason);
        assertThat(jdbc.queryForObject("select count(*) from batch_job_execution", Long.class)).isEqualTo(executions);
    }

    private static RunContext run(Path output) {
        return new RunContext(987_654L, Quarter.parse("2016Q2"), Examples.input("2016Q1"), output, null);
    }

    private static String mode(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
