package kz.orleu.benefits.store;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Rows in the text format of PostgreSQL's COPY, as UTF-8 bytes: tab between values, {@code \N} for null,
 * backslash escapes for the characters the format reserves, NUL dropped (a text value cannot hold it). Bytes are
 * written straight into a buffer the caller drains, so that a chunk of a large file is not built as a String
 * first and then encoded again.
 */
final class CopyTextEncoder extends CopyBuffer {

    private static final byte[] NULL = {'\\', 'N'};


    CopyTextEncoder(int capacity) {
        super(capacity);
    }

    void row(Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                put((byte) '\t');
            }
            value(values[i]);
        }
        put((byte) '\n');
    }

    private void value(Object value) {
        if (value == null) {
            put(NULL, NULL.length);
        } else if (value instanceof String text) {
            text(text);
        } else if (value instanceof LocalDate date) {
            date(date);
        } else if (value instanceof Boolean bool) {
            put((byte) (bool ? 't' : 'f'));
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            ascii(value.toString());
        } else if (value instanceof BigDecimal decimal) {
            ascii(decimal.toPlainString());
        } else {
            text(value.toString());
        }
    }

    private void text(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r' || c == '\0') {
                escaped(text);
                return;
            }
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        put(bytes, bytes.length);
    }

    private void escaped(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\0' -> { }
                default -> out.append(c);
            }
        }
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        put(bytes, bytes.length);
    }

    /** ISO dates as PostgreSQL reads them; years outside 1-9999 (which no input date has) as {@code toString}. */
    private void date(LocalDate date) {
        int year = date.getYear();
        if (year < 1 || year > 9999) {
            ascii(date.toString());
            return;
        }
        ensure(10);
        digits(year, 4);
        buffer[size++] = '-';
        digits(date.getMonthValue(), 2);
        buffer[size++] = '-';
        digits(date.getDayOfMonth(), 2);
    }

    private void digits(int value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            buffer[size + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        size += width;
    }

    private void ascii(String text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            buffer[size++] = (byte) text.charAt(i);
        }
    }
}
