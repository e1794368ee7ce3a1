package kz.orleu.benefits.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.PreparedStatementSetter;

/**
 * SQL with {@code :name} parameters turned into positional ones, for cursor readers that take a plain
 * {@link PreparedStatementSetter}. Parameters must reach the statement as values, not through a CTE, so that
 * PostgreSQL prunes the run's partitions and estimates row counts when it plans.
 */
public record NamedSql(String sql, List<String> names) {

    private static final Pattern PARAMETER = Pattern.compile("(?<!:):([a-z_]+)");

    public static NamedSql of(String named) {
        Matcher m = PARAMETER.matcher(named);
        List<String> names = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        while (m.find()) {
            names.add(m.group(1));
            m.appendReplacement(sql, "?");
        }
        m.appendTail(sql);
        return new NamedSql(sql.toString(), List.copyOf(names));
    }

    public PreparedStatementSetter setter(Map<String, ?> values) {
        return ps -> bind(ps, values);
    }

    private void bind(PreparedStatement ps, Map<String, ?> values) throws SQLException {
        for (int i = 0; i < names.size(); i++) {
            if (!values.containsKey(names.get(i))) {
                throw new IllegalArgumentException("no value for :" + names.get(i));
            }
            Object value = values.get(names.get(i));
            if (value instanceof String[] array) {
                ps.setArray(i + 1, ps.getConnection().createArrayOf("text", array));
            } else {
                ps.setObject(i + 1, value);
            }
        }
    }
}
