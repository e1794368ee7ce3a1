package kz.orleu.benefits.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import kz.orleu.benefits.cli.Launcher;
import kz.orleu.benefits.store.embedded.EmbeddedPostgresServer;

/** Runs {@code ops/benefits} in-process against a test database, as an operator would run it. */
public final class LauncherRun {

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
        return run(dbUrl, TestDatabase.user(), TestDatabase.password(), args);
    }

    /** Against the embedded server of a home the test started itself, which has a password of its own. */
    public static Result run(EmbeddedPostgresServer server, String... args) {
        return run(server.jdbcUrl(), server.user(), server.password(), args);
    }

    /** Against a database of the shared test server, capturing stdout too (the chunk size is left as it is). */
    public static Said said(String dbUrl, String... args) {
        PrintStream stdout = System.out;
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(said, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        try {
            List<String> all = new ArrayList<>(List.of(args));
            all.add("--db-url");
            all.add(dbUrl);
            System.setProperty("benefits.db-user", TestDatabase.user());
            System.setProperty("benefits.db-password", TestDatabase.password());
            int code = new Launcher(capture).execute(all.toArray(String[]::new));
            return new Said(code, said.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
        }
    }

    private static Result run(String dbUrl, String user, String password, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--db-url");
        all.add(dbUrl);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setProperty("benefits.db-user", user);
        // Small chunks, so that a step of the small test quarters commits several of them.
        System.setProperty("benefits.chunk-size", "10");
        System.setProperty("benefits.db-password", password);
        int code = new Launcher(new PrintStream(err, true, StandardCharsets.UTF_8)).execute(all.toArray(String[]::new));
        return new Result(code, err.toString(StandardCharsets.UTF_8));
    }
}
