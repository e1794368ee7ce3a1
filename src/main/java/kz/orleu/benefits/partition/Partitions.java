package kz.orleu.benefits.partition;

import org.springframework.batch.core.job.parameters.JobParameters;

/** How many partitions a run's per-family steps are split into: {@code --partitions N}, else one per core. */
public final class Partitions {

    /** Job parameter (not identifying: it changes how a run is computed, never what it computes). */
    public static final String PARAMETER = "partitions";
    public static final int MAX = 1024;
    /** Job parameter {@code workers}: {@code remote} sends partitions to worker processes; absent, threads here. */
    public static final String WORKERS = "workers";
    public static final String REMOTE = "remote";

    private Partitions() {
    }

    public static int defaultCount() {
        return Runtime.getRuntime().availableProcessors();
    }

    public static int of(JobParameters parameters) {
        String value = parameters.getString(PARAMETER);
        return value == null || value.isBlank() ? defaultCount() : Integer.parseInt(value);
    }

    public static boolean remote(JobParameters parameters) {
        return REMOTE.equals(parameters.getString(WORKERS));
    }

    /**
     * Partitions that may run at once on a pool of {@code poolSize} connections: each holds two (its cursor and
     * its chunk transaction), and the job repository needs a few of its own.
     */
    public static int concurrencyFor(int poolSize) {
        return Math.max(1, (poolSize - 4) / 2);
    }
}
