package kz.orleu.benefits.store.embedded;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * The few Linux process facts the embedded server needs, read from {@code /proc}: who we run as,
 * whether a pid is a live PostgreSQL postmaster of a given data folder, and sending it a signal.
 */
final class OsProcesses {

    private static volatile String userNamespaceProbe;

    private OsProcesses() {
    }

    /** Effective uid of this JVM, from {@code /proc/self/status}; empty if unknown. */
    static OptionalInt effectiveUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("Uid:")) {
                    String[] ids = line.substring(4).trim().split("\\s+");
                    return OptionalInt.of(Integer.parseInt(ids[1]));
                }
            }
        }
        catch (IOException | RuntimeException ex) {
            // not Linux or /proc not mounted: fall through
        }
        return OptionalInt.empty();
    }

    static boolean runningAsRoot() {
        OptionalInt uid = effectiveUid();
        return uid.isPresent() ? uid.getAsInt() == 0 : "root".equals(System.getProperty("user.name"));
    }

    /**
     * Whether {@code pid} is a live process. A zombie counts as dead: where PID 1 does not reap
     * orphans (as in some containers) a stopped postmaster stays a zombie for ever.
     */
    static boolean isRunning(long pid) {
        if (pid <= 0) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            int afterName = stat.lastIndexOf(')');
            char state = stat.length() > afterName + 2 ? stat.charAt(afterName + 2) : '?';
            return state != 'Z' && state != 'X' && state != 'x';
        }
        catch (NoSuchFileException ex) {
            return false;
        }
        catch (IOException ex) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
    }

    /**
     * Whether {@code pid} is a live postmaster serving {@code dataDirectory}: its command name is
     * {@code postgres} and its working directory (the postmaster chdirs into its data folder) or its
     * command line names that folder. Guards against a pid reused by an unrelated process.
     */
    static boolean isPostmasterOf(long pid, Path dataDirectory) {
        if (!isRunning(pid)) {
            return false;
        }
        Path proc = Path.of("/proc", Long.toString(pid));
        try {
            String comm = Files.readString(proc.resolve("comm"), StandardCharsets.UTF_8).trim();
            if (!comm.equals("postgres")) {
                return false;
            }
        }
        catch (IOException ex) {
            return false;
        }
        Path realData;
        try {
            realData = dataDirectory.toRealPath();
        }
        catch (IOException ex) {
            realData = dataDirectory.toAbsolutePath().normalize();
        }
        try {
            if (Files.readSymbolicLink(proc.resolve("cwd")).equals(realData)) {
                return true;
            }
        }
        catch (IOException | SecurityException ex) {
            // another user's process: /proc/<pid>/cwd is not readable, try the command line
        }
        try {
            String cmdline = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8);
            for (String arg : cmdline.split("\0")) {
                if (arg.equals(realData.toString()) || arg.equals(dataDirectory.toString())) {
                    return true;
                }
            }
        }
        catch (IOException ex) {
            // fall through
        }
        return false;
    }

    /** Sends a signal ({@code INT}, {@code TERM}, {@code QUIT}) with the {@code kill} command. */
    static void signal(long pid, String signal) throws IOException {
        Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(pid)).redirectErrorStream(true).start();
        try {
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                if (!isRunning(pid)) {
                    return; // it went away meanwhile
                }
                throw new IOException("kill -s " + signal + " " + pid + " failed: " + output);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while signalling pid " + pid, ex);
        }
    }

    /** Waits until {@code pid} is gone or {@code timeoutMillis} passed; true if it is gone. */
    static boolean awaitExit(long pid, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (isRunning(pid)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(25);
        }
        return true;
    }

    /**
     * As root, PostgreSQL must run in a user namespace ({@code unshare -U}): there it sees itself as
     * an unprivileged user owning root's files, so it neither refuses root nor needs a chown. Checks
     * once per JVM that this works and fails with a plain explanation where namespaces are blocked.
     */
    static List<String> commandPrefix() {
        if (!runningAsRoot()) {
            return List.of();
        }
        String problem = userNamespaceProbe;
        if (problem == null) {
            problem = probeUserNamespace();
            userNamespaceProbe = problem;
        }
        if (!problem.isEmpty()) {
            throw new EmbeddedPostgresException("Cannot run the embedded PostgreSQL as root here: PostgreSQL refuses"
                    + " to run as root, and the workaround of running it in a user namespace ('unshare -U') failed ("
                    + problem + "). User namespaces seem to be blocked on this machine (container seccomp or"
                    + " AppArmor profile, user.max_user_namespaces=0 or kernel.unprivileged_userns_clone=0)."
                    + " Run as an ordinary user, allow user namespaces, or use an external PostgreSQL server"
                    + " (BENEFITS_DB_URL).");
        }
        return List.of("unshare", "-U");
    }

    /** Empty string when {@code unshare -U} works, else what went wrong. */
    private static String probeUserNamespace() {
        try {
            Process probe = new ProcessBuilder("unshare", "-U", "id", "-u").redirectErrorStream(true).start();
            String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!probe.waitFor(10, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
                return "'unshare -U id -u' did not finish";
            }
            if (probe.exitValue() != 0) {
                return "'unshare -U id -u' exited with " + probe.exitValue() + ": " + output;
            }
            if (output.equals("0")) {
                return "'unshare -U' still runs as uid 0";
            }
            return "";
        }
        catch (IOException ex) {
            return "cannot run 'unshare': " + ex.getMessage();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Whether an executable of that name is on the PATH. */
    static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    static Optional<Long> parsePid(String text) {
        try {
            long pid = Long.parseLong(text.trim());
            return pid > 0 ? Optional.of(pid) : Optional.empty();
        }
        catch (NumberFormatException ex) {
            return Optional.empty();
        }
    }

}
