package kz.orleu.benefits.csv;

import com.opencsv.RFC4180Parser;
import com.opencsv.RFC4180ParserBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;

/** RFC 4180 field splitting of one complete record, by OpenCSV's parser. */
final class CsvLineParser {

    private CsvLineParser() {
    }

    static String[] split(String record) {
        RFC4180Parser parser = new RFC4180ParserBuilder().withSeparator(',').build();
        try {
            String[] fields = parser.parseLine(record);
            return fields == null ? new String[0] : fields;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * True when the text ends inside a quoted field. With RFC 4180 quoting every closed quoted field holds an
     * even number of quote characters, so an odd count means the record continues on the next physical line.
     */
    static boolean endsInsideQuotes(CharSequence text) {
        int quotes = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '"') {
                quotes++;
            }
        }
        return quotes % 2 == 1;
    }
}
