package kz.orleu.benefits.partition;

import java.util.Collection;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * Runs a step's partitions on threads of the job's JVM with Spring Batch's {@link TaskExecutorPartitionHandler}.
 * The number of partitions is the run's ({@link Partitions#of}), so the handler is made per manager execution;
 * on a restart Spring Batch keeps the first execution's grid and reruns only its unfinished partitions.
 */
public final class LocalPartitionHandler implements PartitionHandler {

    private final Step worker;
    private final int maxConcurrent;

    /** {@code maxConcurrent}: partitions running at once at most (the connection pool's bound). */
    public LocalPartitionHandler(Step worker, int maxConcurrent) {
        this.worker = worker;
        this.maxConcurrent = maxConcurrent;
    }

    @Override
    public Collection<StepExecution> handle(StepExecutionSplitter splitter, StepExecution manager) throws Exception {
        int partitions = Partitions.of(manager.getJobExecution().getJobParameters());
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor(manager.getStepName() + "-");
        threads.setConcurrencyLimit(Math.min(partitions, maxConcurrent));
        TaskExecutorPartitionHandler handler = new TaskExecutorPartitionHandler();
        handler.setStep(worker);
        handler.setTaskExecutor(threads);
        handler.setGridSize(partitions);
        handler.afterPropertiesSet();
        return handler.handle(splitter, manager);
    }
}
