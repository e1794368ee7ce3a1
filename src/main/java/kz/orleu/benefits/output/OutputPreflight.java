package kz.orleu.benefits.output;

import java.nio.file.Files;
import java.nio.file.Path;
import kz.orleu.benefits.csv.UnusableInputException;

/**
 * Checks, before the job starts and without writing anything, that the output folder can be created or written:
 * found only when the outputs are published, a bad path would cost the whole run. The check asks the operating
 * system ({@code access(2)}), which also answers for root on a read-only file system; a path under a regular
 * file fails for everyone.
 */
public final class OutputPreflight {

    private OutputPreflight() {
    }

    public static void check(Path output) {
        Path folder = output.toAbsolutePath().normalize();
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw unusable(folder, "none of its parent folders exists");
        }
        if (!Files.isDirectory(existing)) {
            throw unusable(folder, existing.equals(folder) ? "it is a file, not a folder"
                    : existing + " is a file, not a folder");
        }
        if (!Files.isWritable(existing) || !Files.isExecutable(existing)) {
            throw unusable(folder, existing.equals(folder) ? "it is not writable"
                    : "it would be created in " + existing + ", which is not writable");
        }
    }

    private static UnusableInputException unusable(Path folder, String reason) {
        return new UnusableInputException("the output folder " + folder + " cannot be written: " + reason);
    }
}
