package kz.orleu.benefits.csv;

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
    /** The bytes kept of a line that spans buffers (or is too long): {@code kept} of them are valid. */
    private byte[] current = new byte[256];
    private int kept;
    private final int maxLineBytes;

    PhysicalLines(CsvSource source, long startOffset, long startLineNumber, int maxLineBytes) throws IOException {
        this.in = source.open(startOffset);
        this.offset = startOffset;
        this.nextNumber = startLineNumber;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * The next physical line, or null at the end of the file. The buffer is scanned in bulk for the line's end, and
     * a line that lies whole within the buffer becomes its text without being copied first: this loop runs once
     * per row of a file of millions.
     */
    Line next() throws IOException {
        if (position == limit && !fill()) {
            return null;
        }
        long start = offset;
        long length = 0;
        boolean nul = false;
        kept = 0;
        while (true) {
            int from = position;
            int i = from;
            byte[] bytes = buffer;
            int end = limit;
            while (i < end) {
                byte b = bytes[i];
                if (b == '\n' || b == '\r') {
                    break;
                }
                if (b == 0) {
                    nul = true;
                }
                i++;
            }
            int run = i - from;
            length += run;
            offset += run;
            position = i;
            if (i < end) {
                if (kept == 0 && length == run && length <= maxLineBytes) {
                    String text = new String(bytes, from, run, StandardCharsets.UTF_8);
                    skipTerminator();
                    return new Line(nextNumber++, start, text, nul, length, false);
                }
                keep(bytes, from, run);
                skipTerminator();
                break;
            }
            keep(bytes, from, run);
            if (!fill()) {
                break;
            }
        }
        if (length > maxLineBytes) {
            return new Line(nextNumber++, start, keptStart(), nul, length, true);
        }
        return new Line(nextNumber++, start, new String(current, 0, kept, StandardCharsets.UTF_8), nul, length, false);
    }

    /** Keeps the bytes of a line that spans buffers, up to the limit; what is beyond it is only counted. */
    private void keep(byte[] bytes, int from, int run) {
        int room = Math.min(run, maxLineBytes - kept);
        if (room <= 0) {
            return;
        }
        if (kept + room > current.length) {
            current = java.util.Arrays.copyOf(current, Math.max(kept + room, current.length * 2));
        }
        System.arraycopy(bytes, from, current, kept, room);
        kept += room;
    }

    /** Passes over LF, CRLF or a lone CR at the current position. */
    private void skipTerminator() throws IOException {
        byte b = buffer[position++];
        offset++;
        if (b == '\r' && (position < limit || fill()) && buffer[position] == '\n') {
            position++;
            offset++;
        }
    }

    /** The first bytes of an over-long line as text, without a character cut in half at the end. */
    private String keptStart() {
        byte[] bytes = current;
        int end = Math.min(kept, KEPT_OF_LONG_LINE);
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
