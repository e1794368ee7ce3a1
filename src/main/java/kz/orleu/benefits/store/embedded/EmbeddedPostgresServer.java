package kz.orleu.benefits.store.embedded;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL 17 server of its own for one benefits home, from the zonky binaries jar, with its
 * data folder {@code <home>/pgdata} kept between runs. Plain Java, no Spring: the launcher starts
 * it before the application context and closes it after.
 *
 * <p>What lives in a home:
 * <ul>
 * <li>{@code benefits.lock}: the OS lock (and pid) of the one process that owns the home;</li>
 * <li>{@code pgdata/}: the database cluster, created by {@code initdb} the first time only;</li>
 * <li>{@code postgresql/<digest>/}: the PostgreSQL binaries, unpacked from the jar;</li>
 * <li>{@code postgres.log}: the server's own log (kept when the JVM dies, rotated at 50 MB);</li>
 * <li>{@code pgpass}: the generated password of user {@value #USER}, 0600, in PostgreSQL's password file
 * format (see {@link PasswordFile}).</li>
 * </ul>
 *
 * <p>PostgreSQL refuses to run as root. As root, {@code initdb} and {@code postgres} run in a user
 * namespace ({@code unshare -U}), where they see themselves as an unprivileged user that owns root's
 * files; no chown is needed and homes under {@code /root} work. Where user namespaces are blocked,
 * {@link #start} says so. As an ordinary user they run directly.
 *
 * <p>The server listens on 127.0.0.1 only, on a free port chosen at each start, opens no Unix socket, and
 * asks every client for the password of {@code pgpass} (SCRAM-SHA-256; see {@link ClientAuthentication}).
 * A watchdog process stops it should this JVM die without stopping it ({@link OrphanWatchdog}).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    /** The application database, created at the first start. */
    public static final String DATABASE = "benefits";

    public static final String USER = "postgres";

    static final String HOST = "127.0.0.1";

    static final String DATA_FOLDER = "pgdata";

    static final String LOG_FILE = "postgres.log";

    /**
     * Server settings for a single-user batch machine that bulk-loads a quarter with COPY and then
     * computes it set-based. Durability stays on ({@code fsync} and {@code full_page_writes} keep
     * their default {@code on}): a crash of the machine may lose the last commits, never corrupt
     * data, and a lost chunk commit is simply redone by a Spring Batch restart.
     */
    public static final Map<String, String> SERVER_SETTINGS = serverSettings();

    private static Map<String, String> serverSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        // commits return before their WAL reaches the disk (the WAL writer flushes within ~0.6 s)
        settings.put("synchronous_commit", "off");
        // no replicas: COPY into a table created or truncated in the same transaction skips WAL
        settings.put("wal_level", "minimal");
        settings.put("max_wal_senders", "0");
        // few checkpoints (each one followed by full-page writes) during a load of several GB
        settings.put("max_wal_size", "4GB");
        settings.put("checkpoint_timeout", "30min");
        // the quarter's tables and indexes mostly stay in PostgreSQL's own cache
        settings.put("shared_buffers", "512MB");
        // hash joins and GROUP BY over millions of members stay in memory
        settings.put("work_mem", "64MB");
        // index builds and VACUUM after a load
        settings.put("maintenance_work_mem", "512MB");
        // a query of a killed JVM is cancelled within seconds instead of holding its locks until it ends
        settings.put("client_connection_check_interval", "2s");
        // one connection pool plus a few admin clients
        settings.put("max_connections", "50");
        return Collections.unmodifiableMap(settings);
    }

    /** Long enough for crash recovery to replay up to max_wal_size of WAL after a killed run. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);

    /** A fast shutdown writes a checkpoint of up to shared_buffers of dirty pages. */
    private static final Duration FAST_SHUTDOWN_TIMEOUT = Duration.ofMinutes(5);

    private static final Duration IMMEDIATE_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

    /**
     * On JVM exit, sessions still open (a job stopping gracefully on SIGTERM, whose shutdown hook
     * runs at the same time as ours) may finish for this long before they are cut off.
     */
    private static final Duration JVM_EXIT_GRACE = Duration.ofSeconds(15);

    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);

    private static final long LOG_ROTATE_BYTES = 50L * 1024 * 1024;

    private static final int PORT_ATTEMPTS = 3;

    /**
     * Homes this JVM owns or is starting, by real path. Every opening of a lock file happens while
     * holding this map's monitor: closing any descriptor of a locked file would drop our own lock.
     */
    private static final Map<Path, Claim> CLAIMS = new HashMap<>();

    private static final class Claim {

        volatile EmbeddedPostgresServer server;

    }

    private final Path home;

    private final Path dataDirectory;

    private final Path logFile;

    private final int port;

    private final long postmasterPid;

    private final Process process;

    private final String password;

    private final OrphanWatchdog watchdog;

    private final HomeLock lock;

    private final Claim claim;

    private final Object stopMonitor = new Object();

    private volatile boolean stopped;

    private final Thread shutdownHook;

    private EmbeddedPostgresServer(Path home, Path dataDirectory, Path logFile, int port, long postmasterPid,
            Process process, String password, OrphanWatchdog watchdog, HomeLock lock, Claim claim) {
        this.home = home;
        this.dataDirectory = dataDirectory;
        this.logFile = logFile;
        this.port = port;
        this.postmasterPid = postmasterPid;
        this.process = process;
        this.password = password;
        this.watchdog = watchdog;
        this.lock = lock;
        this.claim = claim;
        this.shutdownHook = new Thread(() -> stop(true), "embedded-postgres-stop");
    }

    /**
     * Starts the server of a benefits home, creating the home and its database cluster the first
     * time. Stops a server that a killed earlier run left running on the same data folder first.
     *
     * @throws HomeInUseException if another live process (or this one) owns the home; nothing in the
     * data folder has been touched then
     * @throws EmbeddedPostgresException if the server cannot be prepared or started
     */
    public static EmbeddedPostgresServer start(Path benefitsHome) {
        Objects.requireNonNull(benefitsHome, "benefitsHome");
        long startedAt = System.nanoTime();
        Path home;
        try {
            Files.createDirectories(benefitsHome);
            home = benefitsHome.toRealPath();
        }
        catch (IOException ex) {
            throw new EmbeddedPostgresException("Cannot create the benefits home " + benefitsHome + ": " + ex, ex);
        }
        Claim claim = new Claim();
        HomeLock lock;
        synchronized (CLAIMS) {
            if (CLAIMS.containsKey(home)) {
                throw new HomeInUseException(home, OptionalLong.of(ProcessHandle.current().pid()), true);
            }
            try {
                lock = HomeLock.acquire(home);
            }
            catch (IOException ex) {
                throw new EmbeddedPostgresException("Cannot lock the benefits home " + home + ": " + ex, ex);
            }
            CLAIMS.put(home, claim);
        }
        try {
            EmbeddedPostgresServer server = launch(home, lock, claim, startedAt);
            claim.server = server;
            return server;
        }
        catch (IOException ex) {
            release(home, lock, claim);
            throw new EmbeddedPostgresException("Cannot start the embedded PostgreSQL of " + home + ": " + ex, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            release(home, lock, claim);
            throw new EmbeddedPostgresException("Interrupted while starting the embedded PostgreSQL of " + home, ex);
        }
        catch (RuntimeException | Error ex) {
            release(home, lock, claim);
            throw ex;
        }
    }

    /**
     * The server of a home that a live process owns, for a client that only wants to connect to it
     * (listing executions, requesting a stop). Empty when nobody owns the home, or the owner's server
     * is not (yet, or any more) ready. Never starts or stops anything.
     */
    public static Optional<RunningServer> findRunning(Path benefitsHome) {
        Path home;
        try {
            home = benefitsHome.toRealPath();
        }
        catch (NoSuchFileException ex) {
            return Optional.empty();
        }
        catch (IOException ex) {
            throw new EmbeddedPostgresException("Cannot read the benefits home " + benefitsHome + ": " + ex, ex);
        }
        synchronized (CLAIMS) {
            Claim claim = CLAIMS.get(home);
            if (claim != null) {
                EmbeddedPostgresServer server = claim.server;
                return (server == null || server.stopped) ? Optional.empty()
                        : Optional.of(new RunningServer(home, server.port, server.jdbcUrl(), USER, server.password,
                                OptionalLong.of(ProcessHandle.current().pid())));
            }
            try {
                Optional<HomeLock.Holder> holder = HomeLock.holder(home);
                if (holder.isEmpty()) {
                    return Optional.empty();
                }
                Optional<PostmasterPidFile> pidFile = PostmasterPidFile.read(home.resolve(DATA_FOLDER));
                if (pidFile.isEmpty() || !pidFile.get().ready() || pidFile.get().port() <= 0
                        || !OsProcesses.isRunning(pidFile.get().pid())) {
                    return Optional.empty();
                }
                int port = pidFile.get().port();
                String password = PasswordFile.read(PasswordFile.of(home))
                    .orElseThrow(() -> new EmbeddedPostgresException("The embedded PostgreSQL of " + home
                            + " is running but its password file " + PasswordFile.of(home) + " is missing"));
                return Optional.of(new RunningServer(home, port, jdbcUrl(port, DATABASE), USER, password,
                        holder.get().pid()));
            }
            catch (IOException ex) {
                throw new EmbeddedPostgresException("Cannot read the benefits home " + home + ": " + ex, ex);
            }
        }
    }

    public String jdbcUrl() {
        return jdbcUrl(this.port, DATABASE);
    }

    public String user() {
        return USER;
    }

    /** The generated password of {@link #user()}, also in {@link #passwordFile()}; never log it. */
    public String password() {
        return this.password;
    }

    /**
     * {@code <home>/pgpass}, mode 0600, in PostgreSQL's password file format: psql and other libpq clients
     * take it as {@code PGPASSFILE}.
     */
    public Path passwordFile() {
        return PasswordFile.of(this.home);
    }

    public int port() {
        return this.port;
    }

    public Path dataDirectory() {
        return this.dataDirectory;
    }

    public Path home() {
        return this.home;
    }

    /** The server's own log, {@code <home>/postgres.log}. */
    public Path logFile() {
        return this.logFile;
    }

    /** Process id of the postmaster. */
    public long pid() {
        return this.postmasterPid;
    }

    /**
     * Stops the server with a fast shutdown (open sessions are cut off, a checkpoint is written),
     * waits until it has exited, and releases the home. Does nothing the second time.
     */
    @Override
    public void close() {
        if (!this.stopped && this.process.isAlive()) {
            // also turns a smart shutdown started by the hook into a fast one
            signalQuietly("INT");
        }
        stop(false);
        // only now: should the JVM start exiting meanwhile, the hook waits for this stop to finish
        try {
            Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
        }
        catch (IllegalStateException ex) {
            // the JVM is shutting down; the hook finds the server stopped
        }
    }

    @Override
    public String toString() {
        return "EmbeddedPostgresServer[" + this.dataDirectory + ", port " + this.port + ", pid " + this.postmasterPid
                + "]";
    }

    private static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + database;
    }

    private static void release(Path home, HomeLock lock, Claim claim) {
        synchronized (CLAIMS) {
            lock.release();
            CLAIMS.remove(home, claim);
        }
    }

    // ---------------------------------------------------------------- starting

    private static EmbeddedPostgresServer launch(Path home, HomeLock lock, Claim claim, long startedAt)
            throws IOException, InterruptedException {
        Path data = home.resolve(DATA_FOLDER);
        Path logFile = home.resolve(LOG_FILE);
        stopLeftoverServer(data);
        List<String> prefix = OsProcesses.commandPrefix();
        long beforeUnpacking = System.nanoTime();
        PostgresBinaries binaries = PostgresBinaries.prepare(home);
        long beforeInitdb = System.nanoTime();
        rotate(logFile);
        boolean created = createClusterIfMissing(binaries, prefix, home, data, logFile);
        String password = ClientAuthentication.forExistingCluster(binaries, prefix, home, data);
        String firstStart = created ? String.format(" (new database cluster: binaries %d ms, initdb %d ms)",
                TimeUnit.NANOSECONDS.toMillis(beforeInitdb - beforeUnpacking),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - beforeInitdb)) : "";

        for (int attempt = 1;; attempt++) {
            int port = freePort();
            long logOffset = size(logFile);
            Process process = spawnPostmaster(binaries, prefix, data, port, logFile);
            Optional<Long> pid = awaitReady(process, data, logFile, logOffset);
            if (pid.isEmpty()) {
                String tail = logTail(logFile, logOffset);
                boolean portTaken = tail.contains("Address already in use") || tail.contains("could not bind");
                if (portTaken && attempt < PORT_ATTEMPTS) {
                    log.debug("Port {} was taken before PostgreSQL could bind it; trying another", port);
                    continue;
                }
                throw new EmbeddedPostgresException("PostgreSQL did not start on " + data + " (exit code "
                        + process.exitValue() + "); the end of " + logFile + " says:\n" + tail);
            }
            OrphanWatchdog watchdog;
            try {
                watchdog = OrphanWatchdog.start(pid.get(), data, logFile);
            }
            catch (IOException ex) {
                stopStartingServer(process, PostmasterPidFile.read(data));
                throw ex;
            }
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(home, data, logFile, port, pid.get(), process,
                    password, watchdog, lock, claim);
            Runtime.getRuntime().addShutdownHook(server.shutdownHook);
            try {
                createDatabaseIfMissing(port, password);
            }
            catch (SQLException ex) {
                server.close();
                throw new EmbeddedPostgresException("PostgreSQL started on " + data + " but cannot create database "
                        + DATABASE + ": " + ex.getMessage(), ex);
            }
            log.info("Embedded PostgreSQL {} ready in {} ms: data folder {}, port {}, pid {}{}", binaries.version(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt), data, port, pid.get(),
                    firstStart);
            return server;
        }
    }

    /**
     * A JVM that was killed (SIGKILL, OOM killer) leaves its postmaster running, with the lock
     * released by the kernel. We own the home now, so we stop that server and wait for it to exit.
     * A {@code postmaster.pid} whose pid is dead, or reused by another program, is removed:
     * PostgreSQL would refuse to start if that pid belonged to any live process of the same user.
     */
    private static void stopLeftoverServer(Path data) throws IOException, InterruptedException {
        Optional<PostmasterPidFile> pidFile = PostmasterPidFile.read(data);
        if (pidFile.isEmpty()) {
            if (Files.exists(data.resolve(PostmasterPidFile.FILE_NAME))) {
                log.warn("Removing unreadable {} from {}", PostmasterPidFile.FILE_NAME, data);
                Files.delete(data.resolve(PostmasterPidFile.FILE_NAME));
            }
            return;
        }
        long pid = pidFile.get().pid();
        if (OsProcesses.isPostmasterOf(pid, data)) {
            log.warn("PostgreSQL (pid {}) is still running on {}, left by an earlier run that did not stop it;"
                    + " stopping it (fast shutdown)", pid, data);
            try {
                OsProcesses.signal(pid, "INT");
            }
            catch (IOException ex) {
                throw new EmbeddedPostgresException("Cannot stop the PostgreSQL server (pid " + pid
                        + ") left running on " + data + ": " + ex.getMessage(), ex);
            }
            long deadline = System.nanoTime() + FAST_SHUTDOWN_TIMEOUT.toNanos();
            while (!OsProcesses.awaitExit(pid, PROGRESS_INTERVAL.toMillis())) {
                if (System.nanoTime() > deadline) {
                    throw new EmbeddedPostgresException("The PostgreSQL server (pid " + pid + ") left running on "
                            + data + " did not stop within " + FAST_SHUTDOWN_TIMEOUT.toMinutes()
                            + " minutes; stop it (kill -INT " + pid + ") and try again");
                }
                log.info("Waiting for the left-running PostgreSQL (pid {}) to finish its shutdown checkpoint", pid);
            }
            log.info("Stopped the left-running PostgreSQL (pid {})", pid);
        }
        if (Files.deleteIfExists(data.resolve(PostmasterPidFile.FILE_NAME))) {
            log.info("Removed stale {} (pid {} is not a running PostgreSQL of {})", PostmasterPidFile.FILE_NAME, pid,
                    data);
        }
    }

    /**
     * {@code initdb} into {@code pgdata.initdb} and renames it into place, so an interrupted first
     * start leaves no half-made {@code pgdata} behind.
     */
    private static boolean createClusterIfMissing(PostgresBinaries binaries, List<String> prefix, Path home,
            Path data, Path logFile) throws IOException, InterruptedException {
        Path versionFile = data.resolve("PG_VERSION");
        if (Files.exists(versionFile)) {
            String version = Files.readString(versionFile, StandardCharsets.US_ASCII).trim();
            if (!version.equals(Integer.toString(binaries.majorVersion()))) {
                throw new EmbeddedPostgresException("The data folder " + data + " was created by PostgreSQL " + version
                        + " but this build runs PostgreSQL " + binaries.majorVersion()
                        + "; upgrade it with pg_upgrade, or move it away to start afresh");
            }
            return false;
        }
        if (Files.isDirectory(data) && !isEmpty(data)) {
            throw new EmbeddedPostgresException("The data folder " + data
                    + " is not empty but holds no PostgreSQL cluster (no PG_VERSION); move it away to let a new one"
                    + " be created");
        }
        Path partial = home.resolve(DATA_FOLDER + ".initdb");
        PostgresBinaries.deleteRecursively(partial);
        Path passwordFile = ClientAuthentication.initdbPasswordFile(home, ClientAuthentication.forNewCluster(home));
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(binaries.bin("initdb").toString(), "-D", partial.toString(), "-U", USER));
        command.addAll(ClientAuthentication.initdbOptions(passwordFile));
        command.addAll(List.of("-E", "UTF8", "--locale=C", "--no-instructions"));
        long logOffset = size(logFile);
        Process initdb;
        try {
            initdb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectErrorStream(true)
                .start();
            if (!initdb.waitFor(5, TimeUnit.MINUTES)) {
                initdb.destroyForcibly();
                throw new EmbeddedPostgresException("initdb did not finish within 5 minutes on " + partial);
            }
        }
        finally {
            Files.deleteIfExists(passwordFile);
        }
        if (initdb.exitValue() != 0) {
            throw new EmbeddedPostgresException("initdb failed (exit code " + initdb.exitValue() + ") on " + partial
                    + "; the end of " + logFile + " says:\n" + logTail(logFile, logOffset));
        }
        Files.deleteIfExists(data);
        Files.move(partial, data, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    private static Process spawnPostmaster(PostgresBinaries binaries, List<String> prefix, Path data, int port,
            Path logFile) throws IOException {
        List<String> command = new ArrayList<>(prefix);
        if (OsProcesses.onPath("setsid")) {
            // its own session: a Ctrl-C at the terminal reaches the JVM, whose hook stops the server in order
            command.addAll(List.of("setsid", "--wait"));
        }
        command.addAll(List.of(binaries.bin("postgres").toString(), "-D", data.toString(), "-p",
                Integer.toString(port), "-c", "listen_addresses=" + HOST, "-c", "unix_socket_directories="));
        SERVER_SETTINGS.forEach((name, value) -> command.addAll(List.of("-c", name + "=" + value)));
        return new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
            .redirectErrorStream(true)
            .start();
    }

    /** The postmaster's pid once it accepts connections; empty if it exited. */
    private static Optional<Long> awaitReady(Process process, Path data, Path logFile, long logOffset)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        long nextNote = System.nanoTime() + PROGRESS_INTERVAL.toNanos();
        while (true) {
            Optional<PostmasterPidFile> pidFile = PostmasterPidFile.read(data);
            if (pidFile.isPresent() && pidFile.get().ready() && OsProcesses.isRunning(pidFile.get().pid())
                    && process.isAlive()) {
                return Optional.of(pidFile.get().pid());
            }
            if (process.waitFor(20, TimeUnit.MILLISECONDS)) {
                return Optional.empty();
            }
            long now = System.nanoTime();
            if (now > deadline) {
                stopStartingServer(process, pidFile);
                throw new EmbeddedPostgresException("PostgreSQL did not get ready on " + data + " within "
                        + START_TIMEOUT.toMinutes() + " minutes; the end of " + logFile + " says:\n"
                        + logTail(logFile, logOffset));
            }
            if (now > nextNote) {
                log.info("PostgreSQL is still starting on {} (recovering after an unclean stop?); see {}", data,
                        logFile);
                nextNote = now + PROGRESS_INTERVAL.toNanos();
            }
        }
    }

    private static void stopStartingServer(Process process, Optional<PostmasterPidFile> pidFile)
            throws InterruptedException {
        long pid = pidFile.map(PostmasterPidFile::pid).orElse(process.pid());
        try {
            OsProcesses.signal(pid, "INT");
        }
        catch (IOException ex) {
            log.warn("Could not stop PostgreSQL (pid {}): {}", pid, ex.getMessage());
        }
        process.waitFor(FAST_SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void createDatabaseIfMissing(int port, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "30");
        try (Connection connection = new org.postgresql.Driver().connect(jdbcUrl(port, "postgres"), properties);
                Statement statement = connection.createStatement()) {
            boolean exists;
            String lookup = "select 1 from pg_database where datname = '" + DATABASE + "'";
            try (ResultSet rs = statement.executeQuery(lookup)) {
                exists = rs.next();
            }
            if (!exists) {
                statement.execute("create database " + DATABASE);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    // ---------------------------------------------------------------- stopping

    private void stop(boolean jvmExit) {
        synchronized (this.stopMonitor) {
            if (this.stopped) {
                return;
            }
            long startedAt = System.nanoTime();
            try {
                if (shutDown(jvmExit)) {
                    log.info("Embedded PostgreSQL on {} stopped in {} ms", this.dataDirectory,
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
                }
                else {
                    log.error("Embedded PostgreSQL (pid {}) on {} did not stop; see {}", this.postmasterPid,
                            this.dataDirectory, this.logFile);
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                log.warn("Interrupted while stopping the embedded PostgreSQL (pid {}); the next start will stop it",
                        this.postmasterPid);
            }
            finally {
                this.stopped = true;
                // a server that did not stop is still named in postmaster.pid: the watchdog then stops it
                this.watchdog.close();
                release(this.home, this.lock, this.claim);
            }
        }
    }

    /**
     * Smart shutdown first on JVM exit (no new sessions, open ones may finish), then fast (sessions
     * cut off, checkpoint), then immediate (no checkpoint: crash recovery at the next start, which is
     * safe). True when the postmaster is gone.
     */
    private boolean shutDown(boolean jvmExit) throws InterruptedException {
        if (!this.process.isAlive()) {
            return true;
        }
        if (jvmExit) {
            signalQuietly("TERM");
            if (this.process.waitFor(JVM_EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            log.info("Sessions still open after {} s; stopping the embedded PostgreSQL with a fast shutdown",
                    JVM_EXIT_GRACE.toSeconds());
        }
        signalQuietly("INT");
        long deadline = System.nanoTime() + FAST_SHUTDOWN_TIMEOUT.toNanos();
        while (!this.process.waitFor(PROGRESS_INTERVAL.toMillis(), TimeUnit.MILLISECONDS)) {
            if (System.nanoTime() > deadline) {
                log.warn("Embedded PostgreSQL did not finish its fast shutdown in {} minutes; immediate shutdown",
                        FAST_SHUTDOWN_TIMEOUT.toMinutes());
                signalQuietly("QUIT");
                return this.process.waitFor(IMMEDIATE_SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
            log.info("Waiting for the embedded PostgreSQL to finish its shutdown checkpoint");
        }
        return true;
    }

    private void signalQuietly(String signal) {
        if (!this.process.isAlive()) {
            return;
        }
        try {
            OsProcesses.signal(this.postmasterPid, signal);
        }
        catch (IOException ex) {
            log.warn("Could not send SIG{} to PostgreSQL (pid {}): {}", signal, this.postmasterPid, ex.getMessage());
        }
    }

    // ---------------------------------------------------------------- files

    private static boolean isEmpty(Path directory) throws IOException {
        try (Stream<Path> children = Files.list(directory)) {
            return children.findAny().isEmpty();
        }
    }

    private static long size(Path file) throws IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }

    private static void rotate(Path logFile) throws IOException {
        if (size(logFile) > LOG_ROTATE_BYTES) {
            Files.move(logFile, logFile.resolveSibling(logFile.getFileName() + ".1"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The last lines written to the log since {@code offset}, for an error message. */
    private static String logTail(Path logFile, long offset) {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long from = Math.max(offset, file.length() - 4000);
            byte[] bytes = new byte[(int) (file.length() - from)];
            file.seek(from);
            file.readFully(bytes);
            List<String> lines = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).strip().split("\n"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 12), lines.size()));
        }
        catch (IOException ex) {
            return "(cannot read " + logFile + ": " + ex.getMessage() + ")";
        }
    }

}
