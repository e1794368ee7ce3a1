package kz.orleu.benefits.store;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How the set-based steps have PostgreSQL join a run's partitions of the staging and fact tables by the million,
 * for the step's transaction only. PostgreSQL 17 estimates a join of two partitioned tables from the statistics of
 * the parent tables, and the parents have none: ANALYZE of a run's partition does not give them any, and ANALYZE
 * of a parent would sample every earlier run's partitions again (PostgreSQL 18 has ANALYZE ONLY). Each such join
 * is then estimated hundreds of times too large, and the planner sorts millions of rows on both sides for merge
 * joins where a hash join of the smaller side, whose size it does know, runs in memory at twice the speed.
 */
public final class RunJoins {

    private RunJoins() {
    }

    /** Hash joins (or nested loops on an index) instead of merge joins, until the transaction ends. */
    public static void hashed(JdbcTemplate jdbc) {
        jdbc.execute("set local enable_mergejoin = off");
    }
}
