package kz.orleu.benefits.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import kz.orleu.benefits.generator.GenerationReport;
import kz.orleu.benefits.generator.GeneratorOptions;
import kz.orleu.benefits.generator.QuarterGenerator;

/**
 * {@code ops/benchmark N}: generates an income quarter of N families, runs the whole quarterly job on it (the
 * product jar, in a child process, as operations run it) against a fresh embedded PostgreSQL, and prints wall
 * time, rows per second and CPU per step and in total, the input size, the job's peak heap, the database size and
 * the machine; then runs the {@link Yardstick} (COPY and set-based SQL) on the same server and prints the ratio of
 * the two. With {@code --simulate}, it also simulates the same quarter under a proposal and prints both wall
 * times. Figures, not assertions: the machines are shared. Everything it writes (input, embedded database,
 * outputs) is in its work folder, never in the production history ({@link Product}).
 */
public final class Benchmark {

    private static final String INCOME_QUARTER = "2016Q1";
    private static final String BENEFIT_QUARTER = "2016Q2";
    private static final LocalDate BENEFIT_QUARTER_START = LocalDate.of(2016, 4, 1);

    /**
     * The proposal {@code --simulate} times: the shipped rules with the 2018 reform (ASP and CCA at 50 %) brought
     * forward to the benchmark's benefit quarter, so that the simulation moves money as a real one would.
     */
    private static final String REFORM_ROWS = "asp_share,0.50,2016-04-01\ncca_share,0.50,2016-04-01\n";

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> positional = new ArrayList<>(List.of(args));
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
        Path work = (positional.size() > 1 ? Path.of(positional.get(1))
                : Files.createTempDirectory("benefits-benchmark")).toAbsolutePath();
        // the checkout whose ops/benefits and target/benefits.jar are measured (ops/benchmark names it)
        Path root = Path.of(System.getProperty("benefits.root", ".")).toAbsolutePath().normalize();
        Path shippedReference = root.resolve("src/main/resources/reference");
        Path input = work.resolve("input-" + families);
        Path output = work.resolve("out-" + families);
        Product product = new Product(root, work.resolve("home-" + families));

        Instant generationStart = Instant.now();
        if (!Files.exists(input.resolve("families.csv"))) {
            GenerationReport report = QuarterGenerator.generate(GeneratorOptions.of(families, INCOME_QUARTER, 42,
                    input));
            System.out.println("generated " + report);
        }
        Duration generation = Duration.between(generationStart, Instant.now());
        deleteTree(product.home());
        deleteTree(output);
        // A quarter's run finds its installation's database in place: creating it (the server's binaries, initdb,
        // the migrations) happens once per installation, so it is timed on its own, not as part of the run.
        Instant installationStart = Instant.now();
        int installed = product.start("quarters").waitFor();
        System.out.printf("installation: database created and migrated in %.1f s (exit status %d), once per"
                + " installation, not part of the run's time%n",
                seconds(Duration.between(installationStart, Instant.now())), installed);

        List<String> run = new ArrayList<>(List.of("run", "--quarter", BENEFIT_QUARTER, "--input",
                input.toString(), "--output", output.toString()));
        if (partitions != null) {
            run.addAll(List.of("--partitions", partitions));
        }
        Instant start = Instant.now();
        Process job = product.start(run.toArray(String[]::new));
        CpuSampler cpu = new CpuSampler(job.pid(), product.dataDirectory());
        int exit;
        try {
            exit = job.waitFor();
        } finally {
            cpu.close();
        }
        Duration total = Duration.between(start, Instant.now());
        RunMetricsFile metrics = RunMetricsFile.read(product.metricsFile());
        String simulation = simulate ? simulate(product, input, output, work, shippedReference, total) : null;

