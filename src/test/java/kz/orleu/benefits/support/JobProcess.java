package kz.orleu.benefits.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kz.orleu.benefits.store.embedded.EmbeddedPostgresServer;

/** The launcher in a JVM of its own, so that a test can kill it with SIGKILL as an operator's machine might. */
public final class JobProcess {

    /** Rows per chunk in the job's JVM: a generated quarter of thousands of families commits many chunks. */
    public static final int CHUNK_SIZE = 200;

    private JobProcess() {
    }

    /** Against a database of the shared test server. */
    public static Process start(Path log, String dbUrl, String... args) throws IOException {
        return start(log, dbUrl, TestDatabase.user(), TestDatabase.password(), args);
    }

    /** Against the embedded server of a home the test started itself, which has a password of its own. */
    public static Process start(Path log, EmbeddedPostgresServer server, String... args) throws IOException {
        return start(log, server.jdbcUrl(), server.user(), server.password(), args);
    }

    /** Without {@code --db-url}: the launcher starts and owns the embedded server of {@code home}. */
    public static Process startOwningHome(Path log, Path home, String... args) throws IOException {
        List<String> command = java();
        command.add("-Dbenefits.home=" + home);
        command.add("kz.orleu.benefits.cli.Launcher");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("BENEFITS_HOME", home.toString());
        return builder.start();
    }

    /** As {@link #start(Path, String, String...)}, with options for the JVM ({@code -Dname=value}). */
    public static Process startWithOptions(Path log, List<String> jvmOptions, String dbUrl, String... args)
            throws IOException {
        return start(log, jvmOptions, dbUrl, TestDatabase.user(), TestDatabase.password(), args);
    }

    private static Process start(Path log, String dbUrl, String user, String password, String... args)
            throws IOException {
        return start(log, List.of(), dbUrl, user, password, args);
    }

    private static Process start(Path log, List<String> jvmOptions, String dbUrl, String user, String password,
            String... args) throws IOException {
        List<String> command = java();
        command.addAll(jvmOptions);
        command.add("-Dbenefits.db-user=" + user);
        command.add("-Dbenefits.db-password=" + password);
        command.add("kz.orleu.benefits.cli.Launcher");
        command.addAll(List.of(args));
        command.add("--db-url");
        command.add(dbUrl);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static List<String> java() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-Dbenefits.chunk-size=" + CHUNK_SIZE);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        return command;
    }


    /** Waits until a step of that name runs in the database (at most two minutes) and returns its execution id. */
    public static String waitForStep(String db, String step) throws InterruptedException, java.sql.SQLException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            String id = Sql.textOrNull(db, "select job_execution_id from batch_step_execution where status = 'STARTED'"
                    + " and step_name = '" + step + "'");
            if (id != null) {
                return id;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("step " + step + " never ran");
    }
}
