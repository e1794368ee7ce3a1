package kz.orleu.benefits.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Output folders and files are created private from the first byte: folders 0750, files 0640 (they carry names,
 * IINs and payments; the group is the payment unit's). Setting the mode after writing would leave the data
 * readable by everyone while it is written, and for good if the publish fails half-way.
 */
public final class OutputFiles {

    public static final Set<PosixFilePermission> FOLDER_MODE = PosixFilePermissions.fromString("rwxr-x---");
    public static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-r-----");

    private OutputFiles() {
    }

    /** Creates the folder and any missing parents, each 0750 (less if the umask says so). */
    public static void createFolders(Path folder) throws IOException {
        Files.createDirectories(folder, attributes(FOLDER_MODE));
    }

    public static void createFolder(Path folder) throws IOException {
        Files.createDirectory(folder, attributes(FOLDER_MODE));
    }

    /** Opens the file for writing, creating it 0640 (an existing file is truncated and keeps its mode). */
    public static OutputStream newFile(Path file) throws IOException {
        return Channels.newOutputStream(Files.newByteChannel(file, Set.of(StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), attributes(FILE_MODE)));
    }

    /** Sets the mode exactly (the umask may have taken more away at creation); a no-op where there are no modes. */
    public static void setMode(Path path, Set<PosixFilePermission> mode) throws IOException {
        if (posix()) {
            Files.setPosixFilePermissions(path, mode);
        }
    }

    /**
     * Puts the finished folder {@code temp} in place of {@code target} by renames, so that a reader sees the old
     * folder or the new one, never half of either; {@code old} (on the same file system) holds the replaced folder
     * for the moment between the two renames and is deleted after. If the second rename fails, the old folder is
     * put back.
     */
    public static void replaceFolder(Path temp, Path target, Path old) throws IOException {
        deleteTree(old);
        if (Files.exists(target)) {
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target);
        } catch (FileSystemException e) {
            if (Files.exists(old) && !Files.exists(target)) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        deleteTree(old);
    }

    /** Deletes the folder and everything in it; nothing when it does not exist. */
    public static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static FileAttribute<?>[] attributes(Set<PosixFilePermission> mode) {
        return posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode)} : new FileAttribute<?>[0];
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
