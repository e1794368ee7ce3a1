package kz.orleu.benefits.statistics;

import java.util.ArrayList;
import java.util.List;
import kz.orleu.benefits.quarter.Quarter;

/** What every regional table shares: the name columns, the wording of quarters, the note on suppression. */
final class RegionTables {

    /** The region name columns: the workbook's language first, then the other two names of {@code regions.csv}. */
    static final int NAME_COLUMNS = 3;

    private RegionTables() {
    }

    /** The languages of the name columns, left to right: the workbook's own first (it is the frozen column). */
    static List<String> nameLanguages(Messages m) {
        return switch (m.language()) {
            case KK -> List.of("kk", "ru", "en");
            case RU -> List.of("ru", "kk", "en");
            case EN -> List.of("en", "kk", "ru");
        };
    }

    static List<SheetBuilder.Column> nameColumns(Messages m) {
        List<SheetBuilder.Column> columns = new ArrayList<>();
        columns.add(SheetBuilder.Column.of(m.text("region.heading")));
        for (String language : nameLanguages(m).subList(1, NAME_COLUMNS)) {
            columns.add(SheetBuilder.Column.of(m.text("region.nameIn." + language)));
        }
        return columns;
    }

    static List<Value> names(RegionLine line, Messages m) {
        List<Value> names = new ArrayList<>();
        for (String language : nameLanguages(m)) {
            names.add(Value.text(line.name(language)));
        }
        return names;
    }

    static boolean isTotal(RegionLine line) {
        return !line.isRegion();
    }

    /** {@code 2016Q2 (April–June 2016)}. */
    static String describe(Quarter quarter, Messages m) {
        return m.text("quarter.describe", quarter, month(quarter, 0, m), month(quarter, 2, m), quarter.year());
    }

    /** {@code 1 April 2016}. */
    static String firstDay(Quarter quarter, Messages m) {
        return m.text("date.long", quarter.firstDay().getDayOfMonth(),
                m.text("monthOf." + quarter.firstDay().getMonthValue()), quarter.year());
    }

    private static String month(Quarter quarter, int offset, Messages m) {
        return m.text("month." + quarter.firstMonth().plusMonths(offset).getMonthValue());
    }

    /** The legend of the marks, under every table. */
    static String legend(int threshold, Messages m) {
        return threshold <= 0 ? m.text("legend.off") : m.text("legend", threshold);
    }
}
