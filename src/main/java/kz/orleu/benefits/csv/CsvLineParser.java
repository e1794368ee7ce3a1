package kz.orleu.benefits.csv;

import com.opencsv.RFC4180Parser;
import com.opencsv.RFC4180ParserBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;

/** RFC 4180 field splitting of one complete record: at commas when it has no quote, else by OpenCSV's parser. */
final class CsvLineParser {

    private CsvLineParser() {
    }

    static String[] split(String record) {
        if (record.indexOf('"') < 0) {
            return splitUnquoted(record);
        }
        RFC4180Parser parser = new RFC4180ParserBuilder().withSeparator(',').build();
        try {
            String[] fields = parser.parseLine(record);
            return fields == null ? new String[0] : fields;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A record without quotes, split at every comma as OpenCSV's RFC 4180 parser splits it (every field kept, also
     * empty ones at the end), without its per-line set-up: nearly every row of a large file takes this path.
     */
    static String[] splitUnquoted(String record) {
        int count = 1;
        for (int i = record.indexOf(','); i >= 0; i = record.indexOf(',', i + 1)) {
            count++;
        }
        String[] fields = new String[count];
        int start = 0;
        for (int f = 0; f < count - 1; f++) {
            int comma = record.indexOf(',', start);
            fields[f] = record.substring(start, comma);
            start = comma + 1;
        }
        fields[count - 1] = record.substring(start);
        return fields;
    }

    /**
     * True when the text ends inside a quoted field. With RFC 4180 quoting every closed quoted field holds an
     * even number of quote characters, so an odd count means the record continues on the next physical line.
     */
    static boolean endsInsideQuotes(CharSequence text) {
        if (text instanceof String string) {
            boolean inside = false;
            for (int i = string.indexOf('"'); i >= 0; i = string.indexOf('"', i + 1)) {
                inside = !inside;
            }
            return inside;
        }
        int quotes = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '"') {
                quotes++;
            }
        }
        return quotes % 2 == 1;
    }
}
