package kz.orleu.benefits.statistics;

import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kz.orleu.benefits.quarter.Quarter;

/** What every regional table shares: the name columns, the wording of quarters, the note on suppression. */
final class RegionTables {

    /** The region name columns: English, then the Kazakh and Russian names of {@code regions.csv}. */
    static final int NAME_COLUMNS = 3;

    private RegionTables() {
    }

    static List<SheetBuilder.Column> nameColumns() {
        return new ArrayList<>(List.of(SheetBuilder.Column.of("Region"), SheetBuilder.Column.of("Name in Kazakh"),
                SheetBuilder.Column.of("Name in Russian")));
    }

    static List<Value> names(RegionLine line) {
        return new ArrayList<>(List.of(Value.text(line.nameEn()), Value.text(line.nameKk()),
                Value.text(line.nameRu())));
    }

    static boolean isTotal(RegionLine line) {
        return !line.isRegion();
    }

    /** {@code 2016Q2 (April–June 2016)}. */
    static String describe(Quarter quarter) {
        return quarter + " (" + month(quarter, 0) + "–" + month(quarter, 2) + " " + quarter.year() + ")";
    }

    /** {@code 1 April 2016}. */
    static String firstDay(Quarter quarter) {
        return quarter.firstDay().getDayOfMonth() + " " + month(quarter, 0) + " " + quarter.year();
    }

    private static String month(Quarter quarter, int offset) {
        return quarter.firstMonth().plusMonths(offset).getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    /** The legend of the marks, under every table. */
    static String legend(int threshold) {
        if (threshold <= 0) {
            return "–: none. Small-cell suppression is OFF for this workbook (suppress-below 0): it may show counts of "
                    + "one or two people and is for internal use only, not for publication.";
        }
        return "x: suppressed. A count of fewer than " + threshold + " is not shown, nor, so that it cannot be "
                + "recovered by subtraction from a row or column total, the next-smallest count beside it; shares, "
                + "averages and amounts of a suppressed group are not shown either. –: none. Blank: does not apply.";
    }
}
