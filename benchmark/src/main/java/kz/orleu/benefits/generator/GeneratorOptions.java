package kz.orleu.benefits.generator;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link QuarterGenerator} should produce.
 *
 * @param families      number of families (at least 1)
 * @param incomeQuarter income quarter, e.g. {@code 2016Q1}
 * @param seed          random seed: the same options give byte-identical files
 * @param output        the income-quarter folder to write (created if missing; files in it are overwritten)
 * @param regions       first-level KATO region codes the families are spread over
 * @param badRows       number of deliberately bad rows to inject, spread over the files (0 for clean files)
 */
public record GeneratorOptions(int families, String incomeQuarter, long seed, Path output, List<Integer> regions,
                               int badRows) {

    /** The three pilot regions: Akmola, Zhambyl, East Kazakhstan. */
    public static final List<Integer> PILOT_REGIONS = List.of(11, 31, 63);

    public static final int MAX_FAMILIES = 20_000_000;

    public GeneratorOptions {
        if (families < 1 || families > MAX_FAMILIES) {
            throw new IllegalArgumentException("--families must be between 1 and " + MAX_FAMILIES + ": " + families);
        }
        QuarterMonths.parse(incomeQuarter);
        if (output == null) {
            throw new IllegalArgumentException("--output is required");
        }
        regions = List.copyOf(regions == null || regions.isEmpty() ? PILOT_REGIONS : regions);
        for (int r : regions) {
            if (r < 1 || r > 98) {
                throw new IllegalArgumentException("region codes are two-digit KATO codes: " + r);
            }
        }
        if (regions.stream().distinct().count() != regions.size()) {
            throw new IllegalArgumentException("--regions lists a region twice: " + regions);
        }
        if (badRows < 0) {
            throw new IllegalArgumentException("--bad-rows must not be negative: " + badRows);
        }
    }

    public static GeneratorOptions of(int families, String incomeQuarter, long seed, Path output) {
        return new GeneratorOptions(families, incomeQuarter, seed, output, PILOT_REGIONS, 0);
    }

    public GeneratorOptions withBadRows(int k) {
        return new GeneratorOptions(families, incomeQuarter, seed, output, regions, k);
    }

    public GeneratorOptions withRegions(List<Integer> r) {
        return new GeneratorOptions(families, incomeQuarter, seed, output, r, badRows);
    }
}
