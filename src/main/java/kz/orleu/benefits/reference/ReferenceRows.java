package kz.orleu.benefits.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import kz.orleu.benefits.declaration.UnusableInputException;
import kz.orleu.benefits.declaration.csv.CsvRecord;
import kz.orleu.benefits.quarter.Quarter;

/**
 * Parses a row of a reference file into the values of its table (after {@code run_id, line}). Reference data
 * decides everyone's result, so a bad row is not rejected like a declaration row: it makes the file unusable.
 */
public final class ReferenceRows {

    private ReferenceRows() {
    }

    public static Object[] parse(ReferenceFile file, CsvRecord record) {
        if (!(record instanceof CsvRecord.Row row)) {
            CsvRecord.Malformed malformed = (CsvRecord.Malformed) record;
            throw bad(file, record.line(), malformed.message());
        }
        return switch (file) {
            case REGIONS -> new Object[] {code(file, row, "region_code"), text(file, row, "name_kk"),
                    text(file, row, "name_ru"), text(file, row, "name_en"), optionalDate(file, row, "pilot_since")};
            case SUBSISTENCE_MINIMUM -> new Object[] {code(file, row, "region_code"), quarter(file, row),
                    amount(file, row)};
            case INCOME_TYPES -> new Object[] {code(file, row, "income_type"), bool(file, row, "counted"),
                    date(file, row, "valid_from")};
            case RULES -> new Object[] {code(file, row, "parameter"), text(file, row, "value"),
                    date(file, row, "valid_from")};
        };
    }

    private static String text(ReferenceFile file, CsvRecord.Row row, String column) {
        String value = row.get(column);
        if (value == null) {
            throw bad(file, row.line(), column + " is required");
        }
        return value;
    }

    private static String code(ReferenceFile file, CsvRecord.Row row, String column) {
        return text(file, row, column);
    }

    private static String quarter(ReferenceFile file, CsvRecord.Row row) {
        try {
            return Quarter.parse(text(file, row, "quarter")).toString();
        } catch (IllegalArgumentException e) {
            throw bad(file, row.line(), e.getMessage());
        }
    }

    private static BigDecimal amount(ReferenceFile file, CsvRecord.Row row) {
        String value = text(file, row, "amount");
        if (!value.matches("\\d+(\\.\\d{1,2})?") || new BigDecimal(value).signum() <= 0) {
            throw bad(file, row.line(), "amount '" + value + "' is not a positive amount with at most 2 decimals");
        }
        return new BigDecimal(value);
    }

    private static Boolean bool(ReferenceFile file, CsvRecord.Row row, String column) {
        String value = text(file, row, column);
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw bad(file, row.line(), column + " must be true or false, not '" + value + "'");
        };
    }

    private static LocalDate date(ReferenceFile file, CsvRecord.Row row, String column) {
        LocalDate date = optionalDate(file, row, column);
        if (date == null) {
            throw bad(file, row.line(), column + " is required");
        }
        return date;
    }

    private static LocalDate optionalDate(ReferenceFile file, CsvRecord.Row row, String column) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw bad(file, row.line(), column + " '" + value + "' is not a date YYYY-MM-DD");
        }
    }

    private static UnusableInputException bad(ReferenceFile file, long line, String message) {
        return new UnusableInputException(file.fileName() + " line " + line + ": " + message);
    }
}
