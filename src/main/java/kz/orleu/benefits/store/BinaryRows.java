package kz.orleu.benefits.store;

import java.util.Arrays;
import java.util.List;

/**
 * How rows of one table's columns are written in COPY's binary format ({@link PgCopy#binaryRows}). Encoding is
 * thread-safe, so a row can be encoded by the thread that makes it, and only its bytes wait for the COPY.
 */
public final class BinaryRows {

    private final String table;
    private final List<String> columns;
    private final List<CopyBinaryEncoder.Type> types;

    BinaryRows(String table, List<String> columns, List<CopyBinaryEncoder.Type> types) {
        this.table = table;
        this.columns = List.copyOf(columns);
        this.types = List.copyOf(types);
    }

    public String table() {
        return table;
    }

    public List<String> columns() {
        return columns;
    }

    List<CopyBinaryEncoder.Type> types() {
        return types;
    }

    /** One row, a value per column in their order, as the bytes COPY reads. */
    public byte[] encode(Object[] values) {
        CopyBinaryEncoder encoder = new CopyBinaryEncoder(types, 256);
        encoder.row(values);
        return Arrays.copyOf(encoder.buffer(), encoder.size());
    }
}
