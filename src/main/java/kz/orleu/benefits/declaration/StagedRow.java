package kz.orleu.benefits.declaration;

import java.util.List;

/**
 * A row on its way to its staging table: the column values in the order of {@link InputFile#columns()}, and the
 * reject when the row cannot be used (its key text is still staged, its typed values are not).
 */
public record StagedRow(InputFile file, long line, Object[] values, Reject reject, List<RowWarning> warnings) {

    public boolean rejected() {
        return reject != null;
    }
}
