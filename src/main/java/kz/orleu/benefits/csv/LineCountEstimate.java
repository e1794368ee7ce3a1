package kz.orleu.benefits.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * About how many lines a file has, from its size and the lines in its first 64 KiB, without reading the rest:
 * enough to size a table for one entry per row. The rows of a CSV file are much alike in length (ids, codes,
 * dates, amounts), so the start is a fair sample; counting every line would cost a pass over the file (0.7 s for
 * the incomes of a million families).
 */
public final class LineCountEstimate {

    static final int SAMPLE_BYTES = 1 << 16;

    private LineCountEstimate() {
    }

    /**
     * The estimated number of lines (the header included); exact for a file within the sample, 0 for a file that
     * is not there (its reader says so).
     */
    public static long of(Path file) {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] sample = in.readNBytes(SAMPLE_BYTES);
            long lines = 0;
            for (byte b : sample) {
                if (b == '\n') {
                    lines++;
                }
            }
            long size = Files.size(file);
            if (size <= sample.length) {
                return lines + 1;
            }
            // a sample without a line break (one huge line) still says there is a line per sample's length
            return (long) Math.ceil((double) size * Math.max(1, lines) / sample.length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " to estimate its lines", e);
        }
    }
}
