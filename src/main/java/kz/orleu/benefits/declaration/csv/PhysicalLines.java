package kz.orleu.benefits.declaration.csv;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a file as physical lines (ended by LF, CRLF or a lone CR), keeping the byte offset of every line so that
 * a restarted step can seek straight back to where its last committed chunk ended.
 */
final class PhysicalLines implements Closeable {

    /** One physical line: its 1-based number, the byte offset of its first byte and its text without terminator. */
    record Line(long number, long offset, String text, boolean hasNul) {
    }

    private static final int BUFFER = 1 << 16;

    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER];
    private int position;
    private int limit;
    private long offset;
    private long nextNumber;
    private final ByteArrayOutputStream current = new ByteArrayOutputStream(256);

    PhysicalLines(CsvSource source, long startOffset, long startLineNumber) throws IOException {
        this.in = source.open(startOffset);
        this.offset = startOffset;
        this.nextNumber = startLineNumber;
    }

    /** The next physical line, or null at the end of the file. */
    Line next() throws IOException {
        current.reset();
        long start = offset;
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
            current.write(b);
        }
        return new Line(nextNumber++, start, current.toString(StandardCharsets.UTF_8), nul);
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
