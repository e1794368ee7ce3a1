package kz.orleu.benefits.store.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * {@code <home>/pgpass}: the generated password of the embedded server's superuser, in the format of
 * PostgreSQL's password file ({@code host:port:database:user:password}, port {@code *} because it changes
 * at every start), so that an administrator can hand it to psql as {@code PGPASSFILE} without ever seeing
 * the password. Mode 0600 from its first byte: it opens a database of IINs and names.
 */
final class PasswordFile {

    static final String FILE_NAME = "pgpass";

    /** Written before an old trust home's role gets its password, renamed into place once it has it. */
    static final String PENDING_FILE_NAME = "pgpass.pending";

    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordFile() {
    }

    static Path of(Path home) {
        return home.resolve(FILE_NAME);
    }

    /**
     * 192 random bits in URL-safe Base64: no {@code :} or {@code \}, which the pgpass format would need to
     * escape, and nothing a shell or SQL literal would need to quote.
     */
    static String generate() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The password in the file, or empty if there is no file. */
    static Optional<String> read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (NoSuchFileException ex) {
            return Optional.empty();
        }
        String line = text.strip();
        String prefix = EmbeddedPostgresServer.HOST + ":*:*:" + EmbeddedPostgresServer.USER + ":";
        if (!line.startsWith(prefix) || line.length() == prefix.length() || line.contains("\n")) {
            throw new EmbeddedPostgresException("The password file " + file + " is not a single line '" + prefix
                    + "<password>'; restore it, or move the whole home away to start afresh");
        }
        return Optional.of(line.substring(prefix.length()));
    }

    /** Writes {@code file} atomically, readable and writable by its owner only from the first byte. */
    static void write(Path file, String password) throws IOException {
        writePrivately(file, EmbeddedPostgresServer.HOST + ":*:*:" + EmbeddedPostgresServer.USER + ":" + password
                + "\n");
    }

    /** A 0600 file created beside {@code target} and renamed over it, so no reader sees it half-written. */
    static void writePrivately(Path target, String content) throws IOException {
        Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(partial, content, StandardCharsets.UTF_8);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        finally {
            Files.deleteIfExists(partial);
        }
    }

}
