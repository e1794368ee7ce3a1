package kz.orleu.benefits.partition;

import java.time.Duration;
import java.util.Collection;
import javax.sql.DataSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.integration.core.MessagingTemplate;

/**
 * Sends a step's partitions to worker processes ({@code ops/benefits worker}) over {@link PartitionRequests} with
 * Spring Batch's {@link MessageChannelPartitionHandler}, and learns that they finished by polling the job
 * repository (no reply channel). A worker that dies leaves its partition STARTED: after {@code timeout} the step
 * fails, and the partitions still unfinished are marked FAILED first, so that a worker that was only slow fails at
 * its next commit (the repository's optimistic lock) instead of finishing a partition a restart runs again.
 */
public final class RemotePartitionHandler implements PartitionHandler {

    private final String workerStepName;
    private final JobRepository jobRepository;
    private final DataSource dataSource;
    private final Duration timeout;

    public RemotePartitionHandler(String workerStepName, JobRepository jobRepository, DataSource dataSource,
            Duration timeout) {
        this.workerStepName = workerStepName;
        this.jobRepository = jobRepository;
        this.dataSource = dataSource;
        this.timeout = timeout;
    }

    @Override
    public Collection<StepExecution> handle(StepExecutionSplitter splitter, StepExecution manager) throws Exception {
        MessageChannelPartitionHandler handler = new MessageChannelPartitionHandler();
        handler.setStepName(workerStepName);
        handler.setGridSize(Partitions.of(manager.getJobExecution().getJobParameters()));
        handler.setJobRepository(jobRepository);
        handler.setMessagingOperations(new MessagingTemplate(PartitionRequests.channel(dataSource)));
        handler.setPollInterval(Math.min(1000, timeout.toMillis()));
        handler.setTimeout(timeout.toMillis());
        handler.afterPropertiesSet();
        try {
            return handler.handle(splitter, manager);
        } catch (Exception e) {
            failUnfinished(manager.getJobExecution());
            throw e;
        }
    }

    private void failUnfinished(JobExecution job) {
        JobExecution current = jobRepository.getJobExecution(job.getId());
        for (StepExecution step : current.getStepExecutions()) {
            if (step.getStepName().startsWith(workerStepName + ":")
                    && (step.getStatus() == BatchStatus.STARTING || step.getStatus() == BatchStatus.STARTED)) {
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(ExitStatus.FAILED.addExitDescription(
                        "no worker finished this partition within " + timeout));
                jobRepository.update(step);
            }
        }
    }
}
