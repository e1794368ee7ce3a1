package kz.orleu.benefits.partition;

import java.util.Collection;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.step.StepExecution;

/**
 * One partitioner, two handlers chosen per run by its job parameter {@code workers}: threads of this JVM
 * ({@link LocalPartitionHandler}, the default) or worker processes ({@link RemotePartitionHandler}). A restart
 * keeps the run's parameters, so it uses the same kind of workers.
 */
public final class WorkersPartitionHandler implements PartitionHandler {

    private final PartitionHandler local;
    private final PartitionHandler remote;

    public WorkersPartitionHandler(PartitionHandler local, PartitionHandler remote) {
        this.local = local;
        this.remote = remote;
    }

    @Override
    public Collection<StepExecution> handle(StepExecutionSplitter splitter, StepExecution manager) throws Exception {
        boolean remoteWorkers = Partitions.remote(manager.getJobExecution().getJobParameters());
        return (remoteWorkers ? remote : local).handle(splitter, manager);
    }
}
