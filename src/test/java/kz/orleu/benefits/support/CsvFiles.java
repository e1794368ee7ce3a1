package kz.orleu.benefits.support;

import com.opencsv.CSVReaderHeaderAware;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a CSV file with a header into rows by column name (a byte-order mark is skipped). */
public final class CsvFiles {

    private CsvFiles() {
    }

    public static List<Map<String, String>> read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            CSVReaderHeaderAware csv = new CSVReaderHeaderAware(reader);
            List<Map<String, String>> rows = new ArrayList<>();
            for (Map<String, String> row = csv.readMap(); row != null; row = csv.readMap()) {
                rows.add(row);
            }
            return rows;
        } catch (IOException | com.opencsv.exceptions.CsvValidationException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
