package kz.orleu.benefits.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import kz.orleu.benefits.quarter.Quarter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.stereotype.Repository;

/** The history of runs: which version of each benefit quarter is the latest completed one. */
@Repository
public class RunRepository {

    private final JdbcTemplate jdbc;

    public RunRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Status of a simulation's throwaway run from its registration to its deletion; never 'COMPLETED'. */
    public static final String SIMULATION = "SIMULATION";

    /**
     * Registers the run once; a restarted execution finds it already there and keeps its version. A simulation's
     * run is registered with status {@value #SIMULATION}, which no query for the latest completed version ever
     * selects, and with the negative of its run id as version, so that it takes no version number from the
     * quarter (a real run started meanwhile gets the number it would have had) and never collides with another.
     */
    public void register(RunContext run, boolean simulation) {
        jdbc.update("""
                insert into run (run_id, benefit_quarter, income_quarter, version, input_dir, output_dir, status)
                select ?, ?, ?, case when ? then -? else
                       coalesce((select max(version) from run where benefit_quarter = ? and version > 0), 0) + 1 end,
                       ?, ?, case when ? then 'SIMULATION' else 'RUNNING' end
                on conflict (run_id) do nothing""",
                run.runId(), run.benefitQuarter().toString(), run.incomeQuarter().toString(), simulation,
                run.runId(), run.benefitQuarter().toString(), run.input().toAbsolutePath().toString(),
                run.output().toAbsolutePath().toString(), simulation);
    }

    /** Tables holding one partition per run: the staged input and the results. */
    public static final java.util.List<String> PARTITIONED = java.util.List.of("stg_family", "stg_member",
            "stg_income", "stg_contract", "stg_obligation", "stg_monitoring", "fact_member", "fact_contract",
            "fact_previous_result", "family_case", "entitlement", "payment");

    /**
     * Creates the run's partitions (idempotent, so a restarted registerRun finds them and goes on), without
     * autovacuum: a run writes each partition once, in bulk, and analyzes it itself, so autovacuum would only
     * scan and rewrite the rows just loaded (hint bits, visibility map) while the run needs the same cores.
     * Freezing before a transaction-id wraparound is not affected: PostgreSQL does it whatever the setting.
     */
    public void createPartitions(long runId) {
        for (String table : PARTITIONED) {
            jdbc.execute("create table if not exists " + table + "_r" + runId + " partition of " + table
                    + " for values in (" + runId + ") with (autovacuum_enabled = false)");
        }
    }

    /** Fresh planner statistics for the run's partition of {@code table}, one of {@link #PARTITIONED}. */
    public void analyze(String table, long runId) {
        jdbc.execute("analyze " + partition(table, runId));
    }

    /**
     * Empties the run's partition of {@code table} in the caller's transaction (undone if it rolls back). Where
     * {@code wal_level} is minimal, as on the embedded server, what the transaction then writes into the partition
     * goes to its files without WAL, written once instead of twice.
     */
    public void truncate(String table, long runId) {
        jdbc.execute("truncate " + partition(table, runId));
    }

    /**
     * Replaces the run's partition of {@code table} with the rows of {@code select}, in the caller's transaction
     * (a failure leaves the old partition). The rows are written by CREATE TABLE AS, which PostgreSQL plans with
     * parallel workers (an INSERT ... SELECT it never does), into a new table that is then given the parent's
     * NOT NULL and CHECK constraints and attached in place of the old partition. {@code select} names every
     * column of the table; each is cast to the parent's type, so that the new partition matches it exactly.
     */
    public void rewrite(String table, long runId, String select, PreparedStatementSetter values) {
        String partition = partition(table, runId);
        List<Map<String, Object>> columns = jdbc.queryForList("""
                select quote_ident(attname) as name, format_type(atttypid, atttypmod) as type, attnotnull
                  from pg_attribute where attrelid = ?::regclass and attnum > 0 and not attisdropped
                 order by attnum""", table);
        List<String> alterations = new ArrayList<>(jdbc.queryForList("""
                select 'add constraint ' || quote_ident(conname) || ' ' || pg_get_constraintdef(oid)
                  from pg_constraint where conrelid = ?::regclass and contype = 'c'""", String.class, table));
        columns.stream().filter(c -> Boolean.TRUE.equals(c.get("attnotnull")))
                .forEach(c -> alterations.add("alter column " + c.get("name") + " set not null"));
        // a constraint implying the partition's bound spares ATTACH its scan of the rows just written
        alterations.add("add constraint " + partition + "_bound check (run_id is not null and run_id = " + runId
                + ")");
        String casts = columns.stream().map(c -> c.get("name") + "::" + c.get("type") + " as " + c.get("name"))
                .collect(Collectors.joining(", "));
        jdbc.execute("drop table if exists " + partition);
        jdbc.update("create table " + partition + " with (autovacuum_enabled = false) as select " + casts
                + " from (\n" + select + "\n) written", values);
        jdbc.execute("alter table " + partition + " " + String.join(", ", alterations));
        jdbc.execute("alter table " + table + " attach partition " + partition + " for values in (" + runId + ")");
    }

    private static String partition(String table, long runId) {
        if (!PARTITIONED.contains(table)) {
            throw new IllegalArgumentException(table + " has no partition per run");
        }
        return table + "_r" + runId;
    }

    public int version(long runId) {
        return jdbc.queryForObject("select version from run where run_id = ?", Integer.class, runId);
    }

    public void recordRuleSet(long runId, String ruleSet) {
        jdbc.update("update run set rule_set = ? where run_id = ?", ruleSet, runId);
    }

    public void markCompleted(long runId) {
        // a simulation's run keeps its status to the end: it is deleted, never a completed version
        jdbc.update("""
                update run set status = case when status = 'SIMULATION' then status else 'COMPLETED' end,
                       completed_at = now()
                 where run_id = ?""", runId);
    }

    public void markAbandoned(long runId) {
        jdbc.update("update run set status = 'ABANDONED' where run_id = ? and status not in ('COMPLETED', 'SIMULATION')",
                runId);
    }

    /** The latest completed version of a benefit quarter, if it was ever run to the end. */
    public Optional<Long> latestCompleted(Quarter benefitQuarter) {
        List<Long> ids = jdbc.queryForList("""
                select run_id from run where benefit_quarter = ? and status = 'COMPLETED'
                order by version desc limit 1""", Long.class, benefitQuarter.toString());
        return ids.stream().findFirst();
    }

    /** The run ids of the latest completed version of every benefit quarter before {@code benefitQuarter}. */
    public List<Long> latestEarlierRuns(Quarter benefitQuarter) {
        return jdbc.query(LATEST_EARLIER_RUNS, (rs, i) -> rs.getLong(1), benefitQuarter.toString());
    }

    /** SQL selecting the run ids of the latest completed version of every benefit quarter before {@code ?}. */
    public static final String LATEST_EARLIER_RUNS = """
            select distinct on (benefit_quarter) run_id, benefit_quarter
              from run
             where status = 'COMPLETED' and benefit_quarter < ?
             order by benefit_quarter, version desc""";
}
