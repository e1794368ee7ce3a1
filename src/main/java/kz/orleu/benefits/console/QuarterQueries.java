package kz.orleu.benefits.console;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import kz.orleu.benefits.correction.QuarterVersion;
import kz.orleu.benefits.correction.QuarterVersions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every benefit quarter with its versions, which are stale, and what each correction pays or recovers. */
@Repository
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class QuarterQueries {

    /**
     * One version (run) of a benefit quarter. {@code arrears} and {@code overpaid} are the totals of its
     * adjustments against the version before (zero for a first version); {@code executionId} its latest execution.
     */
    public record Version(String quarter, int version, long runId, Long executionId, String status,
            OffsetDateTime startedAt, OffsetDateTime completedAt, String inputDir, long adjustments,
            BigDecimal arrears, BigDecimal overpaid, boolean stale) {
    }

    private final JdbcTemplate jdbc;
    private final QuarterVersions versions;

    public QuarterQueries(JdbcTemplate jdbc, QuarterVersions versions) {
        this.jdbc = jdbc;
        this.versions = versions;
    }

    /** Newest quarter first, each with its versions newest first. */
    public Map<String, List<Version>> quarters() {
        // Stale is a property of a quarter's latest completed version: QuarterVersions decides it, once.
        Set<Long> stale = versions.latestOfEveryQuarter().stream().filter(QuarterVersion::stale)
                .map(QuarterVersion::runId).collect(Collectors.toSet());
        List<Version> all = jdbc.query("""
                select r.benefit_quarter, r.version, r.run_id,
                       (select max(e.job_execution_id) from batch_job_execution e
                         where e.job_instance_id = r.run_id) as execution_id,
                       r.status, r.started_at, r.completed_at, r.input_dir,
                       (select count(*) from adjustment a where a.run_id = r.run_id) as adjustments,
                       (select coalesce(sum(a.delta) filter (where a.delta > 0), 0) from adjustment a
                         where a.run_id = r.run_id) as arrears,
                       (select coalesce(-sum(a.delta) filter (where a.delta < 0), 0) from adjustment a
                         where a.run_id = r.run_id) as overpaid
                  from run r order by r.benefit_quarter desc, r.version desc""",
                (rs, n) -> {
                    long execution = rs.getLong("execution_id");
                    Long executionId = rs.wasNull() ? null : execution;
                    return new Version(rs.getString("benefit_quarter"), rs.getInt("version"), rs.getLong("run_id"),
                            executionId, rs.getString("status"), rs.getObject("started_at", OffsetDateTime.class),
                            rs.getObject("completed_at", OffsetDateTime.class), rs.getString("input_dir"),
                            rs.getLong("adjustments"), rs.getBigDecimal("arrears"), rs.getBigDecimal("overpaid"),
                            stale.contains(rs.getLong("run_id")));
                });
        return all.stream().collect(Collectors.groupingBy(Version::quarter, LinkedHashMap::new, Collectors.toList()));
    }
}
