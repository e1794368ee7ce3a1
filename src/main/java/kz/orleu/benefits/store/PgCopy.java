package kz.orleu.benefits.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
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
        send(dataSource, table, "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN",
                new CopyTextEncoder(PIECE + 4096), rows, CopyTextEncoder::row, NOTHING, NOTHING);
    }

    /**
     * Copies rows into {@code table(columns)} in COPY's binary format, for the bulk loads of millions of rows:
     * each value must have the Java type of its column ({@link CopyBinaryEncoder.Type}).
     */
    public static void copyBinary(DataSource dataSource, String table, List<String> columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        BinaryRows format = binaryRows(dataSource, table, columns);
        send(dataSource, table, binaryCopy(format), new CopyBinaryEncoder(format.types(), PIECE + 4096), rows,
                CopyBinaryEncoder::row, CopyBinaryEncoder.HEADER, CopyBinaryEncoder.TRAILER);
    }

    /**
     * The binary form of rows of {@code table(columns)}, to encode rows where they are made (a reading thread)
     * and {@link #copyBinary(DataSource, BinaryRows, List) copy} them later.
     */
    public static BinaryRows binaryRows(DataSource dataSource, String table, List<String> columns) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return new BinaryRows(table, columns, columnTypes(connection, table, columns));
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("cannot read the columns of " + table, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * A text value as the COPYs here store it (NUL dropped), for a reader that must compare values with what is
     * stored before it is stored.
     */
    public static String storedText(String text) {
        return CopyBinaryEncoder.stored(text);
    }

    /** Rows encoded by {@link BinaryRows#encode}, sent as one COPY in the current transaction. */
    public static void copyBinary(DataSource dataSource, BinaryRows format, List<byte[]> rows) {
        send(dataSource, format.table(), binaryCopy(format), new CopyBinaryEncoder(format.types(), PIECE + 4096),
                rows, (buffer, row) -> buffer.put(row, row.length), CopyBinaryEncoder.HEADER,
                CopyBinaryEncoder.TRAILER);
    }

    private static final byte[] NOTHING = {};

    private static String binaryCopy(BinaryRows format) {
        return "COPY " + format.table() + " (" + String.join(", ", format.columns())
                + ") FROM STDIN WITH (FORMAT binary)";
    }

    /**
     * One COPY on the connection of the current transaction: the rows are added to {@code buffer} and sent a
     * piece at a time, so that the server parses one piece while the next is encoded.
     */
    private static <B extends CopyBuffer, T> void send(DataSource dataSource, String table, String sql, B buffer,
            List<T> rows, BiConsumer<B, T> add, byte[] header, byte[] trailer) {
        if (rows.isEmpty()) {
            return;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        CopyIn copy = null;
        try {
            copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            buffer.put(header, header.length);
            for (T row : rows) {
                add.accept(buffer, row);
                if (buffer.size() >= PIECE) {
                    copy.writeToCopy(buffer.buffer(), 0, buffer.size());
                    buffer.clear();
                }
            }
            buffer.put(trailer, trailer.length);
            copy.writeToCopy(buffer.buffer(), 0, buffer.size());
            copy.endCopy();
            copy = null;
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("COPY into " + table + " failed: " + e.getMessage(), e);
        } finally {
            cancelUnfinished(copy);
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static final Map<String, List<CopyBinaryEncoder.Type>> COLUMN_TYPES = new ConcurrentHashMap<>();

    /** The types of a table's columns, asked once per table and columns: a schema does not change under a run. */
    private static List<CopyBinaryEncoder.Type> columnTypes(Connection connection, String table, List<String> columns)
            throws SQLException {
        String key = table + columns;
        List<CopyBinaryEncoder.Type> known = COLUMN_TYPES.get(key);
        if (known != null) {
            return known;
        }
        Map<String, CopyBinaryEncoder.Type> byName = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select a.attname, t.typname from pg_attribute a join pg_type t on t.oid = a.atttypid
                 where a.attrelid = ?::regclass and a.attnum > 0 and not a.attisdropped""")) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    byName.put(rs.getString(1), CopyBinaryEncoder.Type.of(rs.getString(2)));
                }
            }
        }
        List<CopyBinaryEncoder.Type> types = new ArrayList<>(columns.size());
        for (String column : columns) {
            CopyBinaryEncoder.Type type = byName.get(column);
            if (type == null) {
                throw new IllegalArgumentException(table + "." + column + " has no type a binary COPY writes");
            }
            types.add(type);
        }
        COLUMN_TYPES.put(key, List.copyOf(types));
        return types;
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
