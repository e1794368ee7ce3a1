package kz.orleu.benefits.benchmark;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The Prometheus textfile a run leaves in its home ({@code metrics/benefits.prom}, documented in the README's
 * Monitoring section): how the benchmark learns what only the job's JVM could measure, its peak heap, and what
 * the job paid, without reading the product's tables.
 */
final class RunMetricsFile {

    private final Map<String, BigDecimal> series;

    private RunMetricsFile(Map<String, BigDecimal> series) {
        this.series = series;
    }

    /** The series of {@code file}, none if the run left no file. */
    static RunMetricsFile read(Path file) throws IOException {
        Map<String, BigDecimal> series = new HashMap<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                int space = line.lastIndexOf(' ');
                if (!line.startsWith("#") && space > 0) {
                    series.put(line.substring(0, space), new BigDecimal(line.substring(space + 1)));
                }
            }
        }
        return new RunMetricsFile(series);
    }

    long heapPeakBytes() {
        return value("benefits_jvm_heap_peak_bytes").longValue();
    }

    BigDecimal paidTenge(String benefit) {
        return value("benefits_paid_tenge{benefit=\"" + benefit + "\"}");
    }

    private BigDecimal value(String name) {
        return series.getOrDefault(name, BigDecimal.ZERO);
    }
}
