package kz.orleu.benefits.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A strict little RFC 4180 reader for the tests: one record per physical line, as the generator writes them. */
final class CsvFiles {

    private CsvFiles() {
    }

    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        f.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                if (f.length() != 0) {
                    throw new IllegalArgumentException("quote inside an unquoted field: " + line);
                }
                quoted = true;
            } else if (c == ',') {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quote: " + line);
        }
        out.add(f.toString());
        return out;
    }

    /** The data rows as maps by header name; each record must be one line with as many fields as the header. */
    static List<Map<String, String>> rows(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = fields(lines.get(0));
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> f = fields(lines.get(i));
            if (f.size() != header.size()) {
                throw new IllegalArgumentException(file.getFileName() + " line " + (i + 1) + ": " + f.size()
                        + " fields, header has " + header.size());
            }
            Map<String, String> row = new HashMap<>();
            for (int j = 0; j < header.size(); j++) {
                row.put(header.get(j), f.get(j));
            }
            rows.add(row);
        }
        return rows;
    }
}
