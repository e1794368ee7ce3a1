package kz.orleu.benefits.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Bulk writes with PostgreSQL's COPY, on the connection of the current transaction, so that a chunk's rows are
 * committed together with the step's progress or not at all.
 */
public final class PgCopy {

    private PgCopy() {
    }

    /** What is sent to the server at a time: the server parses one piece while the next is encoded. */
    private static final int PIECE = 1 << 16;

    /** Copies rows into {@code table(columns)}; each row holds one value per column, nulls allowed. */
    public static void copy(DataSource dataSource, String table, List<String> columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
        Connection connection = DataSourceUtils.getConnection(dataSource);
        CopyIn copy = null;
        try {
            copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            CopyTextEncoder encoder = new CopyTextEncoder(PIECE + 4096);
            for (Object[] row : rows) {
                encoder.row(row);
                if (encoder.size() >= PIECE) {
                    copy.writeToCopy(encoder.buffer(), 0, encoder.size());
                    encoder.clear();
                }
            }
            copy.writeToCopy(encoder.buffer(), 0, encoder.size());
            copy.endCopy();
            copy = null;
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("COPY into " + table + " failed: " + e.getMessage(), e);
        } finally {
            cancelUnfinished(copy);
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** A COPY left open by a failure would leave the connection unusable for the rollback that follows. */
    private static void cancelUnfinished(CopyIn copy) {
        if (copy != null && copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException ignored) {
                // the connection is broken anyway; the transaction rolls back
            }
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
}
