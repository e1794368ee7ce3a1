package kz.orleu.benefits.facts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.orleu.benefits.declaration.ContractSpans;
import kz.orleu.benefits.declaration.InputFile;
import kz.orleu.benefits.declaration.WarningReason;
import kz.orleu.benefits.run.RunContext;
import kz.orleu.benefits.run.RunRepository;
import kz.orleu.benefits.store.NamedSql;
import kz.orleu.benefits.store.RunJoins;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes a run's facts (members counted, contracts in force or terminated, the previous version's results) into
 * the per-run tables {@code fact_*}, each from its one reviewed statement in {@code facts/*.sql}. Every method
 * empties the run's partition before inserting into it, in the caller's one transaction, so a restarted step
 * starts clean (and, emptied by TRUNCATE, the partition is written without WAL where {@code wal_level} is minimal).
 */
public final class RunFacts {

    static final NamedSql MEMBERS = NamedSql.resource("facts/members.sql");
    static final NamedSql CONTRACTS = ContractSpans.readBy(NamedSql.resource("facts/contracts.sql"));
    static final NamedSql PREVIOUS_RESULTS = NamedSql.resource("facts/previous-results.sql");

    private final JdbcTemplate jdbc;
    private final RunRepository runs;

    public RunFacts(JdbcTemplate jdbc, RunRepository runs) {
        this.jdbc = jdbc;
        this.runs = runs;
    }

    /**
     * The tasklet of {@code establishFacts}, after cross-file validation: members, contracts with the
     * terminations of earlier quarters (compliance has not judged this run yet), previous results.
     */
    public void establish(RunContext run) {
        long runId = run.runId();
        RunJoins.hashed(jdbc);
        // a run registered before the facts tables existed gets its partitions here (idempotent)
        runs.createPartitions(runId);
        Map<String, Object> values = values(run, false);
        // 4.5 M rows at 1 M families: written by CREATE TABLE AS, which PostgreSQL runs with parallel workers
        runs.rewrite("fact_member", runId, MEMBERS.sql(), MEMBERS.setter(values));
        runs.analyze("fact_member", runId);
        replace("fact_contract", CONTRACTS, values, runId);
        Long previousRun = runs.latestCompleted(run.benefitQuarter().previous()).orElse(null);
        // No previous version: -1 matches no run (a null would make the planner scan every partition).
        values.put("previous_run", previousRun == null ? -1L : previousRun);
        replace("fact_previous_result", PREVIOUS_RESULTS, values, runId);
    }

    /**
     * The tasklet of {@code establishTerminations}, after {@code judgeCompliance}: the contracts again, now with
     * this run's TERMINATED sanctions, which take them out of force in the benefit quarter.
     */
    public void establishTerminations(RunContext run) {
        RunJoins.hashed(jdbc);
        replace("fact_contract", CONTRACTS, values(run, true), run.runId());
    }

    private Map<String, Object> values(RunContext run, boolean withThisRun) {
        Map<String, Object> values = new HashMap<>();
        values.put("run", run.runId());
        values.put("bq_start", run.benefitQuarter().firstDay());
        values.put("iq_start", run.incomeQuarter().firstDay());
        List<Long> earlier = runs.latestEarlierRuns(run.benefitQuarter());
        values.put("earlier_runs", earlier.toArray(Long[]::new));
        values.put("with_this_run", withThisRun);
        return values;
    }

    private void replace(String table, NamedSql insert, Map<String, Object> values, long runId) {
        runs.truncate(table, runId);
        jdbc.update(insert.sql(), insert.setter(values));
        // a bulk insert leaves no planner statistics, and the next steps join these rows by the million
        runs.analyze(table, runId);
    }

    /**
     * A family nobody is counted in is INCOMPLETE_DATA; the warning tells the department which and why. Written
     * by {@code gatherFamilyCases} once it has counted each family's members ({@code family_case.members}, from
     * {@code fact_member.counted}): the few families with none are joined with their lines, instead of every
     * family anti-joined with every member again.
     */
    public void warnFamiliesWithNobodyCounted(RunContext run) {
        jdbc.update("delete from warning where run_id = ? and reason = ?", run.runId(),
                WarningReason.NO_MEMBER_COUNTED.name());
        jdbc.update("""
                insert into warning (run_id, file, line, column_name, value, reason, message)
                select f.run_id, ?, f.line, 'family_id', f.family_id, ?, ?
                  from family_case fc
                  join stg_family f on f.run_id = fc.run_id and f.family_id = fc.family_id and not f.rejected
                 where fc.run_id = ? and fc.members = 0""",
                InputFile.FAMILIES.fileName(), WarningReason.NO_MEMBER_COUNTED.name(),
                "no member is counted on " + run.benefitQuarter().firstDay() + ": INCOMPLETE_DATA",
                run.runId());
    }
}
