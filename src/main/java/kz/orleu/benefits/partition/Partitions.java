package kz.orleu.benefits.partition;

import org.springframework.batch.core.job.parameters.JobParameters;

/** How many partitions a run's per-family steps are split into: {@code --partitions N}, else one per core. */
public final class Partitions {

    /** Job parameter (not identifying: it changes how a run is computed, never what it computes). */
    public static final String PARAMETER = "partitions";
    public static final int MAX = 1024;

    private Partitions() {
    }

    public static int defaultCount() {
        return Runtime.getRuntime().availableProcessors();
    }

    public static int of(JobParameters parameters) {
        String value = parameters.getString(PARAMETER);
        return value == null || value.isBlank() ? defaultCount() : Integer.parseInt(value);
    }

    /**
     * Partitions that may run at once on a pool of {@code poolSize} connections: each holds two (its cursor and
     * its chunk transaction), and the job repository needs a few of its own.
     */
    public static int concurrencyFor(int poolSize) {
        return Math.max(1, (poolSize - 4) / 2);
    }
}
