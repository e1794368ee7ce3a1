package kz.orleu.benefits.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Bulk writes with PostgreSQL's COPY, on the connection of the current transaction, so that a chunk's rows are
 * committed together with the step's progress or not at all.
 */
public final class PgCopy {

    private PgCopy() {
    }

    /** Copies rows into {@code table(columns)}; each row holds one value per column, nulls allowed. */
    public static void copy(DataSource dataSource, String table, List<String> columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder csv = new StringBuilder(rows.size() * 96);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                append(csv, row[i]);
            }
            csv.append('\n');
        }
        String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN WITH (FORMAT csv)";
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(csv.toString()));
        } catch (SQLException | IOException e) {
            throw new DataAccessResourceFailureException("COPY into " + table + " failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * Writes the rows of a query as CSV with a header line into {@code file}, streamed by the server
     * ({@code COPY (query) TO STDOUT}): for outputs of millions of rows, far cheaper than fetching them.
     */
    public static void copyOut(DataSource dataSource, String query, Path file) {
        copyOut(dataSource, query, file, Files::newOutputStream);
    }

    /** Opens the file for {@link #copyOut(DataSource, String, Path, FileOpener)}, e.g. with its mode. */
    @FunctionalInterface
    public interface FileOpener {
        OutputStream open(Path file) throws IOException;
    }

    /** As {@link #copyOut(DataSource, String, Path)}, into a file opened by {@code opener}. */
    public static void copyOut(DataSource dataSource, String query, Path file, FileOpener opener) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (OutputStream out = new BufferedOutputStream(opener.open(file), 1 << 16)) {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyOut("COPY (" + query + ") TO STDOUT WITH (FORMAT csv, HEADER)", out);
        } catch (SQLException | IOException e) {
            throw new DataAccessResourceFailureException("COPY to " + file + " failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static void append(StringBuilder csv, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof BigDecimal decimal) {
            csv.append(decimal.toPlainString());
        } else if (value instanceof Number || value instanceof Boolean) {
            csv.append(value);
        } else {
            String text = value.toString().replace("\0", "");
            csv.append('"').append(text.replace("\"", "\"\"")).append('"');
        }
    }
}
