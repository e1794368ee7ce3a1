package kz.orleu.benefits.job;

import java.net.InetAddress;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Writes the host and process id that run an execution into its context, so that a later {@code restart} can
 * tell an execution whose process was killed (recover it) from one that is still running (refuse).
 */
public class ExecutionOwner implements JobExecutionListener {

    public static final String HOST = "owner.host";
    public static final String PID = "owner.pid";

    @Override
    public void beforeJob(JobExecution jobExecution) {
        jobExecution.getExecutionContext().putString(HOST, hostName());
        jobExecution.getExecutionContext().putLong(PID, ProcessHandle.current().pid());
    }

    public static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown-host";
        }
    }
}
