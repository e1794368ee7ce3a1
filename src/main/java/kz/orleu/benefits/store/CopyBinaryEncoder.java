package kz.orleu.benefits.store;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Rows in the binary format of PostgreSQL's COPY: each value as the server stores it, so that the server does not
 * parse dates, numbers and escapes again (a quarter of its work when loading a file of millions of rows, measured
 * on the members file). The columns' types are the table's ({@link Type}); each value has the Java type of its
 * column (whole numbers for a numeric column too), any other is a bug.
 */
final class CopyBinaryEncoder extends CopyBuffer {

    /** The column types the staging tables have, by PostgreSQL's name for them. */
    enum Type {
        INT2, INT4, INT8, BOOL, TEXT, DATE, NUMERIC;

        static Type of(String udtName) {
            return switch (udtName) {
                case "int2" -> INT2;
                case "int4" -> INT4;
                case "int8" -> INT8;
                case "bool" -> BOOL;
                case "text", "varchar", "bpchar" -> TEXT;
                case "date" -> DATE;
                case "numeric" -> NUMERIC;
                default -> null;
            };
        }
    }

    static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    static final byte[] TRAILER = {(byte) 0xff, (byte) 0xff};
    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1000};
    private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);

    private final Type[] types;
    /** A numeric's base-10000 digits, last first; five hold any value of 18 decimal digits. */
    private short[] groups = new short[8];

    CopyBinaryEncoder(List<Type> types, int capacity) {
        super(capacity);
        this.types = types.toArray(Type[]::new);
    }

    void row(Object[] values) {
        if (values.length != types.length) {
            throw new IllegalArgumentException(values.length + " values for " + types.length + " columns");
        }
        ensure(2);
        int16(types.length);
        for (int i = 0; i < values.length; i++) {
            value(types[i], values[i]);
        }
    }

    private void value(Type type, Object value) {
        if (value == null) {
            ensure(4);
            int32(-1);
            return;
        }
        switch (type) {
            case INT2 -> fixed(2, ((Number) value).shortValue());
            case INT4 -> fixed(4, Math.toIntExact(((Number) value).longValue()));
            case INT8 -> {
                ensure(12);
                int32(8);
                int64(((Number) value).longValue());
            }
            case BOOL -> {
                ensure(5);
                int32(1);
                buffer[size++] = (byte) (((Boolean) value) ? 1 : 0);
            }
            case DATE -> fixed(4, Math.toIntExact(((LocalDate) value).toEpochDay() - POSTGRES_EPOCH_DAY));
            case TEXT -> text(value.toString());
            case NUMERIC -> numeric(value instanceof BigDecimal decimal ? decimal
                    : BigDecimal.valueOf(((Number) value).longValue()));
        }
    }

    private void fixed(int length, int value) {
        ensure(4 + length);
        int32(length);
        if (length == 2) {
            int16(value);
        } else {
            int32(value);
        }
    }

    /**
     * Text as UTF-8, as {@link #stored} has it. ASCII text, nearly every value of a declaration, is copied into
     * the row as it is, without an array of its bytes made first for each value.
     */
    private void text(String text) {
        int length = text.length();
        ensure(4 + length);
        int start = size + 4;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == 0 || c >= 0x80) {
                utf8(text);
                return;
            }
            buffer[start + i] = (byte) c;
        }
        int32(length);
        size += length;
    }

    private void utf8(String text) {
        byte[] bytes = stored(text).getBytes(StandardCharsets.UTF_8);
        ensure(4 + bytes.length);
        int32(bytes.length);
        System.arraycopy(bytes, 0, buffer, size, bytes.length);
        size += bytes.length;
    }

    /** A text value as it is stored: a NUL, which no text value can hold, is dropped as the text format drops it. */
    static String stored(String text) {
        return text.indexOf('\0') < 0 ? text : text.replace("\0", "");
    }

    /**
     * PostgreSQL's numeric: base-10000 digits around the decimal point, the weight of the first one, the sign and
     * the display scale; leading and trailing zero digits are left out.
     */
    private void numeric(BigDecimal decimal) {
        int scale = Math.max(decimal.scale(), 0);
        // the digits as a whole number of ten-thousandths: the fraction padded to whole groups of four
        int fractionGroups = (scale + 3) / 4;
        int count = 0;
        if (decimal.scale() >= 0 && decimal.precision() <= 15) {
            // every amount of a file and of a family: long arithmetic, no BigInteger made (at most 18 digits)
            long units = Math.abs(decimal.movePointRight(decimal.scale()).longValue())
                    * POWERS_OF_TEN[fractionGroups * 4 - scale];
            for (long rest = units; rest > 0; rest /= 10_000) {
                groups[count++] = (short) (rest % 10_000);
            }
        } else {
            BigInteger units = decimal.abs().setScale(scale).movePointRight(fractionGroups * 4).toBigIntegerExact();
            while (units.signum() > 0) {
                BigInteger[] division = units.divideAndRemainder(TEN_THOUSAND);
                if (count == groups.length) {
                    groups = Arrays.copyOf(groups, count * 2);
                }
                groups[count++] = division[1].shortValue();
                units = division[0];
            }
        }
        // groups[0] is the last group; the first group's weight counts groups before the point
        int weight = count - fractionGroups - 1;
        int last = 0;
        while (last < count && groups[last] == 0) {
            last++;
        }
        int digits = count - last;
        ensure(4 + 8 + 2 * digits);
        int32(8 + 2 * digits);
        int16(digits);
        int16(digits == 0 ? 0 : weight);
        int16(decimal.signum() < 0 ? 0x4000 : 0);
        int16(scale);
        for (int i = count - 1; i >= last; i--) {
            int16(groups[i]);
        }
    }

    private void int16(int value) {
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
    }

    private void int32(int value) {
        buffer[size++] = (byte) (value >>> 24);
        buffer[size++] = (byte) (value >>> 16);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
    }

    private void int64(long value) {
        int32((int) (value >>> 32));
        int32((int) value);
    }
}
