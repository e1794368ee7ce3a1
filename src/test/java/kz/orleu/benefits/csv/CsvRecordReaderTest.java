package kz.orleu.benefits.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;

/**
 * Reading input files ({@code contracts.md}): UTF-8 with a tolerated byte-order mark, RFC 4180 quoting, any line
 * end, every unusable line reported on its own physical line (the header is line 1), and restart exactly where the
 * last committed chunk ended.
 */
class CsvRecordReaderTest {

    private static final String HEADER = "family_id,last_name,amount\n";

    @TempDir
    Path folder;

    private final List<CsvRecordReader> opened = new ArrayList<>();

    @AfterEach
    void closeReaders() {
        opened.forEach(CsvRecordReader::close);
    }

    // ---------------------------------------------------------------- encoding and line ends

    @Test
    void byteOrderMarkBeforeTheHeaderIsTolerated() throws IOException {
        // families.csv of the examples starts with EF BB BF
        CsvRecordReader reader = open(write("\uFEFF" + HEADER + "F000001,Қасенов,15000\n"));

        assertThat(reader.header().columns()).containsExactly("family_id", "last_name", "amount");
        assertThat(row(reader.read())).satisfies(r -> {
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.get("family_id")).isEqualTo("F000001");
        });
    }

    @Test
    void crlfLineEndsAreNotPartOfTheValues() throws IOException {
        // incomes.csv of the examples has CRLF line ends
        CsvRecordReader reader = open(write("family_id,last_name,amount\r\nF1,Ким,100\r\nF2,Ли,200\r\n"));

        CsvRecord.Row first = row(reader.read());
        CsvRecord.Row second = row(reader.read());

        assertThat(first.values().get("amount")).isEqualTo("100");
        assertThat(first.line()).isEqualTo(2);
        assertThat(second.values().get("amount")).isEqualTo("200");
        assertThat(second.line()).isEqualTo(3);
        assertThat(reader.read()).isNull();
    }

    @Test
    void mixedLineEndsAreEachOneLine() throws IOException {
        // LF, CRLF and a lone CR in one file: three records on lines 2, 3 and 4
        CsvRecordReader reader = open(write(HEADER + "F1,A,1\r\nF2,B,2\rF3,C,3\nF4,D,4"));

        assertThat(readAll(reader)).extracting(CsvRecord::line).containsExactly(2L, 3L, 4L, 5L);
    }

    @Test
    void lastLineWithoutALineEndIsRead() throws IOException {
        CsvRecordReader reader = open(write(HEADER + "F1,A,1"));

        assertThat(row(reader.read()).get("amount")).isEqualTo("1");
        assertThat(reader.read()).isNull();
    }

    @Test
    void headerOnlyFileHasNoRecords() throws IOException {
        assertThat(open(write(HEADER)).read()).isNull();
    }

    @Test
    void emptyFileCannotBeOpened() throws IOException {
        CsvRecordReader reader = new CsvRecordReader(CsvSource.of(write("")));
        opened.add(reader);

        assertThatThrownBy(() -> reader.open(new ExecutionContext())).isInstanceOf(ItemStreamException.class)
                .hasMessageContaining("header");
    }

    // ---------------------------------------------------------------- RFC 4180 quoting

    @Test
    void quotedFieldsMayHoldCommasAndDoubledQuotes() throws IOException {
        // names of the examples: "Ахметов, мл." and "Олег ""Алик"""
        CsvRecordReader reader = open(write(HEADER + "F000007,\"Ахметов, мл.\",100\nF000008,\"Олег \"\"Алик\"\"\",200\n"));

        CsvRecord.Row first = row(reader.read());
        CsvRecord.Row second = row(reader.read());

        assertThat(first.get("last_name")).isEqualTo("Ахметов, мл.");
        assertThat(first.get("amount")).isEqualTo("100");
        assertThat(second.get("last_name")).isEqualTo("Олег \"Алик\"");
    }

    @Test
    void quotedFieldMayHoldALineBreakAndTheRecordStartsOnItsFirstLine() throws IOException {
        // record on lines 2-3; the next one starts on line 4
        CsvRecordReader reader = open(write(HEADER + "F1,\"Ким\nЛи\",100\nF2,Пак,200\n"));

        CsvRecord.Row first = row(reader.read());
        CsvRecord.Row second = row(reader.read());

        assertThat(first.line()).isEqualTo(2);
        assertThat(first.get("last_name")).isEqualTo("Ким\nЛи");
        assertThat(first.get("amount")).isEqualTo("100");
        assertThat(second.line()).isEqualTo(4);
        assertThat(second.get("family_id")).isEqualTo("F2");
    }

    @Test
    void quotedFieldMayHoldACrlfLineBreak() throws IOException {
        CsvRecordReader reader = open(write("family_id,last_name,amount\r\nF1,\"Ким\r\nЛи\",100\r\nF2,Пак,200\r\n"));

        CsvRecord.Row first = row(reader.read());

        assertThat(first.get("last_name")).startsWith("Ким").endsWith("Ли").doesNotContain("\r\r");
        assertThat(row(reader.read()).line()).isEqualTo(4);
    }

    @Test
    void emptyAndBlankValuesReadAsNull() throws IOException {
        CsvRecordReader reader = open(write(HEADER + "F1,\"\",  \n"));

        CsvRecord.Row row = row(reader.read());

        assertThat(row.get("last_name")).isNull();
        assertThat(row.get("amount")).isNull();
        assertThat(row.get("family_id")).isEqualTo("F1");
    }

    // ---------------------------------------------------------------- malformed lines

    @Test
    void unbalancedQuoteIsMalformedOnItsOwnLineAndReadingContinuesAtTheNextLine() throws IOException {
        // line 2 opens a quote that never closes: only line 2 is malformed, lines 3 and 4 are rows
        CsvRecordReader reader = open(write(HEADER + "F1,\"Ким,100\nF2,Пак,200\nF3,Ли,300\n"));

        CsvRecord first = reader.read();
        assertThat(first).isInstanceOf(CsvRecord.Malformed.class);
        assertThat(first.line()).isEqualTo(2);
        assertThat(((CsvRecord.Malformed) first).message()).contains("quote");
        assertThat(((CsvRecord.Malformed) first).text()).isEqualTo("F1,\"Ким,100");

        assertThat(row(reader.read())).satisfies(r -> {
            assertThat(r.line()).isEqualTo(3);
            assertThat(r.get("family_id")).isEqualTo("F2");
        });
        assertThat(row(reader.read()).line()).isEqualTo(4);
        assertThat(reader.read()).isNull();
    }

    @Test
    void unbalancedQuoteClosedByAnotherStrayQuoteStillReportsOnlyItsOwnLine() throws IOException {
        // lines 2 and 4 each hold one stray quote; joining 2-4 balances the quotes but gives the wrong columns
        CsvRecordReader reader = open(write(HEADER + "F1,Ки\"м,100\nF2,Пак,200\nF3,Л\"и,300\nF4,Цой,400\n"));

        List<CsvRecord> records = readAll(reader);

        assertThat(records).extracting(CsvRecord::line).containsExactly(2L, 3L, 4L, 5L);
        assertThat(records.get(0)).isInstanceOf(CsvRecord.Malformed.class);
        assertThat(records.get(1)).isInstanceOf(CsvRecord.Row.class);
        assertThat(records.get(3)).isInstanceOf(CsvRecord.Row.class);
    }

    @Test
    void lineWithTooFewColumnsIsMalformedButNamesItsFamily() throws IOException {
        CsvRecordReader reader = open(write(HEADER + "F1,Ким\nF2,Пак,200\n"));

        CsvRecord first = reader.read();

        assertThat(first).isInstanceOf(CsvRecord.Malformed.class);
        assertThat(first.line()).isEqualTo(2);
        assertThat(((CsvRecord.Malformed) first).message()).contains("expected 3 columns");
        assertThat(((CsvRecord.Malformed) first).guessedValues()).containsEntry("family_id", "F1");
        assertThat(row(reader.read()).line()).isEqualTo(3);
    }

    @Test
    void lineWithTooManyColumnsIsMalformed() throws IOException {
        CsvRecordReader reader = open(write(HEADER + "F1,Ким,100,extra\n"));

        assertThat(reader.read()).isInstanceOf(CsvRecord.Malformed.class);
    }

    @Test
    void lineWithANulByteIsMalformedAndTheNextLineIsRead() throws IOException {
        CsvRecordReader reader = open(write(HEADER + "F1,Ки\0м,100\nF2,Пак,200\n"));

        CsvRecord first = reader.read();

        assertThat(first).isInstanceOf(CsvRecord.Malformed.class);
        assertThat(first.line()).isEqualTo(2);
        assertThat(((CsvRecord.Malformed) first).message()).contains("NUL");
        assertThat(row(reader.read()).get("family_id")).isEqualTo("F2");
    }

    @Test
    void nulByteInsideAQuotedMultiLineFieldMakesOnlyTheFirstLineMalformed() throws IOException {
        // line 2 opens a quote, line 3 holds a NUL and closes it: line 2 malformed, line 3 malformed (NUL), line 4 row
        CsvRecordReader reader = open(write(HEADER + "F1,\"Ким\nЛи\0\",100\nF2,Пак,200\n"));

        List<CsvRecord> records = readAll(reader);

        assertThat(records).extracting(CsvRecord::line).containsExactly(2L, 3L, 4L);
        assertThat(records.get(0)).isInstanceOf(CsvRecord.Malformed.class);
        assertThat(records.get(1)).isInstanceOf(CsvRecord.Malformed.class);
        assertThat(records.get(2)).isInstanceOf(CsvRecord.Row.class);
    }

    @Test
    void blankLinesAreSkippedAndCounted() throws IOException {
        CsvRecordReader reader = open(write(HEADER + "\nF1,Ким,100\n   \n\r\nF2,Пак,200\n"));

        List<CsvRecord> records = readAll(reader);

        assertThat(records).extracting(CsvRecord::line).containsExactly(3L, 6L);
        assertThat(records).allMatch(r -> r instanceof CsvRecord.Row);
        assertThat(reader.blankLines()).isEqualTo(3);
    }

    // ---------------------------------------------------------------- restart

    @Test
    void restartContinuesExactlyAtTheNextRecord() throws IOException {
        // Cyrillic (2 bytes a letter) after a byte-order mark, CRLF: the saved position must be a byte offset
        Path file = write("\uFEFFfamily_id,last_name,amount\r\nF1,Қасенов,1\r\nF2,Әбілов,2\r\nF3,Нұрғалиев,3\r\n"
                + "F4,Ыбырай,4\r\n");
        CsvRecordReader first = open(file);
        assertThat(row(first.read()).get("family_id")).isEqualTo("F1");
        assertThat(row(first.read()).get("family_id")).isEqualTo("F2");
        ExecutionContext context = new ExecutionContext();
        first.update(context);
        first.close();

        CsvRecordReader restarted = open(file, context);
        CsvRecord.Row third = row(restarted.read());

        assertThat(third.get("family_id")).isEqualTo("F3");
        assertThat(third.get("last_name")).isEqualTo("Нұрғалиев");
        assertThat(third.line()).isEqualTo(4);
        assertThat(row(restarted.read()).line()).isEqualTo(5);
        assertThat(restarted.read()).isNull();
        assertThat(restarted.header().columns()).containsExactly("family_id", "last_name", "amount");
    }

    @Test
    void restartAfterAMultiLineRecordContinuesAfterItsLastLine() throws IOException {
        Path file = write(HEADER + "F1,\"Ким\nЛи\",1\nF2,Пак,2\n");
        CsvRecordReader first = open(file);
        assertThat(row(first.read()).line()).isEqualTo(2);
        ExecutionContext context = new ExecutionContext();
        first.update(context);
        first.close();

        CsvRecord.Row next = row(open(file, context).read());

        assertThat(next.get("family_id")).isEqualTo("F2");
        assertThat(next.line()).isEqualTo(4);
    }

    @Test
    void restartAfterAnUnbalancedQuoteContinuesAtTheLineAfterIt() throws IOException {
        // the reader looked ahead over lines 3-4 to find the closing quote and gave them back: they must not be lost
        Path file = write(HEADER + "F1,\"Ким,1\nF2,Пак,2\nF3,Ли,3\n");
        CsvRecordReader first = open(file);
        assertThat(first.read()).isInstanceOf(CsvRecord.Malformed.class);
        ExecutionContext context = new ExecutionContext();
        first.update(context);
        first.close();

        CsvRecordReader restarted = open(file, context);

        assertThat(row(restarted.read())).satisfies(r -> {
            assertThat(r.get("family_id")).isEqualTo("F2");
            assertThat(r.line()).isEqualTo(3);
        });
        assertThat(row(restarted.read()).line()).isEqualTo(4);
        assertThat(restarted.read()).isNull();
    }

    @Test
    void restartBeforeAnyRecordStartsAtTheFirstRecord() throws IOException {
        Path file = write(HEADER + "F1,Ким,1\n");
        CsvRecordReader first = open(file);
        ExecutionContext context = new ExecutionContext();
        first.update(context);
        first.close();

        assertThat(row(open(file, context).read()).line()).isEqualTo(2);
    }

    @Test
    void restartAfterTheLastRecordReadsNothingMore() throws IOException {
        // a step that failed after its last chunk was committed must not read the last record twice
        Path file = write(HEADER + "F1,Ким,1\nF2,Пак,2\n");
        CsvRecordReader first = open(file);
        readAll(first);
        ExecutionContext context = new ExecutionContext();
        first.update(context);
        first.close();

        assertThat(open(file, context).read()).isNull();
    }

    @Test
    void freshContextReadsFromTheStart() throws IOException {
        // a context without this file's keys (another file's step) does not move the reader
        Path file = write(HEADER + "F1,Ким,1\nF2,Пак,2\n");
        ExecutionContext other = new ExecutionContext();
        other.putLong("csv.other.csv.offset", 999);

        assertThat(row(open(file, other).read()).get("family_id")).isEqualTo("F1");
    }

    // ---------------------------------------------------------------- lines past the limit

    @Test
    void lineLongerThanTheLimitIsRejectedByItsStartAndTheNextLineIsRead() throws IOException {
        // a line three times the real limit, streamed to disk: before, the whole line was read into memory
        // (a 400 MB one ran the job out of memory)
        long length = 3L * CsvRecordReader.MAX_LINE_BYTES;
        Path file = writeWithLongLine("F3,Ли,", length, "F4,Ким,4\n");

        CsvRecordReader reader = open(file);
        assertThat(row(reader.read()).get("family_id")).isEqualTo("F1");
        CsvRecord third = reader.read();

        assertThat(third).isInstanceOf(CsvRecord.Malformed.class);
        CsvRecord.Malformed tooLong = (CsvRecord.Malformed) third;
        assertThat(tooLong.tooLong()).isTrue();
        assertThat(tooLong.line()).isEqualTo(3);
        long lineBytes = "F3,Ли,".getBytes(StandardCharsets.UTF_8).length + length;
        assertThat(tooLong.message()).contains(lineBytes + " bytes long", CsvRecordReader.MAX_LINE_BYTES + "");
        assertThat(tooLong.text()).startsWith("F3,Ли,1111").hasSizeLessThanOrEqualTo(PhysicalLines.KEPT_OF_LONG_LINE);
        assertThat(tooLong.guessedValues()).containsEntry("family_id", "F3").containsEntry("last_name", "Ли")
                .doesNotContainKey("amount");
        assertThat(row(reader.read())).satisfies(r -> {
            assertThat(r.get("family_id")).isEqualTo("F4");
            assertThat(r.line()).isEqualTo(4);
        });
        assertThat(reader.read()).isNull();
    }

    @Test
    void lineOfExactlyTheLimitIsStillReadWhole() throws IOException {
        // "F1,A," and 25 digits: 30 bytes at a limit of 30; one digit more is past it
        CsvRecordReader reader = open(write(HEADER + "F1,A," + "1".repeat(25) + "\nF2,B," + "1".repeat(26) + "\n"), 30);

        assertThat(row(reader.read()).get("amount")).hasSize(25);
        assertThat(((CsvRecord.Malformed) reader.read()).tooLong()).isTrue();
    }

    @Test
    void startOfAnOverLongLineIsNotCutInsideACharacter() throws IOException {
        // Cyrillic letters are two bytes each: the kept start ends on a whole letter
        String longName = "Ж".repeat(PhysicalLines.KEPT_OF_LONG_LINE);
        CsvRecordReader reader = open(write(HEADER + "F1,Ж" + longName + ",1\n"), 100);

        CsvRecord.Malformed tooLong = (CsvRecord.Malformed) reader.read();

        assertThat(tooLong.text()).doesNotContain("\uFFFD").startsWith("F1,ЖЖ");
    }

    @Test
    void quotedFieldRunningIntoAnOverLongLineLeavesThatLineToItsOwnReject() throws IOException {
        CsvRecordReader reader = open(write(HEADER + "F1,\"Ким,1\nF2,Пак," + "9".repeat(200) + "\"\nF3,Ли,3\n"), 100);

        List<CsvRecord> records = readAll(reader);

        assertThat(records).extracting(CsvRecord::line).containsExactly(2L, 3L, 4L);
        assertThat(((CsvRecord.Malformed) records.get(0)).tooLong()).isFalse();
        assertThat(((CsvRecord.Malformed) records.get(1)).tooLong()).isTrue();
        assertThat(row(records.get(2)).get("family_id")).isEqualTo("F3");
    }

    @Test
    void restartAfterAnOverLongLineContinuesAtTheLineAfterIt() throws IOException {
        Path file = write(HEADER + "F1,Ким," + "1".repeat(500) + "\nF2,Пак,2\n");
        CsvRecordReader first = open(file, 100);
        assertThat(((CsvRecord.Malformed) first.read()).tooLong()).isTrue();
        ExecutionContext context = new ExecutionContext();
        first.update(context);
        first.close();

        CsvRecordReader restarted = new CsvRecordReader(CsvSource.of(file), 100);
        opened.add(restarted);
        restarted.open(context);

        assertThat(row(restarted.read())).satisfies(r -> {
            assertThat(r.get("family_id")).isEqualTo("F2");
            assertThat(r.line()).isEqualTo(3);
        });
    }

    @Test
    void headerLongerThanTheLimitIsNoHeader() throws IOException {
        Path file = write("family_id," + "x".repeat(200) + "\nF1,1\n");
        CsvRecordReader reader = new CsvRecordReader(CsvSource.of(file), 100);
        opened.add(reader);

        assertThatThrownBy(() -> reader.open(new ExecutionContext())).isInstanceOf(ItemStreamException.class)
                .hasMessageContaining("header line is longer than 100 bytes");
    }

    // ---------------------------------------------------------------- fixtures

    private Path write(String content) throws IOException {
        Path file = folder.resolve("incomes-" + System.nanoTime() + ".csv");
        Files.write(file, content.getBytes(StandardCharsets.UTF_8));
        return file;
    }

    private CsvRecordReader open(Path file) {
        return open(file, new ExecutionContext());
    }

    private CsvRecordReader open(Path file, int maxLineBytes) {
        CsvRecordReader reader = new CsvRecordReader(CsvSource.of(file), maxLineBytes);
        opened.add(reader);
        reader.open(new ExecutionContext());
        return reader;
    }

    /** A file with a valid first row, then {@code start} followed by {@code digits} 1s, then {@code rest}. */
    private Path writeWithLongLine(String start, long digits, String rest) throws IOException {
        Path file = folder.resolve("incomes-long.csv");
        byte[] block = "1".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
            out.write((HEADER + "F1,Ким,1\n" + start).getBytes(StandardCharsets.UTF_8));
            for (long left = digits; left > 0; left -= block.length) {
                out.write(block, 0, (int) Math.min(block.length, left));
            }
            out.write(("\n" + rest).getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private CsvRecordReader open(Path file, ExecutionContext context) {
        CsvRecordReader reader = new CsvRecordReader(CsvSource.of(file));
        opened.add(reader);
        reader.open(context);
        return reader;
    }

    private static List<CsvRecord> readAll(CsvRecordReader reader) {
        List<CsvRecord> records = new ArrayList<>();
        for (CsvRecord r = reader.read(); r != null; r = reader.read()) {
            records.add(r);
        }
        return records;
    }

    private static CsvRecord.Row row(CsvRecord record) {
        assertThat(record).as("a well-formed row").isInstanceOf(CsvRecord.Row.class);
        return (CsvRecord.Row) record;
    }
}
