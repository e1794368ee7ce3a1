package kz.orleu.benefits.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import kz.orleu.benefits.cli.Launcher;
import kz.orleu.benefits.generator.GenerationReport;
import kz.orleu.benefits.generator.GeneratorOptions;
import kz.orleu.benefits.generator.QuarterGenerator;
import kz.orleu.benefits.output.OutputFiles;
import kz.orleu.benefits.store.embedded.EmbeddedPostgresServer;

/**
 * {@code ops/benchmark N}: generates an income quarter of N families, runs the whole quarterly job on it against
 * a fresh embedded PostgreSQL, and prints wall time and rows per second per step and in total, the input size
 * per file, peak JVM heap, database size and the machine; with {@code --simulate}, then simulates the same quarter
 * under a proposal and prints the two wall times side by side. Figures, not assertions: the machines are shared.
 * Everything it writes (input, embedded database, outputs) is in its work folder, never in the production history.
 */
public final class Benchmark {

    private Benchmark() {
    }

    /**
     * The proposal {@code --simulate} times: the rules in force with the 2018 reform (ASP and CCA at 50 %) brought
     * forward to the benchmark's benefit quarter, so that the simulation moves money as a real one would.
     */
    static final String PROPOSAL = """
            parameter,value,valid_from
            asp_share,0.40,2014-01-01
            cca_share,0.60,2014-01-01
            failure_months,2,2014-01-01
            terminate_after_failures,2,2014-01-01
            suppress_below,5,2014-01-01
            exempt_age_below,18,2014-01-01
            exempt_disability_groups,1;2,2014-01-01
            forbidden_purposes,DEBT;LOAN;REAL_ESTATE,2014-01-01
            asp_share,0.50,2016-04-01
            cca_share,0.50,2016-04-01
            """;

