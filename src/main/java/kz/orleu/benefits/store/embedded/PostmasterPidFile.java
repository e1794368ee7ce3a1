package kz.orleu.benefits.store.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code <data folder>/postmaster.pid} as PostgreSQL writes it: line 1 the postmaster's pid, line 4
 * its port, line 8 its status ({@code starting}, {@code ready}, {@code stopping}). The file exists
 * while a postmaster runs, or after one was killed.
 */
record PostmasterPidFile(long pid, int port, String status) {

    static final String FILE_NAME = "postmaster.pid";

    boolean ready() {
        return "ready".equals(this.status);
    }

    /** Empty when there is no file or it is still being written. */
    static Optional<PostmasterPidFile> read(Path dataDirectory) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(dataDirectory.resolve(FILE_NAME), StandardCharsets.UTF_8);
        }
        catch (NoSuchFileException ex) {
            return Optional.empty();
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        Optional<Long> pid = OsProcesses.parsePid(lines.get(0));
        if (pid.isEmpty()) {
            return Optional.empty();
        }
        int port = -1;
        if (lines.size() >= 4) {
            try {
                port = Integer.parseInt(lines.get(3).trim());
            }
            catch (NumberFormatException ex) {
                port = -1;
            }
        }
        String status = lines.size() >= 8 ? lines.get(7).trim() : "";
        return Optional.of(new PostmasterPidFile(pid.get(), port, status));
    }

}
