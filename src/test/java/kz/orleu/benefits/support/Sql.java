package kz.orleu.benefits.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** One-off queries of a test database, as text. */
public final class Sql {

    private Sql() {
    }

    /** The first column of every row. */
    public static List<String> strings(String db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db, TestDatabase.user(), TestDatabase.password());
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }

    /** The first column of the first row, or null when there is no row or the table does not exist yet. */
    public static String textOrNull(String db, String sql) throws SQLException {
        try {
            List<String> values = strings(db, sql);
            return values.isEmpty() ? null : values.get(0);
        } catch (SQLException e) {
            if (e.getMessage().contains("does not exist")) {
                return null; // the job has not created its tables yet
            }
            throw e;
        }
    }

    public static String text(String db, String sql) throws SQLException {
        String value = textOrNull(db, sql);
        if (value == null) {
            throw new AssertionError("no value for: " + sql);
        }
        return value;
    }
}
