package kz.orleu.benefits.statistics;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.orleu.benefits.output.OutputFiles;
import kz.orleu.benefits.quarter.Quarter;

/**
 * {@code statistics.csv}: every number of the workbook as one observation per row, tidy, UTF-8, in the columns
 * of SDMX-CSV 2.0 less its structure columns ({@code jobs/statistics-codes.md}). It is written from the cells the
 * sheets laid out, after suppression, so a suppressed cell is an empty value with {@code obs_status} {@code C}
 * and the hidden number is never at hand to be written. A number shown on two sheets is one observation.
 */
final class StatisticsCsv {

    static final String FILE_NAME = "statistics.csv";
    static final List<String> COLUMNS = List.of("quarter", "region_code", "measure", "breakdown", "value", "unit",
            "obs_status", "label_kk", "label_ru", "label_en");

    /** SDMX {@code OBS_STATUS}: A normal, C confidential (suppressed), M missing because it cannot exist. */
    static final String NORMAL = "A";
    static final String CONFIDENTIAL = "C";
    static final String NOT_APPLICABLE = "M";

    private StatisticsCsv() {
    }

    /** One row of the file. */
    record Row(String quarter, Value.Observation key, String value, String status) {
    }

    /**
     * The rows, the earlier quarters of the Trends sheet first and each quarter in the order its cells were laid
     * out. The Trends sheet's cells of the run's own quarter are the same observations as the other sheets' (one
     * row each), so the check below also proves that Trends shows this quarter as the other sheets do.
     */
    static List<Row> rows(Quarter quarter, List<Value> observations) {
        Map<Value.Observation, Row> rows = new LinkedHashMap<>();
        for (Value cell : observations) {
            Value.Observation key = cell.observation().in(quarter);
            Row row = new Row(key.quarter().toString(), key, valueOf(cell), statusOf(cell));
            Row earlier = rows.putIfAbsent(key, row);
            if (earlier != null && !earlier.equals(row)) {
                // two sheets showing one number differently would be a fault of the layout, never to be published
                throw new IllegalStateException("observation " + key + " is " + earlier.value() + "/"
                        + earlier.status() + " on one sheet and " + row.value() + "/" + row.status() + " on another");
            }
        }
        List<Row> ordered = new ArrayList<>(rows.values());
        ordered.sort(java.util.Comparator.comparing(row -> row.key().quarter())); // stable: layout order kept
        return ordered;
    }

    static void write(Quarter quarter, List<RegionLine> lines, List<Value> observations, Path file)
            throws IOException {
        Map<String, RegionLine> regions = new HashMap<>();
        lines.forEach(line -> regions.put(line.statisticsCode(), line));
        Map<Language, Messages> languages = new LinkedHashMap<>();
        for (Language language : List.of(Language.KK, Language.RU, Language.EN)) {
            languages.put(language, Messages.of(language));
        }
        try (Writer out = new BufferedWriter(new OutputStreamWriter(OutputFiles.newFile(file),
                StandardCharsets.UTF_8))) {
            out.write(String.join(",", COLUMNS));
            out.write('\n');
            for (Row row : rows(quarter, observations)) {
                Value.Observation key = row.key();
                List<String> fields = new ArrayList<>(List.of(row.quarter(), text(key.region()),
                        key.measure().name(), text(key.breakdown()), row.value(), key.measure().unit().name(),
                        row.status()));
                for (Messages m : languages.values()) {
                    fields.add(text(label(key, regions.get(key.region()), m)));
                }
                out.write(String.join(",", fields.stream().map(StatisticsCsv::quote).toList()));
                out.write('\n');
            }
        }
    }

    /** "Recipient families: CCA — Akmola region" in the language of {@code m}. */
    static String label(Value.Observation key, RegionLine region, Messages m) {
        List<String> parts = new ArrayList<>();
        for (String code : key.breakdown().split("\\.")) {
            if (!m.has("breakdown." + code) && !code.equals("TOTAL")) {
                // a file name (rows of the input files): shown as it is, not cut at its dots
                parts = new ArrayList<>(List.of(key.breakdown()));
                break;
            }
            if (!code.equals("TOTAL")) {
                parts.add(m.text("breakdown." + code));
            }
        }
        String label = m.text("measure." + key.measure().name());
        if (!parts.isEmpty()) {
            label += ": " + String.join(", ", parts);
        }
        return region == null ? label : label + " — " + region.name(m.language().code());
    }

    private static String valueOf(Value cell) {
        if (!cell.isNumber()) {
            return "";
        }
        if (cell.kind() == Value.Kind.COUNT) {
            return Long.toString((long) cell.number());
        }
        return BigDecimal.valueOf(cell.number()).stripTrailingZeros().toPlainString();
    }

    private static String statusOf(Value cell) {
        return switch (cell.kind()) {
            case SUPPRESSED -> CONFIDENTIAL;
            case NOT_APPLICABLE -> NOT_APPLICABLE;
            default -> NORMAL;
        };
    }

    /** Text from the input (region names) that a spreadsheet would run as a formula gets a leading quote. */
    private static String text(String value) {
        return value.matches("(?s)^[=+@\t\r-].*") ? "'" + value : value;
    }

    private static String quote(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }
}
