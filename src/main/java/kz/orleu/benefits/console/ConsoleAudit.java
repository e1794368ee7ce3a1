package kz.orleu.benefits.console;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every action taken in the console, in table {@code console_audit}: who, when, what, on which execution. */
@Repository
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ConsoleAudit {

    /** One recorded action; {@code executionId} is null for a run of a quarter again, which names its quarter. */
    public record Entry(OffsetDateTime at, String username, String action, Long executionId, String quarter,
            String outcome) {
    }

    private final JdbcTemplate jdbc;

    public ConsoleAudit(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String username, String action, Long executionId, String quarter, String outcome) {
        jdbc.update("insert into console_audit (username, action, execution_id, quarter, outcome)"
                + " values (?, ?, ?, ?, ?)", username, action, executionId, quarter, outcome);
    }

    public List<Entry> ofExecution(long executionId) {
        return jdbc.query("""
                select at, username, action, execution_id, quarter, outcome from console_audit
                 where execution_id = ? order by audit_id desc""", (rs, n) -> entry(rs), executionId);
    }

    public List<Entry> latest(int limit) {
        return jdbc.query("""
                select at, username, action, execution_id, quarter, outcome from console_audit
                 order by audit_id desc limit ?""", (rs, n) -> entry(rs), limit);
    }

    private static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        long id = rs.getLong("execution_id");
        return new Entry(rs.getObject("at", OffsetDateTime.class), rs.getString("username"), rs.getString("action"),
                rs.wasNull() ? null : id, rs.getString("quarter"), rs.getString("outcome"));
    }
}
