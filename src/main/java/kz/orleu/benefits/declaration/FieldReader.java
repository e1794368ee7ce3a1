package kz.orleu.benefits.declaration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import kz.orleu.benefits.csv.CsvRecord;

/** Typed access to the values of one row, throwing {@link RowRejection} with the column at the first problem. */
final class FieldReader {

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

    /**
     * YYYY-MM-DD with ASCII digits, read by hand rather than by a pattern and a formatter: three dates a member
     * row, millions of rows.
     */
    private static LocalDate parseDate(String column, String value) {
        if (value.length() != 10 || value.charAt(4) != '-' || value.charAt(7) != '-'
                || !digits(value, 0, 4) || !digits(value, 5, 7) || !digits(value, 8, 10)) {
            throw new RowRejection(RejectReason.BAD_DATE, column, value, column + " is not a date YYYY-MM-DD");
        }
        int year = number(value, 0, 4);
        int month = number(value, 5, 7);
        int day = number(value, 8, 10);
        if (month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
            throw new RowRejection(RejectReason.BAD_DATE, column, value, column + " is not a real date");
        }
        LocalDate date = LocalDate.of(year, month, day);
        if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
            throw new RowRejection(RejectReason.DATE_OUT_OF_RANGE, column, value,
                    column + " " + value + " is outside the dates accepted, " + EARLIEST_DATE + " to " + LATEST_DATE);
        }
        return date;
    }

    YearMonth month(String column) {
        String value = required(column);
        boolean shaped = value.length() == 7 && value.charAt(4) == '-' && digits(value, 0, 4) && digits(value, 5, 7);
        int month = shaped ? number(value, 5, 7) : 0;
        if (month < 1 || month > 12) {
            throw new RowRejection(RejectReason.BAD_DATE, column, value, column + " is not a month YYYY-MM");
        }
        return YearMonth.of(number(value, 0, 4), month);
    }

    private static boolean digits(String value, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return from < to;
    }

    private static int number(String value, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + value.charAt(i) - '0';
        }
        return n;
    }

    /** {@code -?\d+(\.\d+)?} with ASCII digits only, as the pattern it replaced matched them. */
    private static boolean plainDecimal(String value) {
        int start = value.startsWith("-") ? 1 : 0;
        int point = value.indexOf('.', start);
        if (point < 0) {
            return digits(value, start, value.length());
        }
        return digits(value, start, point) && digits(value, point + 1, value.length());
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
        if (!plainDecimal(value)) {
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
