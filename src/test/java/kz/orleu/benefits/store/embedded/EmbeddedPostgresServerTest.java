package kz.orleu.benefits.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real server from the zonky binaries, as whoever runs the build (root on the build
 * machines, where PostgreSQL goes through {@code unshare -U}; an ordinary user elsewhere).
 *
 * <p>Only the first test creates a home of its own; the others share one, which each of them starts
 * and closes again, so they pay the unpacking and initdb of a first start (seconds) once and then
 * start warm (a few hundred milliseconds).
 */
class EmbeddedPostgresServerTest {

    @TempDir
    static Path sharedHome;

    Path home;

    @BeforeEach
    void useTheSharedHome() {
        this.home = sharedHome;
    }

    @Test
    void createsAHomeAndKeepsItsDataBetweenRuns(@TempDir Path newHome) throws Exception {
        this.home = newHome.resolve("var");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(this.home)) {
            assertThat(query(server.jdbcUrl(), "select version()")).startsWith("PostgreSQL 17");
            execute(server.jdbcUrl(), "create table kept (id int primary key, name text)",
                    "insert into kept values (1, 'Айгерим')");
            assertThat(server.dataDirectory()).isEqualTo(this.home.toRealPath().resolve("pgdata"));
            assertThat(server.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + server.port() + "/benefits");
        }
        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(this.home)) {
            assertThat(query(again.jdbcUrl(), "select name from kept where id = 1")).isEqualTo("Айгерим");
        }
    }

    @Test
    void runsWithTheBatchSettingsOnLoopbackOnly() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(this.home)) {
            String url = server.jdbcUrl();
            assertThat(query(url, "show synchronous_commit")).isEqualTo("off");
            assertThat(query(url, "show wal_level")).isEqualTo("minimal");
            assertThat(query(url, "show fsync")).isEqualTo("on");
            assertThat(query(url, "show shared_buffers")).isEqualTo("512MB");
            assertThat(query(url, "show max_connections")).isEqualTo("50");
            assertThat(query(url, "show listen_addresses")).isEqualTo("127.0.0.1");
            assertThat(query(url, "select current_setting('server_encoding')")).isEqualTo("UTF8");
        }
    }

    @Test
    void aSecondStartOnAHomeInUseIsRefusedAndFindRunningPointsAtTheServer() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(this.home)) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(this.home)).isInstanceOf(HomeInUseException.class)
                .hasMessageContaining(this.home.toRealPath().toString())
                .hasMessageContaining("pid " + ProcessHandle.current().pid());

            Optional<RunningServer> running = EmbeddedPostgresServer.findRunning(this.home);
            assertThat(running).isPresent();
            assertThat(running.get().port()).isEqualTo(server.port());
            assertThat(running.get().password()).isEqualTo(server.password());
            assertThat(query(running.get().jdbcUrl(), "select 1")).isEqualTo("1");
        }
        assertThat(EmbeddedPostgresServer.findRunning(this.home)).isEmpty();
    }

    @Test
    void closeStopsTheServerAndReleasesTheHomeOnce() throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(this.home);
        long pid = server.pid();
        server.close();
        assertThat(OsProcesses.isRunning(pid)).isFalse();
        assertThat(server.dataDirectory().resolve("postmaster.pid")).doesNotExist();
        server.close();
        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(this.home)) {
            assertThat(again.pid()).isNotEqualTo(pid);
        }
    }

    @Test
    void findRunningOnAHomeNobodyUsesIsEmpty() {
        assertThat(EmbeddedPostgresServer.findRunning(this.home.resolve("never-created"))).isEmpty();
        assertThat(EmbeddedPostgresServer.findRunning(this.home)).isEmpty();
    }

    @Test
    void aPidFileNamingAnotherLiveProgramDoesNotBlockTheStart() throws Exception {
        EmbeddedPostgresServer.start(this.home).close();
        // as after a reboot, when the dead postmaster's pid now belongs to something else (here: us);
        // PostgreSQL alone would refuse to start ("Is another postmaster running?")
        Path pidFile = this.home.resolve("pgdata/postmaster.pid");
        Files.writeString(pidFile, ProcessHandle.current().pid() + "\n" + this.home.resolve("pgdata")
                + "\n1700000000\n5432\n\n127.0.0.1\n  1234  5678\nready   \n");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(this.home)) {
            assertThat(query(server.jdbcUrl(), "select 1")).isEqualTo("1");
        }
    }

    @Test
    void anotherProcessOwnsTheHomeAndTheServerItLeavesWhenKilledIsStopped() throws Exception {
        Process child = child("hold", this.home.toString()).start();
        try {
            String ready = awaitLine(child, "READY ");
            int childPort = Integer.parseInt(ready.split(" ")[1]);
            long childPostmaster = Long.parseLong(ready.split(" ")[2]);

            assertThatThrownBy(() -> EmbeddedPostgresServer.start(this.home)).isInstanceOf(HomeInUseException.class)
                .hasMessageContaining("another process (pid " + child.pid() + ")");
            assertThat(this.home.resolve("pgdata/postmaster.pid")).exists();

            RunningServer running = EmbeddedPostgresServer.findRunning(this.home).orElseThrow();
            assertThat(running.port()).isEqualTo(childPort);
            assertThat(running.ownerPid()).hasValue(child.pid());
            assertThat(running.password()).isEqualTo(password());
            execute(running.jdbcUrl(), "create table from_child_time (id int)");

            // SIGKILL: no shutdown hook runs, the kernel drops the lock; the watchdog or the next start stops
            // the postmaster, whichever comes first
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

            try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(this.home)) {
                assertThat(OsProcesses.isRunning(childPostmaster)).isFalse();
                assertThat(query(server.jdbcUrl(), "select count(*) from from_child_time")).isEqualTo("0");
            }
        }
        finally {
            child.destroyForcibly();
        }
    }

    @Test
    void connectionsWithoutThePasswordOrWithAWrongOneAreRefused() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(this.home)) {
            String url = server.jdbcUrl();
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
                .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "wrong-password").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
            assertThatThrownBy(() -> DriverManager.getConnection(url, "benefits", server.password()).close())
                .isInstanceOf(SQLException.class);

            assertThat(query(url, "select count(*) from pg_hba_file_rules")).isEqualTo("1");
            assertThat(query(url, "select auth_method from pg_hba_file_rules")).isEqualTo("scram-sha-256");
            assertThat(query(url, "select rolpassword like 'SCRAM-SHA-256$%' from pg_authid where rolname = 'postgres'"))
                .isEqualTo("t");
        }
    }

    @Test
    void thePasswordIsGeneratedIntoAFileOnlyItsOwnerCanReadAndNeverIntoTheLog() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(this.home)) {
            Path file = server.passwordFile();
            assertThat(file).isEqualTo(this.home.toRealPath().resolve("pgpass"));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(Files.readString(file)).isEqualTo("127.0.0.1:*:*:postgres:" + server.password() + "\n");
            assertThat(server.password()).hasSizeGreaterThanOrEqualTo(32);
            assertThat(Files.readString(server.logFile())).doesNotContain(server.password());
            try (Stream<Path> files = Files.list(this.home)) {
                assertThat(files.map(p -> p.getFileName().toString())).doesNotContain(".initdb-password",
                        "pgpass.pending");
            }
        }
    }

    @Test
    void aHomeMadeWithTrustByEarlierVersionsGetsAPasswordAndLosesTrustOnItsNextStart(@TempDir Path scratch)
            throws Exception {
        this.home = Files.createDirectories(scratch.resolve("var")).toRealPath();
        Path data = this.home.resolve("pgdata");
        // the cluster exactly as earlier versions made it: trust for everyone, no password on the role
        PostgresBinaries binaries = PostgresBinaries.prepare(this.home);
        List<String> initdb = new ArrayList<>(OsProcesses.commandPrefix());
        initdb.addAll(List.of(binaries.bin("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A",
                "trust", "-E", "UTF8", "--locale=C", "--no-instructions"));
        Process process = new ProcessBuilder(initdb).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(Files.readString(data.resolve("pg_hba.conf"))).contains("trust");
        assertThat(this.home.resolve("pgpass")).doesNotExist();

        String password;
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(this.home)) {
            password = server.password();
            String url = server.jdbcUrl();
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
                .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "wrong-password").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
            assertThat(query(url, "select count(*) from pg_hba_file_rules where auth_method <> 'scram-sha-256'"))
                .isEqualTo("0");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(server.passwordFile())))
                .isEqualTo("rw-------");
            assertThat(Files.readString(server.logFile())).doesNotContain(password);
        }
        assertThat(Files.readString(data.resolve("pg_hba.conf"))).doesNotContainPattern("(?m)^[^#]*trust");
        assertThat(this.home.resolve("pgpass.pending")).doesNotExist();
        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(this.home)) {
            assertThat(again.password()).isEqualTo(password);
            assertThat(query(again.jdbcUrl(), "select 1")).isEqualTo("1");
        }
    }

    @Test
    void asRootWhereUserNamespacesAreBlockedTheErrorSaysSo(@TempDir Path scratch) throws Exception {
        assumeTrue(OsProcesses.runningAsRoot(), "only root needs user namespaces");
        Path fakeBin = Files.createDirectories(scratch.resolve("fake-bin"));
        Path unshare = fakeBin.resolve("unshare");
        Files.writeString(unshare, "#!/bin/sh\necho 'unshare: unshare failed: Operation not permitted' >&2\nexit 1\n");
        Files.setPosixFilePermissions(unshare, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder builder = child("start", scratch.resolve("home").toString());
        builder.environment().put("PATH", fakeBin + ":" + System.getenv("PATH"));
        Process child = builder.start();

        String error = awaitLine(child, "ERROR ");
        assertThat(error).contains("User namespaces seem to be blocked")
            .contains("unshare failed: Operation not permitted");
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(scratch.resolve("home/pgdata")).doesNotExist();
    }

    /** Another JVM running {@link Child}. */
    private static ProcessBuilder child(String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(
                List.of(java, "-cp", System.getProperty("java.class.path"), Child.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    /** Reads the child's output up to the line starting with {@code prefix}, then keeps draining it. */
    private static String awaitLine(Process child, String prefix) throws IOException {
        BufferedReader reader = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.startsWith(prefix)) {
                Thread drain = new Thread(() -> reader.lines().forEach(ignored -> {
                }));
                drain.setDaemon(true);
                drain.start();
                return line;
            }
            seen.add(line);
        }
        throw new AssertionError(
                "child ended without a line starting with '" + prefix + "':\n" + String.join("\n", seen));
    }

    /** The password the server of {@link #home} was given, from its password file. */
    private String password() throws IOException {
        return PasswordFile.read(PasswordFile.of(this.home)).orElseThrow();
    }

    private String query(String url, String sql) throws SQLException, IOException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", password());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private void execute(String url, String... sql) throws SQLException, IOException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", password());
                Statement statement = connection.createStatement()) {
            for (String s : sql) {
                statement.execute(s);
            }
        }
    }

    /**
     * The other process of the cross-process tests. {@code hold HOME}: start, print
     * {@code READY <port> <postmaster pid>}, keep running until stdin closes or it is killed.
     * {@code start HOME}: start and stop once; print {@code ERROR <message>} on failure.
     */
    static final class Child {

        public static void main(String[] args) throws Exception {
            Path home = Path.of(args[1]);
            try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(home)) {
                System.out.println("READY " + server.port() + " " + server.pid());
                System.out.flush();
                if (args[0].equals("hold")) {
                    System.in.read();
                }
            }
            catch (RuntimeException ex) {
                System.out.println("ERROR " + ex.getMessage().replace('\n', ' '));
                System.out.flush();
                System.exit(3);
            }
        }

    }

}
