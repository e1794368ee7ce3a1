package kz.orleu.benefits.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDateTime;
import kz.orleu.benefits.run.RunContext;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What an operator reads at the end of a run: counts per file, decisions, totals paid, where the outputs are. */
@Component
public class RunSummary {

    private final JdbcTemplate jdbc;
    private final PrintStream out = System.out;

    public RunSummary(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void print(JobExecution execution) {
        long runId = execution.getJobInstance().getInstanceId();
        String quarter = execution.getJobParameters().getString(RunContext.QUARTER);
        LocalDateTime start = execution.getStartTime();
        LocalDateTime end = execution.getEndTime() == null ? LocalDateTime.now() : execution.getEndTime();
        out.printf("execution %d of quarter %s: %s in %ds%n", execution.getId(), quarter, execution.getStatus(),
                start == null ? 0 : Duration.between(start, end).toSeconds());
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            execution.getAllFailureExceptions().stream().findFirst().ifPresent(e ->
                    out.println("  cause: " + rootMessage(e)));
            execution.getStepExecutions().stream().filter(s -> s.getStatus() != BatchStatus.COMPLETED)
                    .forEach(s -> out.println("  step " + s.getStepName() + ": " + s.getStatus()));
            out.println("  resume with: ops/benefits restart " + execution.getId());
            return;
        }
        jdbc.query("select file, read, accepted, rejected from ingest_count where run_id = ? order by file",
                rs -> {
                    out.printf("  %-18s read %d, accepted %d, rejected %d%n", rs.getString(1), rs.getLong(2),
                            rs.getLong(3), rs.getLong(4));
                }, runId);
        jdbc.query("select decision, count(*) from entitlement where run_id = ? group by decision order by decision",
                rs -> {
                    out.printf("  decision %-24s %d families%n", rs.getString(1), rs.getLong(2));
                }, runId);
        jdbc.query("""
                select e.region_code, p.benefit, count(distinct p.family_id), sum(p.amount)
                  from payment p join entitlement e on e.run_id = p.run_id and e.family_id = p.family_id
                 where p.run_id = ? group by e.region_code, p.benefit order by e.region_code, p.benefit""",
                rs -> {
                    out.printf("  paid region %-3s %-3s %d families, %s tenge%n", rs.getString(1), rs.getString(2),
                            rs.getLong(3), rs.getBigDecimal(4).toPlainString());
                }, runId);
        out.println("  outputs: " + java.nio.file.Path.of(execution.getJobParameters().getString(RunContext.OUTPUT))
                .resolve(quarter));
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
