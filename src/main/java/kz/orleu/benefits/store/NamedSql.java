package kz.orleu.benefits.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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

    /** The statement of a reviewed SQL resource on the class path, e.g. {@code facts/members.sql}. */
    public static NamedSql resource(String path) {
        return of(text(path));
    }

    /**
     * The text of a reviewed SQL resource with its whole-line comments dropped (a :name in a why-comment is no
     * parameter), for a statement that embeds it, as {@link #with} does.
     */
    public static String text(String path) {
        try (InputStream in = NamedSql.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no SQL resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.strip().startsWith("--")).collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * This statement with {@code definition} as the common table expression {@code name} before it: one
     * definition that several statements read under the same name.
     */
    public NamedSql with(String name, NamedSql definition) {
        List<String> all = new ArrayList<>(definition.names);
        all.addAll(names);
        return new NamedSql("with " + name + " as (\n" + definition.sql + "\n)\n" + sql, List.copyOf(all));
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
            } else if (value instanceof Long[] array) {
                ps.setArray(i + 1, ps.getConnection().createArrayOf("bigint", array));
            } else {
                ps.setObject(i + 1, value);
            }
        }
    }
}
