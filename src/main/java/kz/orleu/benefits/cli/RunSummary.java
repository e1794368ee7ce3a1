package kz.orleu.benefits.cli;

import java.time.Duration;
import java.time.LocalDateTime;
import kz.orleu.benefits.correction.AdjustmentTotals;
import kz.orleu.benefits.entitlement.PaidTotals;
import kz.orleu.benefits.run.RunContext;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** What an operator reads at the end of a run: counts per file, decisions, totals paid, where the outputs are. */
@Component
public class RunSummary {

    private final JdbcTemplate jdbc;
    private static final Logger log = LoggerFactory.getLogger(RunSummary.class);

    public RunSummary(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void print(JobExecution execution) {
        long runId = execution.getJobInstance().getInstanceId();
        String quarter = execution.getJobParameters().getString(RunContext.QUARTER);
        LocalDateTime start = execution.getStartTime();
        LocalDateTime end = execution.getEndTime() == null ? LocalDateTime.now() : execution.getEndTime();
        info("execution %d of quarter %s: %s in %ds", execution.getId(), quarter, execution.getStatus(),
                start == null ? 0 : Duration.between(start, end).toSeconds());
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            execution.getAllFailureExceptions().stream().findFirst().ifPresent(e ->
                    info("  cause: " + rootMessage(e)));
            execution.getStepExecutions().stream().filter(s -> s.getStatus() != BatchStatus.COMPLETED)
                    .forEach(s -> info("  step " + s.getStepName() + ": " + s.getStatus()));
            info("  resume with: ops/benefits restart " + execution.getId());
            return;
        }
        jdbc.query("select file, read, accepted, rejected from ingest_count where run_id = ? order by file",
                rs -> {
                    info("  %-18s read %d, accepted %d, rejected %d", rs.getString(1), rs.getLong(2),
                            rs.getLong(3), rs.getLong(4));
                }, runId);
        jdbc.query("select decision, count(*) from entitlement where run_id = ? group by decision order by decision",
                rs -> {
                    info("  decision %-24s %d families", rs.getString(1), rs.getLong(2));
                }, runId);
        jdbc.query(PaidTotals.BY_REGION_AND_BENEFIT, rs -> {
            info("  paid region %-3s %-3s %d families, %s tenge", rs.getString(1), rs.getString(2), rs.getLong(3),
                    rs.getBigDecimal(4).toPlainString());
        }, runId);
        printAdjustments(runId);
        info("  outputs: " + java.nio.file.Path.of(execution.getJobParameters().getString(RunContext.OUTPUT))
                .resolve(quarter));
    }

    /**
     * A correction's totals for the payment unit: families with arrears and overpayments, and the sums by region
     * and benefit as the statistics workbook's Adjustments sheet shows them ({@link AdjustmentTotals}).
     */
    private void printAdjustments(long runId) {
        Boolean corrected = jdbc.queryForObject("select adjusted_against is not null from run where run_id = ?",
                Boolean.class, runId);
        if (!Boolean.TRUE.equals(corrected)) {
            return;
        }
        jdbc.query("""
                select count(distinct family_id) filter (where delta > 0),
                       coalesce(sum(delta) filter (where delta > 0), 0),
                       count(distinct family_id) filter (where delta < 0),
                       coalesce(-sum(delta) filter (where delta < 0), 0),
                       count(*) filter (where kind = 'RECLASSIFIED')
                  from adjustment where run_id = ?""",
                rs -> {
                    info("  adjustments: %d families with arrears, %s tenge; %d families overpaid, %s tenge to recover;"
                            + " %d months reclassified", rs.getLong(1), rs.getBigDecimal(2).toPlainString(),
                            rs.getLong(3), rs.getBigDecimal(4).toPlainString(), rs.getLong(5));
                }, runId);
        jdbc.query(AdjustmentTotals.BY_REGION_AND_BENEFIT, rs -> {
            info("  adjusted region %-3s %-3s arrears %d families %s tenge, overpaid %d families %s tenge,"
                    + " %d months reclassified", rs.getString("region_code"), rs.getString("benefit"),
                    rs.getLong("arrears_families"), rs.getBigDecimal("arrears").toPlainString(),
                    rs.getLong("overpaid_families"), rs.getBigDecimal("overpaid").toPlainString(),
                    rs.getLong("reclassified_months"));
        }, runId);
        jdbc.query("select count(*) from warning where run_id = ? and reason = 'ADJUSTMENT_HELD'", rs -> {
            info("  held: %d families paid before and not computed now (ADJUSTMENT_HELD in warnings.csv)",
                    rs.getLong(1));
        }, runId);
        jdbc.query("select value from warning where run_id = ? and reason = 'STALE_LATER_QUARTER' order by value",
                rs -> {
                    info("  stale later quarter %s: run it again with ops/benefits rerun %s", rs.getString(1),
                            rs.getString(1));
                }, runId);
    }

    private static void info(String format, Object... args) {
        log.info(args.length == 0 ? format : String.format(format, args).stripTrailing());
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
