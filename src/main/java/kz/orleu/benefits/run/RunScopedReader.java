package kz.orleu.benefits.run;

import java.util.function.Function;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * A reader made for the run a step belongs to (its input folder, its run id, its quarter), built when the step
 * starts and before it is opened, so one step bean serves every run, restarts included.
 */
public final class RunScopedReader<T> implements ItemStreamReader<T>, StepExecutionListener {

    private final Function<StepExecution, ItemStreamReader<T>> factory;
    private ItemStreamReader<T> delegate;

    public RunScopedReader(Function<StepExecution, ItemStreamReader<T>> factory) {
        this.factory = factory;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        delegate = factory.apply(stepExecution);
    }

    @Override
    public void open(ExecutionContext context) {
        delegate.open(context);
    }

    @Override
    public T read() throws Exception {
        return delegate.read();
    }

    @Override
    public void update(ExecutionContext context) {
        delegate.update(context);
    }

    @Override
    public void close() {
        if (delegate != null) {
            delegate.close();
        }
    }
}
