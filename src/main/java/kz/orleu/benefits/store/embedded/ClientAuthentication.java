package kz.orleu.benefits.store.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.postgresql.util.PasswordUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may connect to the embedded server: the superuser {@value EmbeddedPostgresServer#USER} with the
 * password of {@code <home>/pgpass}, over loopback TCP, by SCRAM-SHA-256. Never {@code trust}: the database
 * holds IINs and names, and any local OS user can reach a loopback port.
 *
 * <p>Homes made before passwords existed ({@code initdb -A trust}, no password on the role) are upgraded
 * on their next start, before the server listens: the role gets a password in single-user mode, so there
 * is no moment in which a trusting server accepts connections.
 */
final class ClientAuthentication {

    private static final Logger log = LoggerFactory.getLogger(ClientAuthentication.class);

    static final String METHOD = "scram-sha-256";

    /** Rewritten at every start, so that neither an old home nor a hand edit can leave {@code trust} behind. */
    static final String PG_HBA = """
            # Written by the benefits launcher at every start of the embedded server; edits are overwritten.
            # Password authentication (SCRAM-SHA-256) over loopback TCP only. The server opens no Unix socket,
            # and nothing here may ever say trust: the database holds IINs and names.
            host    all    %s    127.0.0.1/32    %s
            """.formatted(EmbeddedPostgresServer.USER, METHOD);

    private ClientAuthentication() {
    }

    /**
     * The password of an existing cluster, from {@code <home>/pgpass}; a cluster from before passwords
     * gets a new one first. Then writes {@code pg_hba.conf}.
     */
    static String forExistingCluster(PostgresBinaries binaries, List<String> prefix, Path home, Path data)
            throws IOException, InterruptedException {
        Optional<String> known = PasswordFile.read(PasswordFile.of(home));
        String password = known.isPresent() ? known.get() : upgradeTrustCluster(binaries, prefix, home, data);
        writeHba(data);
        return password;
    }

    /** The password a new cluster is created with: the one already in {@code <home>/pgpass}, or a new one. */
    static String forNewCluster(Path home) throws IOException {
        Path file = PasswordFile.of(home);
        Optional<String> known = PasswordFile.read(file);
        if (known.isPresent()) {
            return known.get();
        }
        String password = PasswordFile.generate();
        PasswordFile.write(file, password);
        return password;
    }

    static void writeHba(Path data) throws IOException {
        PasswordFile.writePrivately(data.resolve("pg_hba.conf"), PG_HBA);
    }

    /**
     * Sets a new password on the role of a cluster made with {@code trust}, in single-user mode (no
     * connections possible), and only then renames the pending password file into place: a failure leaves
     * the home as it was, to be upgraded at the next start. The server is sent the SCRAM verifier, never the
     * password itself.
     */
    private static String upgradeTrustCluster(PostgresBinaries binaries, List<String> prefix, Path home, Path data)
            throws IOException, InterruptedException {
        log.warn("The embedded PostgreSQL of {} accepted connections without a password (trust); giving its user"
                + " '{}' a generated password, kept in {}", home, EmbeddedPostgresServer.USER, PasswordFile.of(home));
        String password = PasswordFile.generate();
        Path pending = home.resolve(PasswordFile.PENDING_FILE_NAME);
        PasswordFile.write(pending, password);
        String verifier = PasswordUtil.encodeScramSha256(password.toCharArray());
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(binaries.bin("postgres").toString(), "--single", "-D", data.toString(), "-c",
                "exit_on_error=on", "postgres"));
        Process single = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream in = single.getOutputStream()) {
            in.write(("alter role " + EmbeddedPostgresServer.USER + " password '" + verifier + "'\n")
                .getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(single.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!single.waitFor(5, TimeUnit.MINUTES)) {
            single.destroyForcibly();
            throw new EmbeddedPostgresException("Setting the password of the embedded PostgreSQL of " + home
                    + " in single-user mode did not finish within 5 minutes");
        }
        if (single.exitValue() != 0 || output.contains("ERROR:") || output.contains("FATAL:")) {
            throw new EmbeddedPostgresException("Cannot set the password of the embedded PostgreSQL of " + home
                    + " (single-user mode exited with " + single.exitValue() + "):\n" + output.strip());
        }
        Files.move(pending, PasswordFile.of(home), StandardCopyOption.ATOMIC_MOVE);
        return password;
    }

    /**
     * A 0600 file holding only the password, as {@code initdb --pwfile} wants it; the caller deletes it
     * after initdb.
     */
    static Path initdbPasswordFile(Path home, String password) throws IOException {
        Path file = home.resolve(".initdb-password");
        PasswordFile.writePrivately(file, password + "\n");
        return file;
    }

    static List<String> initdbOptions(Path passwordFile) {
        return List.of("-A", METHOD, "--pwfile=" + passwordFile);
    }

}
