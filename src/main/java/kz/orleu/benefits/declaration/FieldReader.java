package kz.orleu.benefits.declaration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Set;
import java.util.regex.Pattern;
import kz.orleu.benefits.csv.CsvRecord;

/** Typed access to the values of one row, throwing {@link RowRejection} with the column at the first problem. */
final class FieldReader {

    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    /**
     * The dates a file may hold. The format has four-digit years, so 0000 to 9999 parse; PostgreSQL's date has no
     * year 0 (the year before 1 AD is 1 BC), so a year-0 date would make the COPY of a whole chunk fail with no
     * file or line named, and fail again on every restart. The range is what both hold; whether a date is
     * plausible (a birth date, a contract) is for the rules that use it.
     */
    static final LocalDate EARLIEST_DATE = LocalDate.of(1, 1, 1);
    static final LocalDate LATEST_DATE = LocalDate.of(9999, 12, 31);
    /** numeric(14,2): twelve digits before the point. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

    private final CsvRecord.Row row;

    FieldReader(CsvRecord.Row row) {
        this.row = row;
    }

    String optional(String column) {
        return row.get(column);
    }

    String required(String column) {
        String value = row.get(column);
        if (value == null) {
            throw new RowRejection(RejectReason.MISSING_VALUE, column, "", column + " is required");
        }
        return value;
    }

    /** A family or contract id: opaque text, but no longer than {@link DeclarationRowValidator#MAX_ID_LENGTH}. */
    String id(String column) {
        String value = required(column);
        if (value.length() > DeclarationRowValidator.MAX_ID_LENGTH) {
            throw new RowRejection(RejectReason.ID_TOO_LONG, column, DeclarationRowValidator.abbreviate(value),
                    column + " is " + value.length() + " characters long, more than the "
                            + DeclarationRowValidator.MAX_ID_LENGTH + " an id may have");
        }
        return value;
    }

    String code(String column, Set<String> allowed) {
        String value = required(column);
        return checkCode(column, value, allowed);
    }

    String optionalCode(String column, Set<String> allowed) {
        String value = optional(column);
        return value == null ? null : checkCode(column, value, allowed);
    }

    private static String checkCode(String column, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw new RowRejection(RejectReason.UNKNOWN_CODE, column, value,
                    "unknown " + column + " '" + value + "', expected one of " + String.join("/", allowed));
        }
        return value;
    }

    LocalDate date(String column) {
        return parseDate(column, required(column));
    }

    LocalDate optionalDate(String column) {
        String value = optional(column);
        return value == null ? null : parseDate(column, value);
    }

    private static LocalDate parseDate(String column, String value) {
        if (!DATE.matcher(value).matches()) {
            throw new RowRejection(RejectReason.BAD_DATE, column, value, column + " is not a date YYYY-MM-DD");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value, ISO_DATE);
        } catch (DateTimeParseException e) {
            throw new RowRejection(RejectReason.BAD_DATE, column, value, column + " is not a real date");
        }
        if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
            throw new RowRejection(RejectReason.DATE_OUT_OF_RANGE, column, value,
                    column + " " + value + " is outside the dates accepted, " + EARLIEST_DATE + " to " + LATEST_DATE);
        }
        return date;
    }

    YearMonth month(String column) {
        String value = required(column);
        var m = MONTH.matcher(value);
        int month = m.matches() ? Integer.parseInt(m.group(2)) : 0;
        if (month < 1 || month > 12) {
            throw new RowRejection(RejectReason.BAD_DATE, column, value, column + " is not a month YYYY-MM");
        }
        return YearMonth.of(Integer.parseInt(m.group(1)), month);
    }

    boolean bool(String column) {
        String value = required(column);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new RowRejection(RejectReason.BAD_BOOLEAN, column, value,
                    column + " must be true or false");
        };
    }

    /** A non-negative amount in tenge with at most two decimals, as {@code contracts.md} writes them. */
    BigDecimal amount(String column) {
        String value = required(column);
        if (!DECIMAL.matcher(value).matches()) {
            throw new RowRejection(RejectReason.BAD_NUMBER, column, value,
                    column + " is not a plain decimal with a dot");
        }
        BigDecimal amount = new BigDecimal(value);
        if (amount.signum() < 0) {
            throw new RowRejection(RejectReason.NEGATIVE_AMOUNT, column, value, column + " is negative");
        }
        if (amount.scale() > 2) {
            throw new RowRejection(RejectReason.TOO_MANY_DECIMALS, column, value,
                    column + " has more than 2 decimals");
        }
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            throw new RowRejection(RejectReason.AMOUNT_TOO_LARGE, column, value,
                    column + " exceeds " + MAX_AMOUNT.toPlainString());
        }
        return amount;
    }
}
