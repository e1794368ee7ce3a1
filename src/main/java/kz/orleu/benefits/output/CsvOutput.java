package kz.orleu.benefits.output;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An output CSV file: UTF-8, comma-separated, RFC 4180 quoting where needed, LF line ends. Text that a
 * spreadsheet would run as a formula (starting with {@code = + - @}) is neutralised with a leading apostrophe;
 * numbers are written as numbers.
 */
final class CsvOutput implements AutoCloseable {

    private final ICSVWriter writer;

    CsvOutput(Path file, String... header) throws IOException {
        Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        this.writer = new CSVWriterBuilder(out).withLineEnd("\n").build();
        writer.writeNext(header, false);
    }

    /** Writes a row; {@link String} values are text cells, everything else is written as is (numbers, codes). */
    void row(Object... values) {
        String[] cells = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            cells[i] = cell(values[i]);
        }
        writer.writeNext(cells, false);
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof java.math.BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof String text) {
            return neutralise(text);
        }
        return value.toString();
    }

    static String neutralise(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
