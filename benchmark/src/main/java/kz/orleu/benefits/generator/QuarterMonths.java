package kz.orleu.benefits.generator;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar quarter for the generator ({@code 2016Q1}), with its months as absolute month numbers
 * ({@code year * 12 + month - 1}) and its days as epoch days, which is what the generator computes with.
 */
public final class QuarterMonths {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})Q([1-4])");

    private final int year;
    private final int quarter;

    public QuarterMonths(int year, int quarter) {
        if (quarter < 1 || quarter > 4 || year < 1900 || year > 2098) {
            throw new IllegalArgumentException("bad quarter " + year + "Q" + quarter);
        }
        this.year = year;
        this.quarter = quarter;
    }

    public static QuarterMonths parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("bad quarter '" + text + "': expected YYYYQn, e.g. 2016Q1");
        }
        return new QuarterMonths(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public int year() {
        return year;
    }

    public int quarter() {
        return quarter;
    }

    /** Absolute month number of the i-th month (0..2). */
    public int month(int i) {
        return year * 12 + (quarter - 1) * 3 + i;
    }

    public int firstMonth() {
        return month(0);
    }

    public int lastMonth() {
        return month(2);
    }

    public long firstDay() {
        return Dates.firstDay(firstMonth());
    }

    public long lastDay() {
        return Dates.lastDay(lastMonth());
    }

    public boolean contains(int absMonth) {
        return absMonth >= firstMonth() && absMonth <= lastMonth();
    }

    public QuarterMonths next() {
        return quarter == 4 ? new QuarterMonths(year + 1, 1) : new QuarterMonths(year, quarter + 1);
    }

    public LocalDate firstDate() {
        return LocalDate.ofEpochDay(firstDay());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QuarterMonths q && q.year == year && q.quarter == quarter;
    }

    @Override
    public int hashCode() {
        return year * 4 + quarter;
    }

    @Override
    public String toString() {
        return year + "Q" + quarter;
    }
}
