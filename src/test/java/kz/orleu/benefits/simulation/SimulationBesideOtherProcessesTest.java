package kz.orleu.benefits.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kz.orleu.benefits.generator.GeneratorOptions;
import kz.orleu.benefits.generator.QuarterGenerator;
import kz.orleu.benefits.support.Examples;
import kz.orleu.benefits.support.JobProcess;
import kz.orleu.benefits.support.LauncherRun;
import kz.orleu.benefits.support.Outputs;
import kz.orleu.benefits.support.Sql;
import kz.orleu.benefits.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulation among other processes on the same database server: beside a live real run of another quarter it
 * changes nothing of that run; killed mid-way, what it left is invisible to {@code executions} and
 * {@code quarters}, cannot be restarted, and is cleared by the next simulation.
 */
class SimulationBesideOtherProcessesTest {

    @TempDir
    static Path work;
    static Path bigQuarter;
    static Path rules;

    @BeforeAll
    static void generate() throws IOException {
        bigQuarter = work.resolve("2016Q1-big");
        QuarterGenerator.generate(GeneratorOptions.of(30_000, "2016Q1", 7, bigQuarter));
        rules = work.resolve("proposal.csv");
        Files.writeString(rules, SimulationTest.PROPOSED_RULES);
    }

    @Test
    void aSimulationBesideALiveRealRunOfAnotherQuarterLeavesThatRunAsItWouldHaveBeen() throws Exception {
        // undisturbed: the same simulation, then the same run, one after the other
        String alone = TestDatabase.freshDatabase("beside_alone");
        Path outAlone = work.resolve("alone");
        assertThat(simulate(alone, "2016Q3", Examples.input("2016Q2"), outAlone).exitCode()).isZero();
        assertThat(LauncherRun.runGenerated(alone, "run", "--quarter", "2016Q2", "--input", bigQuarter.toString(),
                "--output", outAlone.toString()).exitCode()).isZero();

        String db = TestDatabase.freshDatabase("beside_live_run");
        Path out = work.resolve("beside");
        Process run = JobProcess.start(work.resolve("beside-run.log"), db, "run", "--quarter", "2016Q2", "--input",
                bigQuarter.toString(), "--output", out.toString());
        String execution = JobProcess.waitForStep(db, "ingestMembers");
        assertThat(simulate(db, "2016Q3", Examples.input("2016Q2"), out).exitCode()).isZero();
        // the two overlapped, or this test would prove nothing
        assertThat(Sql.text(db, "select status from batch_job_execution where job_execution_id = " + execution))
                .isEqualTo("STARTED");
        assertThat(run.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).isZero();

        Outputs.assertSame(outAlone.resolve("2016Q2"), out.resolve("2016Q2"));
        Outputs.assertSame(outAlone.resolve("2016Q3-simulation"), out.resolve("2016Q3-simulation"));
        assertThat(Sql.strings(db, "select status || ' ' || version from run")).containsExactly("COMPLETED 1");
    }

    @Test
    void aKilledSimulationIsHiddenUnrestartableAndClearedByTheNextOne() throws Exception {
        String db = TestDatabase.freshDatabase("killed_simulation");
        Path out = work.resolve("killed");
        Process simulation = JobProcess.start(work.resolve("killed.log"), db, "simulate", "--quarter", "2016Q2",
                "--input", bigQuarter.toString(), "--output", out.toString(), "--rules", rules.toString());
        String execution = JobProcess.waitForStep(db, "ingestMembers");
        simulation.destroyForcibly();
        assertThat(simulation.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Sql.strings(db, "select status from run")).containsExactly("SIMULATION");
        assertThat(workFolders(out)).hasSize(1);

        assertThat(launch(db, "executions")).isEqualTo("0 no executions yet\n");
        assertThat(launch(db, "executions", "--failed")).isEqualTo("0 no execution needs attention\n");
        assertThat(launch(db, "quarters")).isEqualTo("0 no quarter has a completed version yet\n");
        assertThat(launch(db, "restart", execution)).startsWith("2 benefits: execution " + execution
                + " was a simulation's");

        assertThat(simulate(db, "2016Q2", Examples.input("2016Q1"), out).exitCode()).isZero();
        assertThat(Sql.strings(db, "select run_id from run")).isEmpty();
        assertThat(Sql.strings(db, "select job_instance_id from batch_job_instance")).isEmpty();
        assertThat(Sql.strings(db, """
                select relname from pg_class
                 where relnamespace = current_schema()::regnamespace and relname ~ '_r[0-9]+$'""")).isEmpty();
        assertThat(workFolders(out)).isEmpty();
        assertThat(out.resolve("2016Q2-simulation").resolve("comparison.csv")).exists();
    }

    private static LauncherRun.Result simulate(String db, String quarter, Path input, Path output) {
        return LauncherRun.run(db, "simulate", "--quarter", quarter, "--input", input.toString(), "--output",
                output.toString(), "--rules", rules.toString());
    }

    private static List<String> workFolders(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.contains("simulation.work-")).toList();
        }
    }

    /** Exit status, a space, then what the launcher said (stdout and stderr), log lines left out. */
    private static String launch(String db, String... args) {
        return LauncherRun.said(db, args).brief();
    }
}
