package kz.orleu.benefits.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Where a CSV file's bytes come from: a file of the input folder or a reference file shipped on the classpath. */
public sealed interface CsvSource {

    /** The file name as reported in rejects and logs, e.g. {@code incomes.csv}. */
    String name();

    /** Opens the bytes positioned at {@code offset}. */
    InputStream open(long offset) throws IOException;

    static CsvSource of(Path file) {
        return new FileSource(file);
    }

    static CsvSource classpath(String resource) {
        return new ClasspathSource(resource);
    }

    record FileSource(Path path) implements CsvSource {

        @Override
        public String name() {
            return path.getFileName().toString();
        }

        @Override
        public InputStream open(long offset) throws IOException {
            FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
            channel.position(offset);
            return Channels.newInputStream(channel);
        }

        public boolean exists() {
            return Files.isRegularFile(path);
        }
    }

    record ClasspathSource(String resource) implements CsvSource {

        @Override
        public String name() {
            return resource.substring(resource.lastIndexOf('/') + 1);
        }

        @Override
        public InputStream open(long offset) throws IOException {
            InputStream in = CsvSource.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new IOException("missing shipped resource " + resource);
            }
            in.skipNBytes(offset);
            return in;
        }
    }
}
