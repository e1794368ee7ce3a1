package kz.orleu.benefits.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Streams the records of one input file, restartable at the byte offset where the last committed chunk ended.
 * <p>
 * A record may span physical lines when a quoted field holds a line break (RFC 4180). When a quote never closes
 * within {@value #MAX_RECORD_LINES} lines, or the joined record has the wrong number of columns, only the first
 * physical line is reported as malformed and reading resumes at the line after it, so one stray quote cannot
 * swallow the rest of the file.
 */
public class CsvRecordReader implements ItemStreamReader<CsvRecord> {

    static final int MAX_RECORD_LINES = 20;
    /**
     * The longest physical line read, in bytes. The widest real row (a member with long names and a quoted
     * district) is well under a kilobyte, and 1 MiB leaves room for any text a district might paste into a cell;
     * what is longer is no row. The limit bounds what one line costs in memory (a 400 MB line without a line
     * break ran the job out of memory, and every restart again): such a line is rejected by its start and
     * reading goes on at the next line.
     */
    public static final int MAX_LINE_BYTES = 1 << 20;
    private static final String OFFSET = "offset";
    private static final String LINE = "line";
    private static final char BOM = '\uFEFF';

    private final CsvSource file;
    private final int maxLineBytes;
    private final String contextPrefix;
    private PhysicalLines lines;
    private CsvHeader header;
    private Map<String, Integer> positions;
    private final Deque<PhysicalLines.Line> lookahead = new ArrayDeque<>();
    private long blankLines;

    public CsvRecordReader(CsvSource file) {
        this(file, MAX_LINE_BYTES);
    }

    /** A reader with another line limit, so that tests can cross it without writing a megabyte per line. */
    CsvRecordReader(CsvSource file, int maxLineBytes) {
        this.file = file;
        this.maxLineBytes = maxLineBytes;
        this.contextPrefix = "csv." + file.name() + ".";
    }

    /**
     * The first line of a file as text, or null when the file is empty; read within the line limit, so a file
     * whose first line is longer is refused rather than read whole.
     */
    public static String headerLine(CsvSource source) throws IOException {
        try (PhysicalLines lines = new PhysicalLines(source, 0, 1, MAX_LINE_BYTES)) {
            PhysicalLines.Line first = lines.next();
            if (first != null && first.tooLong()) {
                throw new IOException("the header line is longer than " + MAX_LINE_BYTES + " bytes");
            }
            return first == null ? null : first.text();
        }
    }

    @Override
    public void open(ExecutionContext context) {
        try {
            lines = new PhysicalLines(file, 0, 1, maxLineBytes);
            PhysicalLines.Line first = lines.next();
            if (first == null) {
                throw new ItemStreamException(file.name() + ": the file is empty, it has no header line");
            }
            if (first.tooLong()) {
                throw new ItemStreamException(file.name() + ": the header line is longer than " + maxLineBytes
                        + " bytes");
            }
            header = CsvHeader.parse(first.text());
            positions = header.positions();
            if (context.containsKey(contextPrefix + OFFSET)) {
                long offset = context.getLong(contextPrefix + OFFSET);
                long line = context.getLong(contextPrefix + LINE);
                lines.close();
                lines = new PhysicalLines(file, offset, line, maxLineBytes);
            }
        } catch (IOException e) {
            throw new ItemStreamException("cannot open " + file, e);
        }
    }

    /** The execution-context key of the committed byte offset of a file's reader. */
    public static String offsetKey(String fileName) {
        return "csv." + fileName + "." + OFFSET;
    }

    public CsvHeader header() {
        return header;
    }

    public long blankLines() {
        return blankLines;
    }

    @Override
    public CsvRecord read() {
        try {
            PhysicalLines.Line first = nextLine();
            while (first != null && first.text().isBlank() && !first.hasNul() && !first.tooLong()) {
                blankLines++;
                first = nextLine();
            }
            if (first == null) {
                return null;
            }
            return recordStartingAt(first);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CsvRecord recordStartingAt(PhysicalLines.Line first) throws IOException {
        String text = stripBom(first.text());
        if (first.tooLong()) {
            return tooLong(first, text);
        }
        if (first.hasNul()) {
            return malformed(first, text, "the line contains a NUL byte");
        }
        if (!CsvLineParser.endsInsideQuotes(text)) {
            return rowOrMalformed(first, text);
        }
        StringBuilder joined = new StringBuilder(text);
        Deque<PhysicalLines.Line> continuation = new ArrayDeque<>();
        while (continuation.size() < MAX_RECORD_LINES - 1) {
            PhysicalLines.Line next = nextLine();
            if (next == null) {
                break;
            }
            continuation.addLast(next);
            if (next.tooLong()) {
                break;
            }
            joined.append('\n').append(next.text());
            if (!CsvLineParser.endsInsideQuotes(joined)) {
                String[] fields = CsvLineParser.split(joined.toString());
                if (fields.length == header.size() && continuation.stream().noneMatch(PhysicalLines.Line::hasNul)) {
                    return new CsvRecord.Row(first.number(), new FieldMap(positions, fields));
                }
                break;
            }
        }
        // Give the lines read ahead back: the record was only the first line, and it is malformed.
        while (!continuation.isEmpty()) {
            lookahead.addFirst(continuation.removeLast());
        }
        return malformed(first, text, "unbalanced double quote: the quoted field is not closed on this line");
    }

    private CsvRecord rowOrMalformed(PhysicalLines.Line line, String text) {
        String[] fields = CsvLineParser.split(text);
        if (fields.length != header.size()) {
            return malformed(line, text,
                    "expected " + header.size() + " columns as in the header, found " + fields.length);
        }
        return new CsvRecord.Row(line.number(), new FieldMap(positions, fields));
    }

    private CsvRecord malformed(PhysicalLines.Line line, String text, String message) {
        Map<String, String> guessed;
        try {
            String[] fields = CsvLineParser.split(text.replace("\0", ""));
            guessed = byColumn(fields);
        } catch (RuntimeException e) {
            guessed = Map.of();
        }
        return new CsvRecord.Malformed(line.number(), text, message, guessed);
    }

    /**
     * A line past the limit, known by its start: the columns complete in that start are read by position (the
     * last one is cut, so it is left out), so that the reject can still name the family the line belongs to.
     */
    private CsvRecord tooLong(PhysicalLines.Line line, String start) {
        Map<String, String> guessed;
        try {
            String[] fields = CsvLineParser.split(start.replace("\0", ""));
            guessed = byColumn(Arrays.copyOf(fields, Math.max(0, fields.length - 1)));
        } catch (RuntimeException e) {
            guessed = Map.of();
        }
        return new CsvRecord.Malformed(line.number(), start, "the line is " + line.length()
                + " bytes long, more than the " + maxLineBytes + " a line may have; only its start was read",
                guessed, true);
    }

    private Map<String, String> byColumn(String[] fields) {
        List<String> columns = header.columns();
        Map<String, String> values = new LinkedHashMap<>(columns.size() * 2);
        for (int i = 0; i < columns.size() && i < fields.length; i++) {
            values.putIfAbsent(columns.get(i), fields[i]);
        }
        return values;
    }

    private PhysicalLines.Line nextLine() throws IOException {
        return lookahead.isEmpty() ? lines.next() : lookahead.removeFirst();
    }

    private static String stripBom(String text) {
        return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
    }

    /** Where the next record starts: a restart after the records read so far opens the file there. */
    public record Position(long offset, long line) {
    }

    public Position position() {
        PhysicalLines.Line pending = lookahead.peekFirst();
        return pending != null ? new Position(pending.offset(), pending.number())
                : new Position(lines.offset(), lines.nextNumber());
    }

    @Override
    public void update(ExecutionContext context) {
        save(position(), context);
    }

    /** Records {@code position} in a step's execution context, where {@link #open} looks for it. */
    void save(Position position, ExecutionContext context) {
        context.putLong(contextPrefix + OFFSET, position.offset());
        context.putLong(contextPrefix + LINE, position.line());
    }

    @Override
    public void close() {
        try {
            if (lines != null) {
                lines.close();
            }
        } catch (IOException e) {
            throw new ItemStreamException("cannot close " + file, e);
        }
    }
}
