package kz.orleu.benefits.job;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * On SIGTERM (systemd stop, Kubernetes eviction, Ctrl-C) the running execution stops at its next chunk boundary
 * and ends STOPPED, restartable, instead of dying mid-chunk: a shutdown hook marks the running step to terminate
 * (what the job repository does when it sees a stop request) and waits for the job to get there.
 */
public class GracefulShutdown implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(GracefulShutdown.class);
    private static final Duration WAIT = Duration.ofSeconds(120);

    private Thread hook;

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
    }
}
