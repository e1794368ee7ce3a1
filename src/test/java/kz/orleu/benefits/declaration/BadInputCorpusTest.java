package kz.orleu.benefits.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kz.orleu.benefits.cli.BatchCommands;
import kz.orleu.benefits.cli.Command;
import kz.orleu.benefits.cli.ExitCode;
import kz.orleu.benefits.cli.Launcher;
import kz.orleu.benefits.quarter.Quarter;
import kz.orleu.benefits.support.DatabaseJobTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every kind of bad input of {@code src/test/resources/bad-input} pushed through the real job into the real
 * database: the rejected rows (file, line, reason) are exactly those expected, nothing else is lost (rows read
 * = accepted + rejected for every file), families with a rejected row are not computed, and inputs unusable as
 * a whole stop the run with exit status 2 before anything is written.
 */
class BadInputCorpusTest extends DatabaseJobTest {

    @Autowired
    BatchCommands commands;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> everyCaseOfTheCorpus() throws IOException {
        Path corpus = corpus();
        List<Path> cases = list(corpus.resolve("cases"));
        assertThat(cases).hasSizeGreaterThanOrEqualTo(30);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(corpus, c)));
    }

    private void check(Path corpus, Path caseFolder) throws IOException {
        Path input = work.resolve(caseFolder.getFileName()).resolve("input");
        Path output = work.resolve(caseFolder.getFileName()).resolve("out");
        Files.createDirectories(input);
        for (Path file : list(corpus.resolve("base"))) {
            Files.copy(file, input.resolve(file.getFileName()));
        }
        List<String> expect = Files.readAllLines(caseFolder.resolve("expect.txt"));
        for (Path file : list(caseFolder)) {
            if (!file.getFileName().toString().equals("expect.txt")) {
                Files.copy(file, input.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        expect.stream().filter(l -> l.startsWith("DELETE ")).forEach(l -> delete(input.resolve(l.substring(7))));

        List<String> exit2 = expect.stream().filter(l -> l.startsWith("EXIT2 ")).map(l -> l.substring(6)).toList();
        if (!exit2.isEmpty()) {
            assertStopsBeforeWriting(input, output, exit2.get(0));
            return;
        }
        Long before = jdbc.queryForObject("select coalesce(max(run_id), 0) from run", Long.class);
        ExitCode exit = commands.execute(new Command.Run(new Command.Common(null), Quarter.parse("2016Q2"), input,
                output, null));
        assertThat(exit).isEqualTo(ExitCode.COMPLETED);
        long runId = jdbc.queryForObject("select max(run_id) from run", Long.class);
        assertThat(runId).isGreaterThan(before);

        Set<String> rejects = expected(expect, "REJECT ");
        assertThat(rows(runId, "select file || ' ' || line || ' ' || reason from reject where run_id = ?"))
                .as("rejected rows").isEqualTo(rejects);
        // The run's own warnings (file empty) are about corrections: every case is another version of 2016Q2.
        assertThat(rows(runId,
                "select file || ' ' || line || ' ' || reason from warning where run_id = ? and file is not null"))
                .as("warnings").containsAll(expected(expect, "WARN "));
        for (String decision : expected(expect, "DECISION ")) {
            String[] parts = decision.split(" ");
            assertThat(jdbc.queryForObject("select decision from entitlement where run_id = ? and family_id = ?",
                    String.class, runId, parts[0])).as("decision of " + parts[0]).isEqualTo(parts[1]);
        }
        for (String paid : expected(expect, "PAID ")) {
            String[] parts = paid.split(" ");
            assertThat(jdbc.queryForObject(
                    "select benefit || ' ' || quarter_amount from entitlement where run_id = ? and family_id = ?",
                    String.class, runId, parts[0])).as("benefit and quarter amount of " + parts[0])
                    .isEqualTo(parts[1] + " " + parts[2]);
        }
        Set<String> findings = expected(expect, "FINDING ");
        if (!findings.isEmpty()) {
            assertThat(rows(runId, """
                    select f.contract_id || ' ' || f.iin || ' ' || f.obligation || ' ' || f.finding || ' ' || f.months
                           || ' ' || cf.sanction
                      from finding f
                      join contract_failure cf on cf.run_id = f.run_id and cf.contract_id = f.contract_id
                     where f.run_id = ?""")).as("findings").isEqualTo(findings);
        }
        assertThat(jdbc.queryForObject(
                "select count(*) from ingest_count where run_id = ? and read <> accepted + rejected",
                Integer.class, runId)).isZero();
        assertThat(jdbc.queryForObject("select sum(rejected) from ingest_count where run_id = ?", Long.class, runId))
                .isEqualTo(rejects.size());
        assertThat(Files.readAllLines(output.resolve("2016Q2").resolve("rejects.csv"))).hasSize(rejects.size() + 1);
        assertThat(jdbc.queryForObject("select count(*) from duplicate_key_screen where run_id = ?", Integer.class,
                runId)).as("files screened for duplicate keys while staged").isEqualTo(InputFile.values().length);
        assertRejectsShowInTheStepExecutions(runId);
    }

    /**
     * Rows rejected on their own count as filtered by the ingest step of their file, rows rejected across files
     * as filtered by validateDeclarations; rows read = written + filtered in every ingest step.
     */
    private void assertRejectsShowInTheStepExecutions(long runId) {
        String crossFile = "'DUPLICATE_KEY', 'UNKNOWN_FAMILY', 'UNKNOWN_MEMBER', 'UNKNOWN_CONTRACT', 'OVERLAPPING_CONTRACT'";
        for (InputFile file : InputFile.values()) {
            var step = jdbc.queryForMap("""
                    select s.read_count, s.write_count, s.filter_count from batch_step_execution s
                      join batch_job_execution e on e.job_execution_id = s.job_execution_id
                     where e.job_instance_id = ? and s.step_name = ?""", runId, file.stepName());
            long rowRejects = jdbc.queryForObject("select count(*) from reject where run_id = ? and file = ?"
                    + " and reason not in (" + crossFile + ")", Long.class, runId, file.fileName());
            long read = jdbc.queryForObject("select read from ingest_count where run_id = ? and file = ?",
                    Long.class, runId, file.fileName());
            assertThat(((Number) step.get("filter_count")).longValue()).as(file.stepName() + " filter count")
                    .isEqualTo(rowRejects);
            assertThat(((Number) step.get("read_count")).longValue()).as(file.stepName() + " read count")
                    .isEqualTo(read)
                    .isEqualTo(((Number) step.get("write_count")).longValue() + rowRejects);
        }
        long crossFileRejects = jdbc.queryForObject("select count(*) from reject where run_id = ? and reason in ("
                + crossFile + ")", Long.class, runId);
        assertThat(jdbc.queryForObject("""
                select s.filter_count from batch_step_execution s
                  join batch_job_execution e on e.job_execution_id = s.job_execution_id
                 where e.job_instance_id = ? and s.step_name = 'validateDeclarations'""", Long.class, runId))
                .as("validateDeclarations filter count").isEqualTo(crossFileRejects);
    }

    private void assertStopsBeforeWriting(Path input, Path output, String fragment) {
        Long executions = jdbc.queryForObject("select count(*) from batch_job_execution", Long.class);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // An unreachable database: the launcher must stop on the input before it opens one.
        int code = new Launcher(new PrintStream(err, true, StandardCharsets.UTF_8)).execute("run", "--quarter",
                "2016Q2", "--input", input.toString(), "--output", output.toString(), "--db-url",
                "jdbc:postgresql://127.0.0.1:1/unreachable");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(fragment).hasLineCount(1);
        assertThat(output).doesNotExist();
        assertThat(jdbc.queryForObject("select count(*) from batch_job_execution", Long.class)).isEqualTo(executions);
    }

    private Set<String> rows(long runId, String sql) {
        return new TreeSet<>(jdbc.queryForList(sql, String.class, runId));
    }

    private static Set<String> expected(List<String> expect, String prefix) {
        return expect.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).strip())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path corpus() {
        try {
            return Path.of(BadInputCorpusTest.class.getResource("/bad-input/README.md").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
