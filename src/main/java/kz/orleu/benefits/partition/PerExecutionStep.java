package kz.orleu.benefits.partition;

import java.util.function.Supplier;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;

/**
 * A worker step built afresh for every partition it executes. The readers, processors, writers and listeners of
 * the chunk steps keep per-execution state in fields (the cursor, the run id, the rule set), so partitions
 * running side by side in one JVM must never share them; a step-scoped proxy would do the same less visibly.
 */
public final class PerExecutionStep implements Step {

    private final String name;
    private final Supplier<Step> factory;

    public PerExecutionStep(String name, Supplier<Step> factory) {
        this.name = name;
        this.factory = factory;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public void execute(StepExecution stepExecution) throws JobInterruptedException {
        factory.get().execute(stepExecution);
    }
}
