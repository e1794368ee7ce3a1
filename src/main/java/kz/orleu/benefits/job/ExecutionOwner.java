package kz.orleu.benefits.job;

import java.net.InetAddress;
import java.util.List;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Writes the host and process id that run an execution into its context, so that a later {@code restart} can
 * tell an execution whose process was killed (recover it) from one that is still running (refuse); and gives a
 * failed execution its root cause as exit description.
 */
public class ExecutionOwner implements JobExecutionListener {

    public static final String HOST = "owner.host";
    public static final String PID = "owner.pid";

    private final JobRepository jobRepository;

    public ExecutionOwner(JobRepository jobRepository) {
        this.jobRepository = jobRepository;
    }

    /**
     * Saved at once: Spring Batch saves the job's context only after a step, and a resumed execution starts with
     * a copy of its predecessor's, so until then the repository would name the dead process of the previous
     * attempt as owner (and {@code stop} would call this live one gone).
     */
    @Override
    public void beforeJob(JobExecution jobExecution) {
        jobExecution.getExecutionContext().putString(HOST, hostName());
        jobExecution.getExecutionContext().putLong(PID, ProcessHandle.current().pid());
        jobRepository.updateExecutionContext(jobExecution);
    }

    /**
     * A failed execution's exit description becomes its root cause in one line: the stored stack trace is cut
     * at 2,500 characters, before the "Caused by" an operator needs. A partitioned step that failed reports only
     * "Partition handler returned an unsuccessful step"; the cause is its failed partition's, so that one wins.
     */
    @Override
    public void afterJob(JobExecution jobExecution) {
        List<Throwable> roots = jobExecution.getAllFailureExceptions().stream().map(ExecutionOwner::root).toList();
        roots.stream().filter(root -> root.getClass() != JobExecutionException.class).findFirst()
                .or(() -> roots.stream().findFirst())
                .ifPresent(root -> jobExecution.setExitStatus(new ExitStatus(
                        jobExecution.getExitStatus().getExitCode(),
                        root.getClass().getSimpleName() + ": " + root.getMessage())));
    }

    private static Throwable root(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /**
     * Whether the process that runs an execution is alive: unknown owners count as gone; an owner on another
     * host counts as alive (it cannot be checked from here, so it is not recovered behind its back).
     */
    public static boolean isAlive(JobExecution execution) {
        var context = execution.getExecutionContext();
        if (!context.containsKey(PID)) {
            return false;
        }
        if (!context.getString(HOST, "").equals(hostName())) {
            return true;
        }
        return ProcessHandle.of(context.getLong(PID)).map(ProcessHandle::isAlive).orElse(false);
    }

    public static String describe(JobExecution execution) {
        var context = execution.getExecutionContext();
        return "pid " + context.getLong(PID, -1) + " on " + context.getString(HOST, "?");
    }

    public static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown-host";
        }
    }
}
