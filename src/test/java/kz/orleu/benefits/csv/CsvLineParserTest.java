package kz.orleu.benefits.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.opencsv.RFC4180ParserBuilder;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CsvLineParserTest {

    /** The fast split of lines without quotes must split exactly as OpenCSV's parser, which still reads the rest. */
    @Test
    void linesWithoutQuotesSplitAsOpenCsvSplitsThem() throws Exception {
        var openCsv = new RFC4180ParserBuilder().withSeparator(',').build();
        char[] alphabet = {',', ' ', '\t', 'a', 'Z', '1', 'Ә', 'ж', '\u00a0', ';', '\\', '\''};
        Random random = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder line = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                line.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String text = line.toString();
            assertThat(CsvLineParser.split(text)).as("«%s»", text).containsExactly(openCsv.parseLine(text));
        }
    }

    @Test
    void quoteCountDecidesWhetherARecordContinues() {
        assertThat(CsvLineParser.endsInsideQuotes("a,\"b")).isTrue();
        assertThat(CsvLineParser.endsInsideQuotes("a,\"b\"\"c\"")).isFalse();
        assertThat(CsvLineParser.endsInsideQuotes(new StringBuilder("\"x\n\"\"y"))).isTrue();
        assertThat(CsvLineParser.endsInsideQuotes("plain")).isFalse();
    }
}
