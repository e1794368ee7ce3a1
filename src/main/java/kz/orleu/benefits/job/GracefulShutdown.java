package kz.orleu.benefits.job;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * On SIGTERM (systemd stop, Kubernetes eviction, Ctrl-C) the running execution stops at its next chunk boundary
 * and ends STOPPED, restartable, instead of dying mid-chunk: a shutdown hook marks the running step to terminate
 * (what the job repository does when it sees a stop request) and waits for the job to get there; the process then
 * exits 1 like any stopped run ({@link #exit}).
 */
public class GracefulShutdown implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(GracefulShutdown.class);
    private static final Duration WAIT = Duration.ofSeconds(120);
    /** Enough for the launcher to print the summary and stop the embedded database after the job stopped. */
    private static final Duration WAIT_FOR_LAUNCHER = Duration.ofSeconds(60);

    private static volatile boolean stopping;

    private Thread hook;

    /**
     * Ends the process with the launcher's exit status. After SIGTERM the JVM is already shutting down:
     * {@code System.exit} would block for good and the process would end with 143 (128 + SIGTERM) once the hooks
     * return, which a scheduler reads as "killed", not as the documented 1 (stopped, restartable). So once this
     * class has stopped the job, the status is set with {@code halt}, after the launcher has printed its summary
     * and closed the database.
     */
    public static void exit(int status) {
        if (stopping) {
            Runtime.getRuntime().halt(status);
        }
        System.exit(status);
    }

    @Override
    public synchronized void beforeJob(JobExecution jobExecution) {
        hook = new Thread(() -> stop(jobExecution), "benefits-graceful-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public synchronized void afterJob(JobExecution jobExecution) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it is what stopped this execution
        }
        hook = null;
    }

    private static void stop(JobExecution execution) {
        if (!execution.isRunning()) {
            return;
        }
        stopping = true;
        log.info("shutdown requested: execution {} stops at the next chunk boundary", execution.getId());
        execution.getStepExecutions().forEach(step -> step.setTerminateOnly());
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (execution.isRunning() && System.nanoTime() < deadline) {
            execution.getStepExecutions().forEach(step -> step.setTerminateOnly());
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        log.info("execution {} is {}; resume it with: benefits restart {}", execution.getId(), execution.getStatus(),
                execution.getId());
        // The JVM ends when this hook returns: keep it up until the launcher ends it with its status (exit).
        try {
            Thread.sleep(WAIT_FOR_LAUNCHER.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
