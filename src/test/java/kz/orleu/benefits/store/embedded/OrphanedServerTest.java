package kz.orleu.benefits.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import kz.orleu.benefits.support.JobProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A launcher that owns the embedded server of its home ({@code db-console}, in a JVM of its own) is killed with
 * SIGKILL, as the OOM killer or an operator would: no shutdown hook runs, yet the server must not outlive it.
 */
class OrphanedServerTest {

    private static final long WAIT_SECONDS = 90;

    @TempDir
    Path work;

    @Test
    void whenTheJvmOwningTheServerIsKilledTheServerStopsWithoutWaitingForTheNextCommand() throws Exception {
        Path home = work.resolve("home");
        Path log = work.resolve("db-console.log");
        Process console = JobProcess.startOwningHome(log, home, "db-console");
        try {
            awaitLogLine(console, log, "Ctrl-C stops it.");
            long postmaster = PostmasterPidFile.read(home.resolve("pgdata")).orElseThrow().pid();
            assertThat(OsProcesses.isPostmasterOf(postmaster, home.resolve("pgdata"))).isTrue();

            console.destroyForcibly(); // SIGKILL
            assertThat(console.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

            assertThat(OsProcesses.awaitExit(postmaster, TimeUnit.SECONDS.toMillis(WAIT_SECONDS)))
                .as("postgres (pid %d) stopped after its owner was killed", postmaster)
                .isTrue();
            assertThat(home.resolve("pgdata/postmaster.pid")).doesNotExist();
            assertThat(Files.readString(home.resolve("postgres.log"))).contains("benefits watchdog");
        }
        finally {
            console.destroyForcibly();
        }
    }

    @Test
    void dbConsoleSaysWhereThePasswordIsWithoutPrintingIt() throws Exception {
        Path home = work.resolve("home");
        Path log = work.resolve("db-console.log");
        Process console = JobProcess.startOwningHome(log, home, "db-console");
        try {
            awaitLogLine(console, log, "Ctrl-C stops it.");
            String output = Files.readString(log);
            Path passwordFile = home.toRealPath().resolve("pgpass");
            String password = PasswordFile.read(passwordFile).orElseThrow();
            int port = PostmasterPidFile.read(home.resolve("pgdata")).orElseThrow().port();
            assertThat(output).contains("host 127.0.0.1, port " + port + ", database benefits, user postgres")
                .contains("password in " + passwordFile)
                .contains("JDBC URL jdbc:postgresql://127.0.0.1:" + port + "/benefits ")
                .contains("PGPASSFILE=" + passwordFile + " psql -h 127.0.0.1 -p " + port + " -U postgres benefits")
                .doesNotContain(password);
        }
        finally {
            console.destroyForcibly().waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Polls the launcher's log until the line appears; fails if the launcher ends or the wait runs out. */
    private static void awaitLogLine(Process process, Path log, String line) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!(Files.exists(log) && Files.readString(log).contains(line))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("db-console never said '" + line + "':\n"
                        + (Files.exists(log) ? Files.readString(log) : ""));
            }
            process.waitFor(50, TimeUnit.MILLISECONDS);
        }
    }

}
