package kz.orleu.benefits.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import kz.orleu.benefits.cli.Launcher;

/** Runs {@code ops/benefits} in-process against a test database, as an operator would run it. */
public final class LauncherRun {

    public record Result(int exitCode, String stderr) {
    }

    private LauncherRun() {
    }

    public static Result run(String dbUrl, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--db-url");
        all.add(dbUrl);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setProperty("benefits.db-user", TestDatabase.user());
        // Small chunks, so that a step of the small test quarters commits several of them.
        System.setProperty("benefits.chunk-size", "10");
        System.setProperty("benefits.db-password", TestDatabase.password());
        int code = new Launcher(new PrintStream(err, true, StandardCharsets.UTF_8)).execute(all.toArray(String[]::new));
        return new Result(code, err.toString(StandardCharsets.UTF_8));
    }
}
