package kz.orleu.benefits.job;

import java.util.concurrent.atomic.AtomicReference;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * A deliberate failure for restart drills and tests: fails one step once, either before it starts (tasklet
 * steps) or while writing its n-th chunk (chunk steps, so the chunks before it are committed). Armed by a test,
 * or by the system property {@code benefits.fault=STEP:N} for drills on a real deployment; disarmed after
 * firing, so a restart in the same process runs clean. Inert otherwise.
 */
public final class FaultInjection implements ItemWriteListener<Object>, StepExecutionListener {

    /**
     * Where to fail: the step, and the chunk (1-based) whose write fails; 0 fails before the step starts.
     * {@code halt}: the process dies there instead ({@code STEP:N:halt}), as under SIGKILL, with the chunk
     * uncommitted: a drill for a worker process lost mid-partition.
     */
    public record Plan(String stepName, int chunk, boolean halt) {

        static Plan parse(String text) {
            String[] parts = text.split(":");
            return new Plan(parts[0], parts.length > 1 ? Integer.parseInt(parts[1]) : 0,
                    parts.length > 2 && parts[2].equals("halt"));
        }
    }

    /** The failure it throws, recognisable in logs and exit messages. */
    public static final class InjectedFault extends RuntimeException {

        private static final long serialVersionUID = 1L;

        InjectedFault(String message) {
            super(message);
        }
    }

    private static final AtomicReference<Plan> PLAN = new AtomicReference<>(fromSystemProperty());

    private final String stepName;
    private int chunks;

    public FaultInjection(String stepName) {
        this.stepName = stepName;
    }

    public static void arm(String stepName, int chunk) {
        PLAN.set(new Plan(stepName, chunk, false));
    }

    public static void disarm() {
        PLAN.set(null);
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        chunks = 0;
        fireIf(0);
    }

    @Override
    public void afterWrite(Chunk<?> items) {
        chunks++;
        fireIf(chunks);
    }

    private void fireIf(int chunk) {
        Plan plan = PLAN.get();
        if (plan != null && plan.stepName().equals(stepName) && plan.chunk() == chunk
                && PLAN.compareAndSet(plan, null)) {
            if (plan.halt()) {
                Runtime.getRuntime().halt(137);
            }
            throw new InjectedFault("injected fault in step " + stepName + (chunk == 0 ? " before it started"
                    : " while writing chunk " + chunk));
        }
    }

    private static Plan fromSystemProperty() {
        String value = System.getProperty("benefits.fault");
        return value == null || value.isBlank() ? null : Plan.parse(value.strip());
    }
}
