package kz.orleu.benefits.store;

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
        return read(rs, column, element -> element);
    }

    public static List<Long> longs(ResultSet rs, String column) throws SQLException {
        return read(rs, column, Long::parseLong);
    }

    public static List<Integer> integers(ResultSet rs, String column) throws SQLException {
        return read(rs, column, Integer::parseInt);
    }

    public static List<Boolean> booleans(ResultSet rs, String column) throws SQLException {
        return read(rs, column, element -> switch (element) {
            case "t" -> Boolean.TRUE;
            case "f" -> Boolean.FALSE;
            default -> throw new IllegalStateException("not a boolean array element: " + element);
        });
    }

    /** Dates as PostgreSQL writes them with the ISO date style, which the JDBC driver sets on every connection. */
    public static List<LocalDate> dates(ResultSet rs, String column) throws SQLException {
        return read(rs, column, LocalDate::parse);
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

    /**
     * The array's elements from its text form, read here rather than by the driver's {@code getArray}, which
     * builds each element character by character and dates through a {@code Calendar}: with a dozen arrays per
     * row, that was most of the Java time of a compliance partition.
     */
    private static <T> List<T> read(ResultSet rs, String column, Function<String, T> element) throws SQLException {
        String text = rs.getString(column);
        if (text == null) {
            return List.of();
        }
        List<T> list = new ArrayList<>();
        for (String value : elements(text)) {
            list.add(value == null ? null : element.apply(value));
        }
        return Collections.unmodifiableList(list);
    }

    /**
     * The elements of a one-dimensional array in PostgreSQL's text form ({@code {a,"b,c",NULL}}): an element is
     * quoted when it is empty, is the word NULL, or holds a brace, comma, quote, backslash or white space, and a
     * quoted element escapes quotes and backslashes with a backslash; an unquoted NULL is a null element.
     */
    static List<String> elements(String text) {
        int start = text.indexOf('{');
        if (start < 0 || !text.endsWith("}") || text.indexOf('{', start + 1) >= 0 && !quotedBrace(text, start)) {
            throw new IllegalStateException("not a one-dimensional array: " + text);
        }
        List<String> elements = new ArrayList<>();
        int i = start + 1;
        int end = text.length() - 1;
        if (i == end) {
            return elements;
        }
        StringBuilder quoted = new StringBuilder();
        while (i <= end) {
            if (text.charAt(i) == '"') {
                quoted.setLength(0);
                i++;
                while (text.charAt(i) != '"') {
                    if (text.charAt(i) == '\\') {
                        i++;
                    }
                    quoted.append(text.charAt(i++));
                }
                elements.add(quoted.toString());
                i++;
            } else {
                int next = text.indexOf(',', i);
                int stop = next < 0 || next > end ? end : next;
                String value = text.substring(i, stop);
                elements.add(value.equals("NULL") ? null : value);
                i = stop;
            }
            if (i < end && text.charAt(i) != ',') {
                throw new IllegalStateException("unexpected '" + text.charAt(i) + "' in array " + text);
            }
            i++;
        }
        return elements;
    }

    /** Whether every brace after the opening one is inside a quoted element (so the array is not nested). */
    private static boolean quotedBrace(String text, int start) {
        boolean inQuotes = false;
        for (int i = start + 1; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if (inQuotes && c == '\\') {
                i++;
            } else if (c == '"') {
                inQuotes = !inQuotes;
            } else if (!inQuotes && (c == '{' || c == '}')) {
                return false;
            }
        }
        return true;
    }
}
