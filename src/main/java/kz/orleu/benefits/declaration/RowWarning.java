package kz.orleu.benefits.declaration;

/** A warning about an input row; recorded, never a reason to drop the row. */
public record RowWarning(String file, long line, String column, String value, WarningReason reason, String message) {
}
