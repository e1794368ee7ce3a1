package kz.orleu.benefits.observability;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * A progress line at most every 10 seconds during a long step: rows done, rows per second and, when the step
 * knows its total, the estimated time left. The total is in the step's own unit (rows, or bytes of its file).
 */
public final class ProgressReporter implements ChunkListener<Object, Object>, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(ProgressReporter.class);
    private static final long INTERVAL_NANOS = Duration.ofSeconds(10).toNanos();

    /** How far a step is: done and total in the same unit, total 0 when unknown. */
    public interface Measure {
        long done(StepExecution step);

        long total(StepExecution step);

        static Measure rows(ToLongFunction<StepExecution> total) {
            return new Measure() {
                @Override
                public long done(StepExecution step) {
                    return step.getReadCount();
                }

                @Override
                public long total(StepExecution step) {
                    return total.applyAsLong(step);
                }
            };
        }
    }

    private final Measure measure;
    private final LongSupplier clock;
    private StepExecution step;
    private long started;
    private long lastReport;
    private long total;

    public ProgressReporter(Measure measure) {
        this(measure, System::nanoTime);
    }

    ProgressReporter(Measure measure, LongSupplier clock) {
        this.measure = measure;
        this.clock = clock;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        step = stepExecution;
        started = clock.getAsLong();
        lastReport = started;
        total = -1;
    }

    @Override
    public void afterChunk(Chunk<Object> chunk) {
        long now = clock.getAsLong();
        if (now - lastReport < INTERVAL_NANOS) {
            return;
        }
        lastReport = now;
        log.info(line(now));
    }

    String line(long now) {
        if (total < 0) {
            total = measure.total(step);
        }
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        long rows = step.getReadCount();
        long done = measure.done(step);
        StringBuilder text = new StringBuilder().append(step.getStepName()).append(": ").append(rows)
                .append(" rows, ").append(Math.round(rows / seconds)).append(" rows/s");
        if (total > 0 && done > 0) {
            long left = Math.round((total - done) * seconds / done);
            text.append(", ").append(Math.min(100, done * 100 / total)).append(" % done, about ")
                    .append(left).append(" s left");
        }
        return text.toString();
    }
}
