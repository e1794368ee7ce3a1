package kz.orleu.benefits.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded PostgreSQL of a benefits home, up again after the run that stopped it: {@code ops/benefits
 * db-console} in a child process, connected to with what it prints (the JDBC URL, the user and the password file,
 * never the password itself), and stopped with SIGTERM as an operator's Ctrl-C would. Closing it checks that the
 * server is really gone: a benchmark must not leave a postgres behind.
 */
final class DatabaseConsole implements AutoCloseable {

    private static final long WAIT_SECONDS = 120;
    private static final Pattern JDBC_URL = Pattern.compile("JDBC URL (jdbc:postgresql://\\S+)");
    private static final Pattern USER = Pattern.compile(", user (\\S+)");
    private static final Pattern PASSWORD_FILE = Pattern.compile("password in (\\S+)");

    private final Process process;
    private final long postmaster;
    private final String url;
    private final String user;
    private final Path passwordFile;

    private DatabaseConsole(Process process, long postmaster, String said) {
        this.process = process;
        this.postmaster = postmaster;
        this.url = find(JDBC_URL, said);
        this.user = find(USER, said);
        this.passwordFile = Path.of(find(PASSWORD_FILE, said));
    }

    /** Starts the server of {@code product}'s home and waits until db-console says it is up. */
    static DatabaseConsole start(Product product, Path log) throws IOException, InterruptedException {
        Process process = product.start(log, "db-console");
        try {
            String said = awaitInstructions(process, log);
            return new DatabaseConsole(process, postmasterPid(product.dataDirectory()), said);
        } catch (IOException | InterruptedException | RuntimeException e) {
            process.destroy();
            process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
            throw e;
        }
    }

    Connection connect() throws SQLException, IOException {
        // PostgreSQL's password file: host:port:database:user:password, the generated password has no ':'
        String password = Files.readString(passwordFile).strip().split(":", 5)[4];
        return DriverManager.getConnection(url, user, password);
    }

    /** SIGTERM, then waits for db-console and its postmaster to exit; fails if the server outlives it. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("db-console (pid " + process.pid() + ") did not stop on SIGTERM");
            }
            Optional<ProcessHandle> server = ProcessHandle.of(postmaster);
            if (server.isPresent()) {
                server.get().onExit().get(WAIT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("postgres (pid " + postmaster + ") still runs after db-console stopped");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while db-console stopped; postgres (pid " + postmaster
                    + ") may still run");
        }
    }

    private static String awaitInstructions(Process process, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (true) {
            String said = Files.exists(log) ? Files.readString(log) : "";
            if (said.contains("Ctrl-C stops it.")) {
                return said;
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IOException("db-console did not bring the database up:\n" + said);
            }
            process.waitFor(100, TimeUnit.MILLISECONDS);
        }
    }

    private static long postmasterPid(Path dataDirectory) throws IOException {
        return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
    }

    private static String find(Pattern pattern, String said) {
        Matcher matcher = pattern.matcher(said);
        if (!matcher.find()) {
            throw new IllegalStateException("db-console did not say " + pattern + ":\n" + said);
        }
        return matcher.group(1);
    }
}
