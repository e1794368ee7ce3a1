package kz.orleu.benefits.csv;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a file as physical lines (ended by LF, CRLF or a lone CR), keeping the byte offset of every line so that
 * a restarted step can seek straight back to where its last committed chunk ended. A line longer than the limit
 * is not held in memory: its first bytes are kept, the rest is counted and passed over.
 */
final class PhysicalLines implements Closeable {

    /**
     * One physical line: its 1-based number, the byte offset of its first byte, its text without terminator and
     * its length in bytes. For a line longer than the limit the text is only its first {@value #KEPT_OF_LONG_LINE}
     * bytes (cut at a character boundary).
     */
    record Line(long number, long offset, String text, boolean hasNul, long length, boolean tooLong) {
    }

    private static final int BUFFER = 1 << 16;
    /** Enough of an over-long line to name its family by position and to show the operator what it was. */
    static final int KEPT_OF_LONG_LINE = 4096;

    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER];
    private int position;
    private int limit;
    private long offset;
    private long nextNumber;
    private final ByteArrayOutputStream current = new ByteArrayOutputStream(256);
    private final int maxLineBytes;

    PhysicalLines(CsvSource source, long startOffset, long startLineNumber, int maxLineBytes) throws IOException {
        this.in = source.open(startOffset);
        this.offset = startOffset;
        this.nextNumber = startLineNumber;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next physical line, or null at the end of the file. */
    Line next() throws IOException {
        current.reset();
        long start = offset;
        long length = 0;
        boolean nul = false;
        boolean any = false;
        while (true) {
            int b = read();
            if (b < 0) {
                if (!any) {
                    return null;
                }
                break;
            }
            any = true;
            if (b == '\n') {
                break;
            }
            if (b == '\r') {
                if (peek() == '\n') {
                    read();
                }
                break;
            }
            if (b == 0) {
                nul = true;
            }
            length++;
            if (length <= maxLineBytes) {
                current.write(b);
            }
        }
        if (length > maxLineBytes) {
            return new Line(nextNumber++, start, keptStart(), nul, length, true);
        }
        return new Line(nextNumber++, start, current.toString(StandardCharsets.UTF_8), nul, length, false);
    }

    /** The first bytes of an over-long line as text, without a character cut in half at the end. */
    private String keptStart() {
        byte[] bytes = current.toByteArray();
        int end = Math.min(bytes.length, KEPT_OF_LONG_LINE);
        int lead = end;
        while (lead > 0 && lead > end - 4 && (bytes[lead - 1] & 0xC0) == 0x80) {
            lead--;
        }
        if (lead > 0 && lead > end - 4 && (bytes[lead - 1] & 0x80) != 0) {
            int first = bytes[lead - 1] & 0xff;
            int needed = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : 2;
            if (end - (lead - 1) < needed) {
                end = lead - 1;
            }
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    /** Number of the next line to be returned. */
    long nextNumber() {
        return nextNumber;
    }

    /** Byte offset of the next line to be returned. */
    long offset() {
        return offset;
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        offset++;
        return buffer[position++] & 0xff;
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position] & 0xff;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, BUFFER);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
