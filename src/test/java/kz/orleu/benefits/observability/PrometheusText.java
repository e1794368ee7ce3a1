package kz.orleu.benefits.observability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Prometheus text exposition read the way a collector reads it: every sample as {@code name{labels}} to its
 * value, and every sample's metric declared by a {@code # TYPE} line before it (node exporter rejects a file
 * otherwise).
 */
final class PrometheusText {

    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? (\\S+)");

    final Map<String, Double> samples = new LinkedHashMap<>();
    final String text;

    private PrometheusText(String text) {
        this.text = text;
        java.util.Set<String> typed = new java.util.HashSet<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                typed.add(line.split(" ")[2]);
                continue;
            }
            if (line.startsWith("#") || line.isEmpty()) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches()) {
                throw new AssertionError("not a sample line: " + line);
            }
            if (!typed.contains(m.group(1))) {
                throw new AssertionError("sample before its # TYPE line: " + line);
            }
            samples.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(3)));
        }
    }

    static PrometheusText parse(String text) {
        return new PrometheusText(text);
    }

    static PrometheusText read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    /** The value of one sample, failing when it is absent. */
    double value(String sample) {
        Double value = samples.get(sample);
        if (value == null) {
            throw new AssertionError("no sample " + sample + " in:\n" + text);
        }
        return value;
    }

    boolean has(String metricName) {
        return samples.keySet().stream().anyMatch(s -> s.equals(metricName) || s.startsWith(metricName + "{"));
    }
}
