package kz.orleu.benefits.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import kz.orleu.benefits.csv.UnusableInputException;
import kz.orleu.benefits.csv.CsvRecord;
import kz.orleu.benefits.quarter.Quarter;

/**
 * Parses a row of a reference file into the values of its table (after {@code run_id, line}). Reference data
 * decides everyone's result, so a bad row is not rejected like a declaration row: it makes the file unusable.
 */
public final class ReferenceRows {

    /** The amount columns are {@code numeric(14,2)}: 12 digits before the point. */
    static final int MAX_AMOUNT_INTEGER_DIGITS = 12;

    /** Reference dates outside these years are typing errors (0216 for 2016), not policy. */
    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2999;

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
            case RULES -> rule(file, row);
        };
    }

    private static Object[] rule(ReferenceFile file, CsvRecord.Row row) {
        String name = code(file, row, "parameter");
        RuleParameter parameter = RuleParameter.named(name).orElseThrow(() -> bad(file, row.line(),
                "unknown parameter '" + name + "' (known: " + RuleParameter.knownNames() + ")"));
        String value = text(file, row, "value");
        parameter.problemWith(value).ifPresent(problem -> {
            throw bad(file, row.line(), name + " " + problem);
        });
        return new Object[] {name, value, date(file, row, "valid_from")};
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
        BigDecimal amount = new BigDecimal(value);
        if (amount.precision() - amount.scale() > MAX_AMOUNT_INTEGER_DIGITS) {
            throw bad(file, row.line(), "amount " + value + " is too large: at most "
                    + MAX_AMOUNT_INTEGER_DIGITS + " digits before the decimal point");
        }
        return amount;
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
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw bad(file, row.line(), column + " '" + value + "' is not a date YYYY-MM-DD");
        }
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            throw bad(file, row.line(), column + " " + value + " is not a year from " + FIRST_YEAR + " to "
                    + LAST_YEAR);
        }
        return date;
    }

    static UnusableInputException bad(ReferenceFile file, long line, String message) {
        return new UnusableInputException(file.fileName() + " line " + line + ": " + message);
    }
}
