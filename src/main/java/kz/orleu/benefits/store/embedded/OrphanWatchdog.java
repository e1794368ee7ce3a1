package kz.orleu.benefits.store.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small shell process that stops the postmaster when the JVM owning it dies without stopping it
 * ({@code kill -9}, the OOM killer), so that an orphaned server holding IINs and names does not keep
 * running until the next command.
 *
 * <p>It waits for end-of-file on a pipe whose only writer is this JVM. The kernel closes the pipe when the
 * JVM ends, however it ends, so there is no polling and no owner pid that could be reused; and the same
 * works as root (the postmaster in a user namespace has root's uid outside it) and as an ordinary user.
 * {@code prctl(PR_SET_PDEATHSIG)} was not used: it fires when the <em>thread</em> that started the child
 * ends, which in a JVM may be any short-lived thread.
 *
 * <p>On end-of-file it sends SIGINT (fast shutdown) only if {@code postmaster.pid} still names the same
 * pid: after a normal stop the file is gone, and a pid reused by another program is left alone.
 */
final class OrphanWatchdog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OrphanWatchdog.class);

    private static final String SCRIPT = """
            cat > /dev/null
            if [ "$(head -n 1 "$1/postmaster.pid" 2>/dev/null)" = "$2" ]; then
              echo "benefits watchdog: the process that owned this server ended without stopping it; fast shutdown of pid $2"
              kill -INT "$2"
            fi
            """;

    private final Process process;

    private OrphanWatchdog(Process process) {
        this.process = process;
    }

    /** Watches the postmaster {@code pid} serving {@code data}; notes go to the server's log. */
    static OrphanWatchdog start(long pid, Path data, Path logFile) throws IOException {
        List<String> command = new ArrayList<>();
        if (OsProcesses.onPath("setsid")) {
            // its own session: a Ctrl-C at the terminal must not end the watchdog before the JVM has stopped
            // the server in order
            command.add("setsid");
        }
        command.addAll(List.of("sh", "-c", SCRIPT, "benefits-watchdog", data.toString(), Long.toString(pid)));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
            .redirectErrorStream(true)
            .start();
        return new OrphanWatchdog(process);
    }

    /**
     * Ends the watchdog after the server has stopped (its {@code postmaster.pid} is gone, so the watchdog
     * signals nothing).
     */
    @Override
    public void close() {
        try {
            OutputStream pipe = this.process.getOutputStream();
            pipe.close();
        }
        catch (IOException ex) {
            // already closed
        }
        try {
            if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
                this.process.destroy();
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            this.process.destroy();
        }
        log.debug("Orphan watchdog (pid {}) ended", this.process.pid());
    }

}
