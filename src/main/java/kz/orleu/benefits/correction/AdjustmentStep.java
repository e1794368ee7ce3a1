package kz.orleu.benefits.correction;

import java.util.List;
import java.util.Map;
import kz.orleu.benefits.run.RunContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The tasklet of {@code computeAdjustments} (contracts.md, "Corrections: running a quarter again"): compares this
 * version of the benefit quarter with what the payment unit was sent, holds the families it cannot compute, and
 * names the later quarters it makes stale. Deletes and rewrites the run's rows in the step's one transaction, so
 * a restart computes exactly the same rows again.
 */
public final class AdjustmentStep {

    private static final Logger log = LoggerFactory.getLogger(AdjustmentStep.class);

    /**
     * The earlier completed versions of the run's benefit quarter, latest first; the first is what the payment
     * unit was sent last. Failed, stopped and abandoned runs never are.
     */
    private static final String EARLIER_VERSIONS = """
            select e.run_id from run e join run r on r.run_id = :run
             where e.benefit_quarter = r.benefit_quarter and e.status = 'COMPLETED' and e.version < r.version
             order by e.version desc""";

    /**
     * Which version's payment stands for each family: the latest earlier completed version that computed it (a
     * family held in a version kept the payment of the one before). Families never computed before stand on
     * nothing, against the latest earlier version.
     */
    private static final String STANDING = """
            standing as (
                select distinct on (e.family_id) e.family_id, e.run_id, e.benefit, e.quarter_amount
                  from entitlement e join run v on v.run_id = e.run_id
                 where e.run_id in (:earlier_runs) and e.decision <> 'INCOMPLETE_DATA'
                 order by e.family_id, v.version desc)""";

    /**
     * Set-based: one full join of the standing and the new payments by family and month (a lump sum counts in its
     * month, a month without a row is 0 under NONE), kept where benefit or amount differ, for families this
     * version computes. Per family the deltas add up to the new quarter amount minus the standing one.
     */
    private static final String ADJUSTMENTS = """
            insert into adjustment (run_id, family_id, month, benefit_before, amount_before, benefit_now, amount_now,
                                    delta, kind, run_before)
            with %s,
            computed as (
                select family_id from entitlement where run_id = :run and decision <> 'INCOMPLETE_DATA'),
            paid_before as (
                select p.family_id, p.month, p.benefit, p.amount, p.run_id
                  from payment p join standing s on s.run_id = p.run_id and s.family_id = p.family_id
                 where p.run_id in (:earlier_runs)),
            paid_now as (select family_id, month, benefit, amount from payment where run_id = :run),
            months as (
                select coalesce(n.family_id, b.family_id) as family_id, coalesce(n.month, b.month) as month,
                       coalesce(b.benefit, 'NONE') as benefit_before, coalesce(b.amount, 0) as amount_before,
                       coalesce(n.benefit, 'NONE') as benefit_now, coalesce(n.amount, 0) as amount_now
                  from paid_now n full join paid_before b on b.family_id = n.family_id and b.month = n.month)
            select :run, m.family_id, m.month, m.benefit_before, m.amount_before, m.benefit_now, m.amount_now,
                   m.amount_now - m.amount_before,
                   case when m.amount_now > m.amount_before then 'ARREARS'
                        when m.amount_now < m.amount_before then 'OVERPAYMENT' else 'RECLASSIFIED' end,
                   coalesce(s.run_id, :earlier)
              from months m
              join computed c on c.family_id = m.family_id
              left join standing s on s.family_id = m.family_id
             where m.amount_now <> m.amount_before or m.benefit_now <> m.benefit_before""".formatted(STANDING);

    /** Paid in the standing version, but INCOMPLETE_DATA or absent now: its new amount is unknown, not zero. */
    private static final String HELD = """
            insert into warning (run_id, file, line, column_name, value, reason, message)
            with %s
            select :run, null, null, 'family_id', s.family_id, 'ADJUSTMENT_HELD',
                   'paid ' || s.quarter_amount || ' (' || s.benefit || ') in version ' || v.version || ', '
                   || case when n.family_id is null then 'absent from' else 'INCOMPLETE_DATA in' end
                   || ' this version: no adjustment, that payment stands until a later version computes the family'
              from standing s
              join run v on v.run_id = s.run_id
              left join entitlement n on n.run_id = :run and n.family_id = s.family_id
             where s.benefit <> 'NONE' and (n.family_id is null or n.decision = 'INCOMPLETE_DATA')"""
            .formatted(STANDING);

    /** The latest completed version of every later benefit quarter: each read an older version of this one. */
    private static final String LATER_QUARTERS = """
            select distinct on (l.benefit_quarter) l.benefit_quarter, l.version
              from run l join run r on r.run_id = :run
             where l.benefit_quarter > r.benefit_quarter and l.status = 'COMPLETED'
             order by l.benefit_quarter, l.version desc""";

    private final NamedParameterJdbcTemplate jdbc;

    public AdjustmentStep(JdbcTemplate jdbc) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    }

    public void compute(RunContext run) {
        MapSqlParameterSource params = new MapSqlParameterSource("run", run.runId());
        jdbc.update("delete from adjustment where run_id = :run", params);
        jdbc.update("delete from warning where run_id = :run and reason in ('ADJUSTMENT_HELD', 'STALE_LATER_QUARTER')",
                params);
        List<Long> earlierRuns = jdbc.queryForList(EARLIER_VERSIONS, params, Long.class);
        Long earlier = earlierRuns.isEmpty() ? null : earlierRuns.get(0);
        jdbc.update("update run set adjusted_against = :earlier where run_id = :run",
                new MapSqlParameterSource(params.getValues()).addValue("earlier", earlier,
                        java.sql.Types.BIGINT));
        if (earlier != null) {
            MapSqlParameterSource versions = new MapSqlParameterSource(params.getValues())
                    .addValue("earlier", earlier)
                    .addValue("earlier_runs", earlierRuns);
            int rows = jdbc.update(ADJUSTMENTS, versions);
            int held = jdbc.update(HELD, versions);
            log.info("{} adjustment rows against the earlier versions of {}, {} families held", rows,
                    run.benefitQuarter(), held);
        }
        for (Map<String, Object> later : jdbc.queryForList(LATER_QUARTERS, params)) {
            String quarter = (String) later.get("benefit_quarter");
            String message = quarter + " version " + later.get("version") + " was computed from an older version of "
                    + run.benefitQuarter() + ": run it again (ops/benefits rerun " + quarter
                    + "), later quarters in order";
            jdbc.update("""
                    insert into warning (run_id, file, line, column_name, value, reason, message)
                    values (:run, null, null, 'quarter', :quarter, 'STALE_LATER_QUARTER', :message)""",
                    new MapSqlParameterSource(params.getValues()).addValue("quarter", quarter)
                            .addValue("message", message));
            log.warn("stale later quarter: {}", message);
        }
    }

    /** The warning reasons this step writes, for readers that tell them from the input's warnings. */
    public static final List<String> REASONS = List.of(CorrectionWarning.ADJUSTMENT_HELD.name(),
            CorrectionWarning.STALE_LATER_QUARTER.name());
}
