package kz.orleu.benefits.generator;

import java.time.LocalDate;

/** Epoch-day and absolute-month helpers with allocation-light ISO formatting. */
final class Dates {

    /** Marker for "no date". */
    static final long NONE = Long.MIN_VALUE;

    private Dates() {
    }

    static long epochDay(int year, int month, int day) {
        return LocalDate.of(year, month, day).toEpochDay();
    }

    static int absMonth(long epochDay) {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        return d.getYear() * 12 + d.getMonthValue() - 1;
    }

    static int absMonth(int year, int month) {
        return year * 12 + month - 1;
    }

    static long firstDay(int absMonth) {
        return LocalDate.of(absMonth / 12, absMonth % 12 + 1, 1).toEpochDay();
    }

    static long lastDay(int absMonth) {
        return firstDay(absMonth + 1) - 1;
    }

    static int dayOfMonth(long epochDay) {
        return LocalDate.ofEpochDay(epochDay).getDayOfMonth();
    }

    /** Appends {@code YYYY-MM-DD}, or nothing for {@link #NONE}. */
    static void appendDate(StringBuilder sb, long epochDay) {
        if (epochDay == NONE) {
            return;
        }
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        appendYear(sb, d.getYear());
        sb.append('-');
        append2(sb, d.getMonthValue());
        sb.append('-');
        append2(sb, d.getDayOfMonth());
    }

    static String date(long epochDay) {
        StringBuilder sb = new StringBuilder(10);
        appendDate(sb, epochDay);
        return sb.toString();
    }

    /** Appends {@code YYYY-MM}. */
    static void appendMonth(StringBuilder sb, int absMonth) {
        appendYear(sb, absMonth / 12);
        sb.append('-');
        append2(sb, absMonth % 12 + 1);
    }

    static String month(int absMonth) {
        StringBuilder sb = new StringBuilder(7);
        appendMonth(sb, absMonth);
        return sb.toString();
    }

    private static void appendYear(StringBuilder sb, int y) {
        sb.append((char) ('0' + y / 1000 % 10)).append((char) ('0' + y / 100 % 10))
                .append((char) ('0' + y / 10 % 10)).append((char) ('0' + y % 10));
    }

    static void append2(StringBuilder sb, int v) {
        sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }
}
