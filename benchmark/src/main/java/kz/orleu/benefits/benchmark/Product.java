package kz.orleu.benefits.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The product as operations run it: {@code ops/benefits} of a checkout (which starts {@code target/benefits.jar}
 * with {@code BENEFITS_JAVA_OPTS}, {@code -Xmx1g} by default), in a child process, on a benefits home of the
 * benchmark's own. The settings that would point it at another database or monitoring are removed from the
 * child's environment: a benchmark run must never become a version of a quarter in the production history nor
 * replace the production run's metrics.
 */
final class Product {

    /** Settings of the environment that would reach beyond the benchmark's own home. */
    private static final List<String> FOREIGN_SETTINGS = List.of("BENEFITS_DB_URL", "BENEFITS_DB_USER",
            "BENEFITS_DB_PASSWORD", "BENEFITS_DB_PASSWORD_FILE", "BENEFITS_METRICS_FILE", "BENEFITS_METRICS_PORT",
            "BENEFITS_PUSHGATEWAY_URL");

    private final Path root;
    private final Path home;

    /**
     * @param root the checkout holding {@code ops/benefits} and {@code target/benefits.jar}
     * @param home the {@code BENEFITS_HOME} of every command: its embedded database, password and metrics
     */
    Product(Path root, Path home) {
        this.root = root;
        this.home = home;
    }

    Path home() {
        return home;
    }

    /** The run's textfile of metrics ({@code BENEFITS_METRICS_FILE} is never passed on). */
    Path metricsFile() {
        return home.resolve("metrics").resolve("benefits.prom");
    }

    /** The embedded server's data folder, whose {@code postmaster.pid} names the server while it is up. */
    Path dataDirectory() {
        return home.resolve("pgdata");
    }

    /** Starts {@code ops/benefits ARGS} with this terminal's output; its pid is the JVM's (the script execs java). */
    Process start(String... args) throws IOException {
        return command(args).inheritIO().start();
    }

    /** Starts {@code ops/benefits ARGS} with its standard output into {@code log}, its errors to this terminal. */
    Process start(Path log, String... args) throws IOException {
        return command(args).redirectOutput(log.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private ProcessBuilder command(String... args) {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("ops").resolve("benefits").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        FOREIGN_SETTINGS.forEach(environment::remove);
        environment.put("BENEFITS_HOME", home.toString());
        return builder;
    }
}
