package kz.orleu.benefits.store;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a row set that a query carries as parallel PostgreSQL arrays: one {@code array_agg} per column, all with
 * the same {@code order by}, so that element i of every array belongs to row i. Unlike rows joined into a
 * delimited string, an array element is a value of its own: an id may hold any character and never spills into
 * the next field or row. A null array (no rows, from an outer join) reads as an empty list; null elements stay
 * null.
 */
public final class SqlArrays {

    private SqlArrays() {
    }

    public static List<String> texts(ResultSet rs, String column) throws SQLException {
        return read(rs, column, String.class::cast);
    }

    public static List<Long> longs(ResultSet rs, String column) throws SQLException {
        return read(rs, column, value -> ((Number) value).longValue());
    }

    public static List<Integer> integers(ResultSet rs, String column) throws SQLException {
        return read(rs, column, value -> ((Number) value).intValue());
    }

    public static List<Boolean> booleans(ResultSet rs, String column) throws SQLException {
        return read(rs, column, Boolean.class::cast);
    }

    public static List<LocalDate> dates(ResultSet rs, String column) throws SQLException {
        return read(rs, column, value -> ((java.sql.Date) value).toLocalDate());
    }

    /**
     * The number of rows of a row set read column by column; the columns must be equally long, or the query
     * that aggregated them is wrong.
     */
    public static int rows(List<?>... columns) {
        int rows = columns.length == 0 ? 0 : columns[0].size();
        for (List<?> column : columns) {
            if (column.size() != rows) {
                throw new IllegalStateException("the columns of a row set differ in length: "
                        + Arrays.stream(columns).map(List::size).toList());
            }
        }
        return rows;
    }

    private static <T> List<T> read(ResultSet rs, String column, Function<Object, T> element) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        try {
            Object[] values = (Object[]) array.getArray();
            List<T> list = new ArrayList<>(values.length);
            for (Object value : values) {
                list.add(value == null ? null : element.apply(value));
            }
            return Collections.unmodifiableList(list);
        } finally {
            array.free();
        }
    }
}
