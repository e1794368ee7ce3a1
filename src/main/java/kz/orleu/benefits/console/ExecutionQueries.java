package kz.orleu.benefits.console;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import kz.orleu.benefits.job.QuarterlyRecalculationJobConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What the console shows of executions, read straight from Spring Batch's job repository and the run's tables
 * ({@code run}, {@code ingest_count}, {@code reject}): the same facts {@code benefits executions} prints.
 */
@Repository
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ExecutionQueries {

    /** One execution as listed; {@code currentStep} is the latest step (the running one while it runs). */
    public record Execution(long id, long runId, String quarter, Integer version, String status, LocalDateTime start,
            LocalDateTime end, Long rowsRead, Long rowsRejected, String exitDescription, String currentStep,
            long currentStepRead, long currentStepWritten) {

        public boolean running() {
            return status.equals("STARTING") || status.equals("STARTED") || status.equals("STOPPING");
        }

        public boolean restartable() {
            return status.equals("FAILED") || status.equals("STOPPED") || running();
        }

        public String duration() {
            return ExecutionQueries.duration(start, end);
        }
    }

    public record Step(String name, String status, long read, long written, long filtered, long skipped,
            long commits, long rollbacks, LocalDateTime start, LocalDateTime end, String exitCode,
            String exitDescription) {

        public String duration() {
            return ExecutionQueries.duration(start, end);
        }

        /** The first line of the exit description: the failure's cause, without the stack trace below it. */
        public String cause() {
            if (exitDescription == null || exitDescription.isBlank()) {
                return "";
            }
            String text = exitDescription.strip();
            return text.lines().filter(l -> l.startsWith("Caused by: ")).reduce((a, b) -> b)
                    .map(l -> l.substring("Caused by: ".length())).orElse(text.lines().findFirst().orElse(""));
        }
    }

    public record Parameter(String name, String value, boolean identifying) {
    }

    public record Reject(String file, long line, String column, String value, String reason, String message) {
    }

    public record RejectPage(List<Reject> rows, long total, int page, int pages) {
    }

    private static final String EXECUTIONS = """
            select e.job_execution_id, e.job_instance_id, q.parameter_value as quarter, r.version, e.status,
                   e.start_time, e.end_time, e.exit_message,
                   (select sum(c.read) from ingest_count c where c.run_id = e.job_instance_id) as rows_read,
                   (select sum(c.rejected) from ingest_count c where c.run_id = e.job_instance_id) as rows_rejected,
                   s.step_name, s.read_count, s.write_count
              from batch_job_execution e
              join batch_job_instance i on i.job_instance_id = e.job_instance_id
              left join batch_job_execution_params q
                     on q.job_execution_id = e.job_execution_id and q.parameter_name = 'quarter'
              left join run r on r.run_id = e.job_instance_id
              left join lateral (select step_name, read_count, write_count from batch_step_execution st
                                  where st.job_execution_id = e.job_execution_id
                                  order by st.step_execution_id desc limit 1) s on true
             where i.job_name = :job
            """;

    private final NamedParameterJdbcTemplate jdbc;

    public ExecutionQueries(JdbcTemplate jdbc) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    }

    /** Newest first; a blank filter is no filter. */
    public List<Execution> executions(String quarter, String status, int limit) {
        return jdbc.query(EXECUTIONS + """
                   and (cast(:quarter as text) is null or q.parameter_value = :quarter)
                   and (cast(:status as text) is null or e.status = :status)
                 order by e.job_execution_id desc limit :limit""",
                new MapSqlParameterSource("job", QuarterlyRecalculationJobConfiguration.JOB_NAME)
                        .addValue("quarter", blankToNull(quarter)).addValue("status", blankToNull(status))
                        .addValue("limit", limit),
                (rs, n) -> execution(rs));
    }

    public Optional<Execution> execution(long id) {
        return jdbc.query(EXECUTIONS + " and e.job_execution_id = :id",
                new MapSqlParameterSource("job", QuarterlyRecalculationJobConfiguration.JOB_NAME).addValue("id", id),
                (rs, n) -> execution(rs)).stream().findFirst();
    }

    public List<String> quarters() {
        return jdbc.queryForList("""
                select distinct parameter_value from batch_job_execution_params
                 where parameter_name = 'quarter' order by 1 desc""", new MapSqlParameterSource(), String.class);
    }

    public List<Step> steps(long executionId) {
        return jdbc.query("""
                select step_name, status, read_count, write_count, filter_count,
                       read_skip_count + write_skip_count + process_skip_count as skips, commit_count,
                       rollback_count, start_time, end_time, exit_code, exit_message
                  from batch_step_execution where job_execution_id = :id order by step_execution_id""",
                new MapSqlParameterSource("id", executionId),
                (rs, n) -> new Step(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getObject(9, LocalDateTime.class),
                        rs.getObject(10, LocalDateTime.class), rs.getString(11), rs.getString(12)));
    }

    public List<Parameter> parameters(long executionId) {
        return jdbc.query("""
                select parameter_name, parameter_value, identifying from batch_job_execution_params
                 where job_execution_id = :id order by parameter_name""",
                new MapSqlParameterSource("id", executionId),
                (rs, n) -> new Parameter(rs.getString(1), rs.getString(2), "Y".equals(rs.getString(3))));
    }

    public Optional<String> parameter(long executionId, String name) {
        return parameters(executionId).stream().filter(p -> p.name().equals(name)).map(Parameter::value).findFirst();
    }

    public RejectPage rejects(long runId, String file, String reason, int page, int size) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("run", runId)
                .addValue("file", blankToNull(file)).addValue("reason", blankToNull(reason));
        String where = """
                 from reject where run_id = :run
                  and (cast(:file as text) is null or file = :file)
                  and (cast(:reason as text) is null or reason = :reason)""";
        long total = jdbc.queryForObject("select count(*) " + where, parameters, Long.class);
        int pages = (int) Math.max(1, (total + size - 1) / size);
        int current = Math.min(Math.max(page, 1), pages);
        List<Reject> rows = jdbc.query("select file, line, column_name, value, reason, message " + where
                        + " order by file, line limit :size offset :offset",
                parameters.addValue("size", size).addValue("offset", (long) (current - 1) * size),
                (rs, n) -> reject(rs));
        return new RejectPage(rows, total, current, pages);
    }

    /** Every rejected row of the run that passes the filter, for the CSV download. */
    public List<Reject> allRejects(long runId, String file, String reason) {
        return jdbc.query("""
                select file, line, column_name, value, reason, message from reject where run_id = :run
                   and (cast(:file as text) is null or file = :file)
                   and (cast(:reason as text) is null or reason = :reason)
                 order by file, line""",
                new MapSqlParameterSource("run", runId).addValue("file", blankToNull(file))
                        .addValue("reason", blankToNull(reason)),
                (rs, n) -> reject(rs));
    }

    public List<String> rejectFiles(long runId) {
        return jdbc.queryForList("select distinct file from reject where run_id = :run order by 1",
                new MapSqlParameterSource("run", runId), String.class);
    }

    public List<String> rejectReasons(long runId) {
        return jdbc.queryForList("select distinct reason from reject where run_id = :run order by 1",
                new MapSqlParameterSource("run", runId), String.class);
    }

    private static Reject reject(ResultSet rs) throws SQLException {
        return new Reject(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6));
    }

    private static Execution execution(ResultSet rs) throws SQLException {
        int version = rs.getInt("version");
        Integer v = rs.wasNull() ? null : version;
        long read = rs.getLong("rows_read");
        Long rowsRead = rs.wasNull() ? null : read;
        long rejected = rs.getLong("rows_rejected");
        Long rowsRejected = rs.wasNull() ? null : rejected;
        return new Execution(rs.getLong("job_execution_id"), rs.getLong("job_instance_id"), rs.getString("quarter"),
                v, rs.getString("status"), rs.getObject("start_time", LocalDateTime.class),
                rs.getObject("end_time", LocalDateTime.class), rowsRead, rowsRejected, rs.getString("exit_message"),
                rs.getString("step_name"), rs.getLong("read_count"), rs.getLong("write_count"));
    }

    static String duration(LocalDateTime start, LocalDateTime end) {
        if (start == null) {
            return "";
        }
        Duration d = Duration.between(start, end == null ? LocalDateTime.now() : end);
        long s = d.toSeconds();
        return s < 60 ? s + " s" : s < 3600 ? (s / 60) + " min " + (s % 60) + " s"
                : (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
