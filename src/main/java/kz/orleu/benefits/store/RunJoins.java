package kz.orleu.benefits.store;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How the set-based steps have PostgreSQL join and group a run's partitions of the staging and fact tables by the
 * million, for the step's transaction only.
 *
 * <p>PostgreSQL 17 estimates a join of two partitioned tables from the statistics of the parent tables, and the
 * parents have none: ANALYZE of a run's partition gives them none, and ANALYZE of a parent would sample every
 * earlier run's partitions again (PostgreSQL 18 has ANALYZE ONLY). Each such join is then estimated hundreds of
 * times too large, and the planner sorts millions of rows on both sides for merge joins where a hash join of the
 * smaller side, whose size it does know, runs at twice the speed. The hash tables and the aggregates of a run
 * (its members, its duplicate keys) take a few hundred megabytes at a national caseload: with the server's
 * {@code work_mem} they would spill to disk in several batches.
 */
public final class RunJoins {

    /** Enough for the hash tables of 200,000 families without spilling; a larger run spills in fewer batches. */
    private static final String WORK_MEM = "256MB";

    private RunJoins() {
    }

    /** Hash joins instead of merge joins, and room for them in memory, until the transaction ends. */
    public static void hashed(JdbcTemplate jdbc) {
        jdbc.execute("set local enable_mergejoin = off");
        jdbc.execute("set local work_mem = '" + WORK_MEM + "'");
    }
}
