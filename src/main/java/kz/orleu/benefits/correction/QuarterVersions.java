package kz.orleu.benefits.correction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import kz.orleu.benefits.quarter.Quarter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The versions of every benefit quarter: the latest completed one of each (what the payment unit was sent;
 * failed, stopped and abandoned runs never are), and which of them are stale.
 */
@Repository
public class QuarterVersions {

    /**
     * The latest completed version of each benefit quarter. It is stale when a version of an earlier quarter
     * completed after it started: it read that earlier quarter's results (change codes, failure counts,
     * terminations) before they were replaced.
     */
    private static final String LATEST = """
            with latest as (
                select distinct on (benefit_quarter) run_id, benefit_quarter, version, started_at, completed_at,
                       input_dir, output_dir
                  from run where status = 'COMPLETED'
                 order by benefit_quarter, version desc)
            select l.*,
                   exists (select 1 from run e
                            where e.status = 'COMPLETED' and e.benefit_quarter < l.benefit_quarter
                              and e.completed_at > l.started_at) as stale,
                   (select p.parameter_value
                      from batch_job_execution x
                      join batch_job_execution_params p
                        on p.job_execution_id = x.job_execution_id and p.parameter_name = 'suppressBelow'
                     where x.job_instance_id = l.run_id
                     order by x.job_execution_id desc limit 1) as suppress_below,
                   (select p.parameter_value
                      from batch_job_execution x
                      join batch_job_execution_params p
                        on p.job_execution_id = x.job_execution_id and p.parameter_name = 'language'
                     where x.job_instance_id = l.run_id
                     order by x.job_execution_id desc limit 1) as language
              from latest l
             where cast(:quarter as text) is null or l.benefit_quarter = :quarter
             order by l.benefit_quarter""";

    private final NamedParameterJdbcTemplate jdbc;

    public QuarterVersions(JdbcTemplate jdbc) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    }

    /** One entry per benefit quarter that has a completed version, oldest quarter first. */
    public List<QuarterVersion> latestOfEveryQuarter() {
        return jdbc.query(LATEST, new MapSqlParameterSource("quarter", null), (rs, i) -> version(rs));
    }

    public Optional<QuarterVersion> latestOf(Quarter quarter) {
        return jdbc.query(LATEST, new MapSqlParameterSource("quarter", quarter.toString()), (rs, i) -> version(rs))
                .stream().findFirst();
    }

    private static QuarterVersion version(ResultSet rs) throws SQLException {
        String suppress = rs.getString("suppress_below");
        return new QuarterVersion(Quarter.parse(rs.getString("benefit_quarter")), rs.getLong("run_id"),
                rs.getInt("version"), localTime(rs.getTimestamp("started_at")),
                localTime(rs.getTimestamp("completed_at")), rs.getString("input_dir"),
                rs.getString("output_dir"), suppress == null || suppress.isBlank() ? null : Integer.valueOf(suppress),
                rs.getBoolean("stale"), rs.getString("language"));
    }

    private static LocalDateTime localTime(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toLocalDateTime();
    }
}
