package kz.orleu.benefits.generator;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One CSV file written as it goes: lines are built in a reusable {@link StringBuilder} and handed in chunks to a
 * {@link BufferedWriter} (UTF-8, LF line ends, no byte-order mark). Counts physical lines, the header being line 1.
 */
final class CsvOut implements Closeable {

    private static final int CHUNK = 1 << 16;

    final String name;
    private final Writer writer;
    private final StringBuilder sb = new StringBuilder(CHUNK + 4096);
    private char[] chars = new char[CHUNK + 4096];
    private boolean firstField = true;
    private long line = 1;

    CsvOut(Path dir, String name, String header) throws IOException {
        this.name = name;
        this.writer = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(dir.resolve(name)), StandardCharsets.UTF_8), CHUNK);
        sb.append(header).append('\n');
    }

    private void sep() {
        if (firstField) {
            firstField = false;
        } else {
            sb.append(',');
        }
    }

    CsvOut field(String s) {
        sep();
        Csv.append(sb, s);
        return this;
    }

    /** A value known to need no quoting (codes, ids, digits). */
    CsvOut plain(String s) {
        sep();
        if (s != null) {
            sb.append(s);
        }
        return this;
    }

    CsvOut number(int v) {
        sep();
        sb.append(v);
        return this;
    }

    CsvOut bool(boolean b) {
        sep();
        sb.append(b ? "true" : "false");
        return this;
    }

    CsvOut date(long epochDay) {
        sep();
        Dates.appendDate(sb, epochDay);
        return this;
    }

    CsvOut month(int absMonth) {
        sep();
        Dates.appendMonth(sb, absMonth);
        return this;
    }

    /** Ends the record; returns its physical line number. */
    long end() throws IOException {
        sb.append('\n');
        firstField = true;
        line++;
        if (sb.length() >= CHUNK) {
            drain();
        }
        return line;
    }

    /** Number of data rows written so far. */
    long rows() {
        return line - 1;
    }

    private void drain() throws IOException {
        int n = sb.length();
        if (chars.length < n) {
            chars = new char[n];
        }
        sb.getChars(0, n, chars, 0);
        writer.write(chars, 0, n);
        sb.setLength(0);
    }

    @Override
    public void close() throws IOException {
        try {
            drain();
        } finally {
            writer.close();
        }
    }
}
