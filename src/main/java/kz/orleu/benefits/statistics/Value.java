package kz.orleu.benefits.statistics;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import kz.orleu.benefits.quarter.Quarter;

/**
 * One cell of a statistical table as it is to be shown: a number of a given kind, a suppressed cell, a cell that
 * does not apply (an average over nobody), or a label. Text is always written as text, never as a formula.
 */
record Value(Kind kind, double number, String text, Observation observation) {

    /**
     * Where a number of a table goes in {@code statistics.csv}: the quarter ({@code null}: the run's own, as on
     * every sheet but Trends), the region row, the measure and the breakdown (codes joined by dots, each with a
     * label {@code breakdown.<code>}, or a file name).
     */
    record Observation(Quarter quarter, String region, Measure measure, String breakdown) {
        Observation(String region, Measure measure, String breakdown) {
            this(null, region, measure, breakdown);
        }

        /** This observation with its quarter spelled out: the run's own where it had none. */
        Observation in(Quarter runQuarter) {
            return quarter != null ? this : new Observation(runQuarter, region, measure, breakdown);
        }
    }

    Value(Kind kind, double number, String text) {
        this(kind, number, text, null);
    }

    /** This value as an observation of {@code statistics.csv}: numbers, suppressed and not-applicable cells. */
    Value observed(RegionLine line, Measure measure, String breakdown) {
        return observed(line.statisticsCode(), measure, breakdown);
    }

    Value observed(String region, Measure measure, String breakdown) {
        return kind == Kind.TEXT ? this : new Value(kind, number, text, new Observation(region, measure, breakdown));
    }

    /** An observation of another quarter than the run's (the Trends sheet). */
    Value observedIn(Quarter quarter, RegionLine line, Measure measure, String breakdown) {
        return kind == Kind.TEXT ? this
                : new Value(kind, number, text, new Observation(quarter, line.statisticsCode(), measure, breakdown));
    }

    enum Kind {
        /** people, families, contracts: {@code #,##0}, zero shown as a dash */
        COUNT,
        /** tenge, whole: {@code #,##0} */
        TENGE,
        /** tenge with tiyn, for reference amounts such as the subsistence minimum: {@code #,##0.00} */
        AMOUNT,
        /** a part of a whole shown as a percentage, {@code 0.0%}, zero (nobody) shown as a dash */
        SHARE,
        /** a rate or average shown as a percentage, {@code 0.0%}, where zero is a value like any other */
        PERCENT,
        /** a plain decimal with one digit, such as an average family size */
        DECIMAL,
        /** hidden by small-cell suppression */
        SUPPRESSED,
        /** nothing to show: an average or share over nobody */
        NOT_APPLICABLE,
        TEXT
    }

    /** What a suppressed cell shows, as in the tables of statistical offices. */
    static final String SUPPRESSED_MARK = "x";

    static Value count(long n) {
        return new Value(Kind.COUNT, n, null);
    }

    static Value tenge(BigDecimal amount) {
        return amount == null ? notApplicable() : new Value(Kind.TENGE, amount.doubleValue(), null);
    }

    static Value amount(BigDecimal amount) {
        return amount == null ? notApplicable() : new Value(Kind.AMOUNT, amount.doubleValue(), null);
    }

    static Value share(double fraction) {
        return new Value(Kind.SHARE, fraction, null);
    }

    static Value percent(double fraction) {
        return new Value(Kind.PERCENT, fraction, null);
    }

    static Value decimal(double value) {
        return new Value(Kind.DECIMAL, value, null);
    }

    static Value suppressed() {
        return new Value(Kind.SUPPRESSED, 0, SUPPRESSED_MARK);
    }

    static Value notApplicable() {
        return new Value(Kind.NOT_APPLICABLE, 0, null);
    }

    static Value text(String text) {
        return new Value(Kind.TEXT, 0, text == null ? "" : text);
    }

    /** {@code numerator / denominator} as a share; not applicable over zero. */
    static Value shareOf(double numerator, double denominator) {
        return denominator == 0 ? notApplicable() : share(numerator / denominator);
    }

    boolean isNumber() {
        return kind == Kind.COUNT || kind == Kind.TENGE || kind == Kind.AMOUNT || kind == Kind.SHARE
                || kind == Kind.PERCENT || kind == Kind.DECIMAL;
    }

    /** The text a reader sees, to size the column (the formats are those of {@link WorkbookStyles}). */
    String display() {
        return display(Language.EN);
    }

    String display(Language language) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.US);
        if (language.decimalComma()) {
            symbols.setDecimalSeparator(',');
            symbols.setGroupingSeparator('\u00a0');
        }
        switch (kind) {
            case COUNT:
            case TENGE:
                return number == 0 ? "–" : new DecimalFormat("#,##0", symbols).format(number);
            case AMOUNT:
                return new DecimalFormat("#,##0.00", symbols).format(number);
            case SHARE:
                return number == 0 ? "–" : new DecimalFormat("0.0%", symbols).format(number);
            case PERCENT:
                return new DecimalFormat("0.0%", symbols).format(number);
            case DECIMAL:
                return new DecimalFormat("0.0", symbols).format(number);
            case NOT_APPLICABLE:
                return "";
            default:
                return text;
        }
    }
}
