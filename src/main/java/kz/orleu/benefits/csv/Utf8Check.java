package kz.orleu.benefits.csv;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Whether a stream is well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF),
 * checked on the bytes without decoding them. The input check runs it over every input file before a run
 * starts, a gigabyte at national scale: ASCII, most of every file, is passed eight bytes at a time, and no
 * character is built. It answers exactly what a reporting {@code CharsetDecoder} would: the offset of the first
 * byte of the first ill-formed sequence ({@code Utf8CheckTest} compares the two on random and hostile bytes).
 */
public final class Utf8Check {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final int BUFFER = 1 << 20;

    private Utf8Check() {
    }

    /** The offset of the first byte of the first ill-formed sequence in {@code in}, or -1 if there is none. */
    public static long firstInvalidByte(InputStream in) throws IOException {
        return firstInvalidByte(in, BUFFER);
    }

    static long firstInvalidByte(InputStream in, int bufferSize) throws IOException {
        byte[] buffer = new byte[bufferSize];
        long offset = 0; // of buffer[0] in the stream
        int length = 0;
        boolean end = false;
        while (true) {
            while (!end && length < buffer.length) {
                int n = in.read(buffer, length, buffer.length - length);
                if (n < 0) {
                    end = true;
                } else {
                    length += n;
                }
            }
            int stop = scan(buffer, length, end);
            if (stop < 0) {
                return offset - stop - 1;
            }
            if (end) {
                return -1;
            }
            // a sequence cut by the end of the buffer: its first bytes move to the front and are checked whole
            System.arraycopy(buffer, stop, buffer, 0, length - stop);
            offset += stop;
            length -= stop;
        }
    }

    /**
     * Checks {@code bytes[0, length)}: {@code -(i + 1)} if the sequence starting at {@code i} is ill-formed, else
     * where the check stopped, {@code length} or, when more bytes may follow ({@code !end}), the start of a
     * sequence the buffer holds only part of.
     */
    static int scan(byte[] bytes, int length, boolean end) {
        int i = 0;
        while (i < length) {
            if (i + Long.BYTES <= length && ((long) LONGS.get(bytes, i) & HIGH_BITS) == 0) {
                i += Long.BYTES;
                continue;
            }
            int lead = bytes[i] & 0xFF;
            if (lead < 0x80) {
                i++;
                continue;
            }
            int continuations;
            int secondMin = 0x80;
            int secondMax = 0xBF;
            if (lead >= 0xC2 && lead <= 0xDF) {
                continuations = 1;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                continuations = 2;
                if (lead == 0xE0) {
                    secondMin = 0xA0; // shorter forms are overlong
                } else if (lead == 0xED) {
                    secondMax = 0x9F; // U+D800..U+DFFF are surrogates
                }
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                continuations = 3;
                if (lead == 0xF0) {
                    secondMin = 0x90;
                } else if (lead == 0xF4) {
                    secondMax = 0x8F; // beyond U+10FFFF
                }
            } else {
                return -(i + 1); // a continuation byte without a lead, C0/C1 (overlong), or F5..FF
            }
            if (i + continuations >= length) {
                if (!end) {
                    return i;
                }
                return -(i + 1); // cut short by the end of the stream
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < secondMin || second > secondMax) {
                return -(i + 1);
            }
            for (int k = 2; k <= continuations; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return -(i + 1);
                }
            }
            i += continuations + 1;
        }
        return i;
    }
}