        try (DatabaseConsole console = DatabaseConsole.start(product, work.resolve("db-console.log"));
                Connection db = console.connect()) {
            Run measured = new Run(families, input, exit, generation, total, metrics, cpu, partitions);
            measured.print(db);
            Yardstick.Result yardstick = new Yardstick(db, input, shippedReference).run(BENEFIT_QUARTER_START,
                    INCOME_QUARTER);
            measured.printAgainst(yardstick);
        }
        if (simulation != null) {
            System.out.println(simulation);
        }
    }

    private static String simulate(Product product, Path input, Path output, Path work, Path shippedReference,
            Duration run) throws IOException, InterruptedException {
        Path proposal = work.resolve("proposal-asp-50.csv");
        String shipped = Files.readString(shippedReference.resolve("rules.csv"));
        Files.writeString(proposal, shipped + (shipped.endsWith("\n") ? "" : "\n") + REFORM_ROWS);
        Instant start = Instant.now();
        int exit = product.start("simulate", "--quarter", BENEFIT_QUARTER, "--input", input.toString(), "--output",
                output.toString(), "--rules", proposal.toString()).waitFor();
        return String.format("simulate: %.1f s wall (exit status %d) against run: %.1f s wall, the same quarter and"
                + " folder, 2018 rules as the proposal, now read from the run",
                seconds(Duration.between(start, Instant.now())), exit, seconds(run));
    }

    /** What one run of the job measured, printed per step and then against the yardstick. */
    private record Run(int families, Path input, int exit, Duration generation, Duration total,
            RunMetricsFile metrics, CpuSampler cpu, String partitions) {

        void print(Connection db) throws SQLException, IOException {
            int cores = Runtime.getRuntime().availableProcessors();
            System.out.println();
            System.out.printf("benchmark: %,d families, exit status %d, %s, partitions %s%n", families, exit,
                    LocalDate.now(), partitions == null ? "default (" + cores + ")" : partitions);
            String javaOptions = System.getenv("BENEFITS_JAVA_OPTS");
            System.out.printf("machine: %d cores, %,d MB memory, %s %s, Java %s; job JVM options %s%n", cores,
                    physicalMemoryMb(), System.getProperty("os.name"), System.getProperty("os.arch"),
                    System.getProperty("java.version"),
                    javaOptions == null || javaOptions.isBlank() ? "-Xmx1g (ops/benefits' default)" : javaOptions);
            System.out.printf("input: %,d MB in %s (generated in %ds)%n", folderSize(input) >> 20, input,
                    generation.toSeconds());
            // CPU seconds of the JVM and of the database inside each step (200 ms samples; blank for shorter
            // steps): wall x cores minus both is time spent waiting (I/O, locks, idle cores)
            System.out.printf("%-36s %12s %10s %12s %8s %8s%n", "step", "rows read", "seconds", "rows/s",
                    "jvm cpu", "db cpu");
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
                System.out.printf("cpu: JVM %.1f s, PostgreSQL %.1f s, in %.1f s wall on %d cores%n",
                        whole.jvmSeconds(), whole.databaseSeconds(), seconds(total), cores);
            }
            try (ResultSet rs = db.createStatement().executeQuery(
                    "select pg_size_pretty(pg_database_size(current_database()))")) {
                rs.next();
                System.out.printf("total: %.1f s wall (%.0f families/s), peak JVM heap %,d MB, database %s%n",
                        seconds(total), families / seconds(total), metrics.heapPeakBytes() >> 20, rs.getString(1));
            }
        }

        void printAgainst(Yardstick.Result yardstick) {
            System.out.printf("job: %.1f s (the run's JVM from start to exit)%n", seconds(total));
            System.out.printf("yardstick: copy %.1f s (%,d rows), means test and payments %.1f s, total %.1f s%n",
                    seconds(yardstick.copy()), yardstick.rowsCopied(), seconds(yardstick.meansTest()),
                    seconds(yardstick.total()));
            System.out.printf("ratio job/yardstick: %.1f%n", seconds(total) / seconds(yardstick.total()));
            // the same order of magnitude, not equal: the yardstick judges no compliance and rejects nothing
            for (String benefit : List.of("ASP", "CCA")) {
                System.out.printf("paid %s, tenge: job %,.0f, yardstick %,.0f%n", benefit,
                        metrics.paidTenge(benefit),
                        yardstick.paidByBenefit().getOrDefault(benefit, BigDecimal.ZERO));
            }
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    /** Batch's timestamps are the JVM's local time without a zone. */
    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? Instant.MAX : t.toInstant();
    }

    private static long physicalMemoryMb() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize() >> 20;
        }
        return -1;
    }

    private static long folderSize(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
