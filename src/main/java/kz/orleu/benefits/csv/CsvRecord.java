package kz.orleu.benefits.csv;

import java.util.Map;

/**
 * One record of an input file: either the values of a well-formed row by column name, or a line that could not
 * be read as a row (unbalanced quotes, wrong number of columns, control bytes).
 */
public sealed interface CsvRecord {

    /** Physical line where the record starts; the header is line 1. */
    long line();

    record Row(long line, Map<String, String> values) implements CsvRecord {

        /** The trimmed value of a column, or null when it is empty. */
        public String get(String column) {
            String value = values.get(column);
            if (value == null) {
                return null;
            }
            String trimmed = value.strip();
            return trimmed.isEmpty() ? null : trimmed;
        }
    }

    /**
     * A line that is not a row. {@code guessedValues} holds whatever columns could be read by position, so the
     * reject can still name the family or contract it probably belongs to. A line {@code tooLong} to be read is
     * known by its start only: {@code text} and {@code guessedValues} come from that start.
     */
    record Malformed(long line, String text, String message, Map<String, String> guessedValues, boolean tooLong)
            implements CsvRecord {

        public Malformed(long line, String text, String message, Map<String, String> guessedValues) {
            this(line, text, message, guessedValues, false);
        }
    }
}
