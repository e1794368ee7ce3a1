package kz.orleu.benefits.partition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One partition of a run's families: those whose {@code hashtext(family_id)} (PostgreSQL's own, stable across
 * servers of one major version and computed where the rows are) falls in {@code [from, to)}. The ranges of a
 * split cover the whole 32-bit hash space, so every family is in exactly one partition whatever its id.
 *
 * @param from first hash value of the range, inclusive
 * @param to end of the range, exclusive (up to 2^31, one past the largest hash)
 */
public record FamilyHashRange(long from, long to) {

    static final long MIN = Integer.MIN_VALUE;
    static final long END = Integer.MAX_VALUE + 1L;

    /** Keys in a partition's execution context, kept there so a restarted partition reads the same families. */
    static final String FROM_KEY = "familyHashFrom";
    static final String TO_KEY = "familyHashTo";

    /** Every family: what a worker step reads when it runs without a partition context. */
    public static final FamilyHashRange ALL = new FamilyHashRange(MIN, END);

    public FamilyHashRange {
        if (from < MIN || to > END || from >= to) {
            throw new IllegalArgumentException("not a range of 32-bit hashes: [" + from + ", " + to + ")");
        }
    }

    /** The hash space cut into {@code n} contiguous ranges of (nearly) equal width, in order. */
    public static List<FamilyHashRange> split(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("partitions must be 1 or more: " + n);
        }
        long width = END - MIN;
        List<FamilyHashRange> ranges = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ranges.add(new FamilyHashRange(MIN + width * i / n, MIN + width * (i + 1) / n));
        }
        return ranges;
    }

    /** The range a partition's step execution was given; {@link #ALL} outside a partitioned step. */
    public static FamilyHashRange of(StepExecution step) {
        ExecutionContext context = step.getExecutionContext();
        if (!context.containsKey(FROM_KEY)) {
            return ALL;
        }
        return new FamilyHashRange(context.getLong(FROM_KEY), context.getLong(TO_KEY));
    }

    ExecutionContext toContext() {
        ExecutionContext context = new ExecutionContext();
        context.putLong(FROM_KEY, from);
        context.putLong(TO_KEY, to);
        return context;
    }

    /** Named parameters {@code hash_from} and {@code hash_to} of the readers' range predicate. */
    public Map<String, Object> parameters() {
        return Map.of("hash_from", from, "hash_to", to);
    }
}
