package kz.orleu.benefits.generator;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a synthetic income-quarter folder (the seven input files of {@code contracts.md}) for tests and load
 * runs: plain Java, streaming family by family, so memory stays flat however many families are asked for, and
 * deterministic: the same options give byte-identical files.
 *
 * <pre>
 * java -cp benchmark/target/benefits-benchmark.jar kz.orleu.benefits.generator.QuarterGenerator \
 *      --families 1000000 --income-quarter 2016Q1 --seed 42 --output /tmp/q [--regions 11,63,31] [--bad-rows K]
 * </pre>
 */
public final class QuarterGenerator {

    static final String USAGE = """
            usage: QuarterGenerator --families N --income-quarter YYYYQn --seed S --output DIR
                                    [--regions 11,63,31] [--bad-rows K]
              --families N        number of families (1..%d)
              --income-quarter Q  the income quarter the files describe, e.g. 2016Q1
              --seed S            random seed (same arguments -> byte-identical files)
              --output DIR        income-quarter folder to write (created; its seven files are overwritten)
              --regions LIST      KATO region codes, comma-separated (default: the pilot regions 11,31,63)
              --bad-rows K        inject K deliberately bad rows spread over the files (default 0)
            """.formatted(GeneratorOptions.MAX_FAMILIES);

    private QuarterGenerator() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The command line without {@code System.exit}: 0 done, 1 failed writing, 2 bad arguments. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        GeneratorOptions opts;
        try {
            opts = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        if (opts == null) {
            out.print(USAGE);
            return 0;
        }
        long t0 = System.nanoTime();
        GenerationReport report;
        try {
            report = generate(opts);
        } catch (UncheckedIOException e) {
            err.println("error: cannot write " + opts.output() + ": " + e.getCause().getMessage());
            return 1;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        printSummary(report, seconds, out);
        return 0;
    }

    static GeneratorOptions parse(String[] args) {
        Integer families = null;
        String quarter = null;
        Long seed = null;
        Path output = null;
        List<Integer> regions = GeneratorOptions.PILOT_REGIONS;
        int bad = 0;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                value = a.substring(eq + 1);
                a = a.substring(0, eq);
            }
            if (a.equals("--help") || a.equals("-h")) {
                return null;
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + a);
                }
                value = args[++i];
            }
            switch (a) {
                case "--families" -> families = parseInt(a, value);
                case "--income-quarter" -> quarter = value;
                case "--seed" -> seed = parseLong(a, value);
                case "--output" -> output = Path.of(value);
                case "--regions" -> regions = parseRegions(value);
                case "--bad-rows" -> bad = parseInt(a, value);
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (families == null || quarter == null || seed == null || output == null) {
            throw new IllegalArgumentException("--families, --income-quarter, --seed and --output are required");
        }
        return new GeneratorOptions(families, quarter, seed, output, regions, bad);
    }

    private static int parseInt(String option, String value) {
        try {
            return Integer.parseInt(value.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number: " + value);
        }
    }

    private static long parseLong(String option, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number: " + value);
        }
    }

    private static List<Integer> parseRegions(String value) {
        List<Integer> regions = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                regions.add(parseInt("--regions", part));
            }
        }
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("--regions is empty");
        }
        return regions;
    }

    /**
     * Writes the seven files of one income-quarter folder into {@code opts.output()}.
     *
     * @throws UncheckedIOException when a file cannot be written
     */
    public static GenerationReport generate(GeneratorOptions opts) {
        QuarterMonths q = QuarterMonths.parse(opts.incomeQuarter());
        int n = opts.families();
        int width = Math.max(7, Integer.toString(n).length());
        int[] regions = opts.regions().stream().mapToInt(Integer::intValue).toArray();
        SplittableRandom rnd = new SplittableRandom(opts.seed());
        HouseholdFactory factory = new HouseholdFactory(rnd, q, regions, width, opts.seed());
        int k = opts.badRows();
        try {
            Files.createDirectories(opts.output());
            long[] counts;
            List<BadRow> bad;
            try (QuarterFiles files = new QuarterFiles(opts.output())) {
                int j = 0; // next bad row to place
                for (int i = 1; i <= n; i++) {
                    Household h = factory.newHousehold(i, true);
                    factory.drawQuarterRows(h, q);
                    while (j < k && badRowFamily(j, k, n) == i) {
                        factory.injectBad(h, BadRowKind.INJECTED[j % BadRowKind.INJECTED.length], q);
                        j++;
                    }
                    files.write(h);
                }
                counts = files.rowCounts();
                bad = files.badRows();
            }
            QuarterFiles.writeSubsistenceMinimum(opts.output(), opts.regions(), q);
            return new GenerationReport(opts.output(), counts[0], counts[1], counts[2], counts[3], counts[4],
                    counts[5], bad);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Family index (1..n) that gets the j-th of k bad rows: evenly spread, in the middle of each stretch. */
    static int badRowFamily(int j, int k, int n) {
        return (int) ((2L * j + 1) * n / (2L * k)) + 1;
    }

    private static void printSummary(GenerationReport r, double seconds, PrintStream out) {
        out.printf(Locale.ROOT, "wrote %s in %.1f s%n", r.output(), seconds);
        String[][] rows = {
            {QuarterFiles.FAMILIES, Long.toString(r.families())},
            {QuarterFiles.MEMBERS, Long.toString(r.members())},
            {QuarterFiles.INCOMES, Long.toString(r.incomes())},
            {QuarterFiles.CONTRACTS, Long.toString(r.contracts())},
            {QuarterFiles.OBLIGATIONS, Long.toString(r.obligations())},
            {QuarterFiles.MONITORING, Long.toString(r.monitoring())},
            {QuarterFiles.SUBSISTENCE_MINIMUM, ""},
        };
        long total = 0;
        for (String[] row : rows) {
            long size = size(r.output().resolve(row[0]));
            total += size;
            out.printf(Locale.ROOT, "  %-24s %12s rows %10.1f MB%n", row[0], row[1], size / 1e6);
        }
        out.printf(Locale.ROOT, "  %-24s %12s      %10.1f MB%n", "total", "", total / 1e6);
        if (!r.badRows().isEmpty()) {
            out.printf(Locale.ROOT, "deliberately bad rows: %d%n", r.badRows().size());
            int shown = 0;
            for (BadRow b : r.badRows()) {
                if (shown++ == 60) {
                    out.printf(Locale.ROOT, "  ... %d more%n", r.badRows().size() - 60);
                    break;
                }
                out.printf(Locale.ROOT, "  %s line %d (%s): %s %s%n", b.file(), b.line(), b.familyId(), b.kind(),
                        b.value());
            }
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