    public static void main(String[] args) throws Exception {
        java.util.List<String> positional = new java.util.ArrayList<>(java.util.List.of(args));
        // after the run, simulate the same quarter (now read from the run just made): the two times side by side
        boolean simulate = positional.remove("--simulate");
        // --partitions N: the run's per-family steps in N partitions (default: one per core)
        String partitions = null;
        int option = positional.indexOf("--partitions");
        if (option >= 0) {
            partitions = positional.remove(option + 1);
            positional.remove(option);
        }
        int families = positional.size() > 0 ? Integer.parseInt(positional.get(0).replace("_", "")) : 100_000;
        Path work = positional.size() > 1 ? Path.of(positional.get(1)) : Files.createTempDirectory("benefits-benchmark");
        Path input = work.resolve("input-" + families);
        Path home = work.resolve("home-" + families);
        Path output = work.resolve("out-" + families);

        Instant generationStart = Instant.now();
        if (!Files.exists(input.resolve("families.csv"))) {
            GenerationReport report = QuarterGenerator.generate(GeneratorOptions.of(families, "2016Q1", 42, input));
            System.out.println("generated " + report);
        }
        Duration generation = Duration.between(generationStart, Instant.now());
        OutputFiles.deleteTree(home);
        OutputFiles.deleteTree(output);

        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        // Its own embedded database in the work folder, whatever the environment names: a benchmark run must not
        // become a version of 2016Q2 in the production history (BENEFITS_DB_URL, BENEFITS_HOME).
        System.setProperty("benefits.home", home.toString());
        System.setProperty("benefits.db-url", "");
        java.util.List<String> run = new java.util.ArrayList<>(java.util.List.of("run", "--quarter", "2016Q2",
                "--input", input.toString(), "--output", output.toString()));
        if (partitions != null) {
            run.addAll(java.util.List.of("--partitions", partitions));
        }
        Instant start = Instant.now();
        int exit;
        CpuSampler cpu = new CpuSampler(home.resolve("pgdata"));
        try {
            exit = new Launcher(System.err).execute(run.toArray(String[]::new));
        } finally {
            cpu.close();
        }
        Duration total = Duration.between(start, Instant.now());
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        String simulation = null;
        if (simulate) {
            Path proposal = work.resolve("proposal-asp-50.csv");
            Files.writeString(proposal, PROPOSAL);
            Instant simulationStart = Instant.now();
            int simulationExit = new Launcher(System.err).execute("simulate", "--quarter", "2016Q2", "--input",
                    input.toString(), "--output", output.toString(), "--rules", proposal.toString());
            double seconds = Duration.between(simulationStart, Instant.now()).toMillis() / 1000.0;
            simulation = String.format("simulate: %.1f s wall (exit status %d) against run: %.1f s wall, the same"
                    + " quarter and folder, 2018 rules as the proposal, now read from the run",
                    seconds, simulationExit, total.toMillis() / 1000.0);
        }

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(home);
                Connection db = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password())) {
            print(families, input, exit, generation, total, peakHeap, db, cpu, partitions);
        }
        if (simulation != null) {
            System.out.println(simulation);
        }
    }

    private static void print(int families, Path input, int exit, Duration generation, Duration total, long peakHeap,
            Connection db, CpuSampler cpu, String partitions) throws SQLException, IOException {
        System.out.println();
        System.out.printf("benchmark: %,d families, exit status %d, %s, partitions %s%n", families, exit,
                LocalDate.now(), partitions == null ? "default (" + Runtime.getRuntime().availableProcessors() + ")"
                        : partitions);
        System.out.printf("machine: %d cores, %,d MB memory, %s %s, Java %s, max heap %,d MB%n",
                Runtime.getRuntime().availableProcessors(), physicalMemoryMb(), System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("input: %,d MB in %s (generated in %ds)%n", folderSize(input) >> 20, input,
                generation.toSeconds());
        // CPU seconds of the JVM and of the database inside each step (200 ms samples; blank for shorter steps):
        // wall x cores minus both is time spent waiting (I/O, locks, idle cores)
        System.out.printf("%-36s %12s %10s %12s %8s %8s%n", "step", "rows read", "seconds", "rows/s", "jvm cpu",
                "db cpu");
        try (ResultSet rs = db.createStatement().executeQuery("""
                select step_name, read_count, extract(epoch from end_time - start_time), start_time, end_time
                  from batch_step_execution order by step_execution_id""")) {
            while (rs.next()) {
                double seconds = rs.getDouble(3);
                long rows = rs.getLong(2);
                CpuSampler.Sample used = cpu.between(instant(rs, 4), instant(rs, 5));
                System.out.printf("%-36s %,12d %10.1f %12s %8s %8s%n", rs.getString(1), rows, seconds,
                        rows == 0 || seconds == 0 ? "" : String.format("%,d", Math.round(rows / seconds)),
                        used == null ? "" : String.format("%.1f", used.jvmSeconds()),
                        used == null ? "" : String.format("%.1f", used.databaseSeconds()));
            }
        }
        CpuSampler.Sample whole = cpu.between(Instant.MIN, Instant.MAX);
        if (whole != null) {
            System.out.printf("cpu: JVM %.1f s, PostgreSQL %.1f s, in %.1f s wall on %d cores%n", whole.jvmSeconds(),
                    whole.databaseSeconds(), total.toMillis() / 1000.0, Runtime.getRuntime().availableProcessors());
        }
        try (ResultSet rs = db.createStatement().executeQuery(
                "select pg_size_pretty(pg_database_size(current_database()))")) {
            rs.next();
            System.out.printf("total: %.1f s wall (%.0f families/s), peak JVM heap %,d MB, database %s%n",
                    total.toMillis() / 1000.0, families / (total.toMillis() / 1000.0), peakHeap >> 20, rs.getString(1));
        }
    }

    /** Batch's timestamps are the JVM's local time without a zone. */
    private static Instant instant(ResultSet rs, int column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? Instant.MAX : t.toInstant();
    }

    private static long physicalMemoryMb() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getTotalMemorySize() >> 20;
        }
        return -1;
    }

    private static long folderSize(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
