package kz.orleu.benefits.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import kz.orleu.benefits.cli.Launcher;
import kz.orleu.benefits.store.embedded.EmbeddedPostgresServer;

/**
 * Runs {@code ops/benefits} in-process against a test database, as an operator would run it. The system properties
 * it sets for a call are put back afterwards: a chunk size of 10 left behind once made a later in-process restart
 * of a 60,000-family quarter take 90 seconds instead of a few.
 */
public final class LauncherRun {

    /** So that a step of the small test quarters (the worked examples) commits several chunks. */
    private static final int SMALL_CHUNKS = 10;

    public record Result(int exitCode, String stderr) {
    }

    /** The exit status and all the launcher printed, stdout and stderr together, as an operator's terminal shows. */
    public record Said(int exitCode, String output) {

        /** The exit status, a space, then the output without its log lines. */
        public String brief() {
            return exitCode + " " + output.lines().filter(l -> !l.matches("^\\d{4}-\\d{2}-\\d{2} .*"))
                    .reduce("", (a, b) -> a + b + "\n");
        }
    }

    private LauncherRun() {
    }

    /** Against a database of the shared test server. */
    public static Result run(String dbUrl, String... args) {
        return run(dbUrl, TestDatabase.user(), TestDatabase.password(), SMALL_CHUNKS, args);
    }

    /**
     * Against a database of the shared test server, in chunks of {@link JobProcess#CHUNK_SIZE} as the job processes
     * of the tests use: for generated quarters of thousands of families, which chunks of 10 would slow to minutes.
     */
    public static Result runGenerated(String dbUrl, String... args) {
        return run(dbUrl, TestDatabase.user(), TestDatabase.password(), JobProcess.CHUNK_SIZE, args);
    }

    /** Against the embedded server of a home the test started itself, which has a password of its own. */
    public static Result run(EmbeddedPostgresServer server, String... args) {
        return run(server.jdbcUrl(), server.user(), server.password(), SMALL_CHUNKS, args);
    }

    /** As {@link #run(EmbeddedPostgresServer, String...)}, for a generated quarter (see {@link #runGenerated}). */
    public static Result runGenerated(EmbeddedPostgresServer server, String... args) {
        return run(server.jdbcUrl(), server.user(), server.password(), JobProcess.CHUNK_SIZE, args);
    }

    /** Against a database of the shared test server, capturing stdout too, with the product's own chunk size. */
    public static Said said(String dbUrl, String... args) {
        // Before stdout is captured: the first use of the shared test server starts it, and it logs that.
        Map<String, String> properties = settings(TestDatabase.user(), TestDatabase.password(), null);
        PrintStream stdout = System.out;
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(said, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        try {
            int code = withProperties(properties, () -> new Launcher(capture).execute(withDatabase(dbUrl, args)));
            return new Said(code, said.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
        }
    }

    private static Result run(String dbUrl, String user, String password, int chunkSize, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = withProperties(settings(user, password, Integer.toString(chunkSize)),
                () -> new Launcher(new PrintStream(err, true, StandardCharsets.UTF_8))
                        .execute(withDatabase(dbUrl, args)));
        return new Result(code, err.toString(StandardCharsets.UTF_8));
    }

    /** The launcher's settings for one call; a null chunk size leaves the product's own. */
    private static Map<String, String> settings(String user, String password, String chunkSize) {
        Map<String, String> properties = new HashMap<>();
        properties.put("benefits.db-user", user);
        properties.put("benefits.db-password", password);
        properties.put("benefits.chunk-size", chunkSize);
        return properties;
    }

    private static String[] withDatabase(String dbUrl, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--db-url");
        all.add(dbUrl);
        return all.toArray(String[]::new);
    }

    /** Sets the properties (null clears one) for the call, then puts back what was there. */
    private static int withProperties(Map<String, String> properties, IntSupplier call) {
        Map<String, String> before = new HashMap<>();
        properties.forEach((name, value) -> {
            before.put(name, System.getProperty(name));
            set(name, value);
        });
        try {
            return call.getAsInt();
        } finally {
            before.forEach(LauncherRun::set);
        }
    }

    private static void set(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }
}
