package kz.orleu.benefits.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The checks of a reference file that need the whole file: each key once (a second row would either fail the
 * run on the table's primary key or silently win), and the ASP line never above the CCA line on any day.
 * Rows are checked one by one by {@link ReferenceRows} first.
 */
public final class ReferenceFileCheck {

    /** A parsed row with the physical line it starts on. */
    public record LinedRow(long line, Object[] values) {
    }

    private ReferenceFileCheck() {
    }

    public static void check(ReferenceFile file, List<LinedRow> rows) {
        Map<String, Long> firstLine = new HashMap<>();
        for (LinedRow row : rows) {
            String key = key(file, row.values());
            Long first = firstLine.putIfAbsent(key, row.line());
            if (first != null) {
                throw ReferenceRows.bad(file, row.line(), keyColumns(file) + " " + key
                        + " appears again (first on line " + first + "); each may appear once");
            }
        }
        if (file == ReferenceFile.RULES) {
            checkAspNotAboveCca(rows);
        }
    }

    /** The uniqueness key of a row, as the operator reads it: the key columns' values joined by a space. */
    private static String key(ReferenceFile file, Object[] v) {
        return switch (file) {
            case REGIONS -> String.valueOf(v[0]);
            case SUBSISTENCE_MINIMUM -> v[0] + " " + v[1];
            case INCOME_TYPES, RULES -> v[0] + " " + v[2];
        };
    }

    private static String keyColumns(ReferenceFile file) {
        return switch (file) {
            case REGIONS -> "region_code";
            case SUBSISTENCE_MINIMUM -> "region_code and quarter";
            case INCOME_TYPES -> "income_type and valid_from";
            case RULES -> "parameter and valid_from";
        };
    }

    /**
     * On every day one of the two shares changes, the shares then in force must keep ASP at or below CCA
     * ({@code domain.md}: CCA is the wider line), whichever of the two rows made it so.
     */
    private static void checkAspNotAboveCca(List<LinedRow> rows) {
        List<LinedRow> asp = shares(rows, RuleParameter.ASP_SHARE);
        List<LinedRow> cca = shares(rows, RuleParameter.CCA_SHARE);
        TreeSet<LocalDate> changes = new TreeSet<>();
        asp.forEach(r -> changes.add(validFrom(r)));
        cca.forEach(r -> changes.add(validFrom(r)));
        for (LocalDate day : changes) {
            LinedRow aspRow = inForce(asp, day);
            LinedRow ccaRow = inForce(cca, day);
            if (aspRow == null || ccaRow == null) {
                continue;
            }
            BigDecimal aspShare = new BigDecimal((String) aspRow.values()[1]);
            BigDecimal ccaShare = new BigDecimal((String) ccaRow.values()[1]);
            if (aspShare.compareTo(ccaShare) > 0) {
                LinedRow later = validFrom(aspRow).equals(day) ? aspRow : ccaRow;
                throw ReferenceRows.bad(ReferenceFile.RULES, later.line(), "from " + day + " asp_share "
                        + aspShare.toPlainString() + " (line " + aspRow.line() + ") would exceed cca_share "
                        + ccaShare.toPlainString() + " (line " + ccaRow.line() + "); asp_share may not be above cca_share");
            }
        }
    }

    private static List<LinedRow> shares(List<LinedRow> rows, RuleParameter parameter) {
        return rows.stream().filter(r -> parameter.parameterName().equals(r.values()[0])).toList();
    }

    private static LinedRow inForce(List<LinedRow> rows, LocalDate day) {
        return rows.stream().filter(r -> !validFrom(r).isAfter(day))
                .max(Comparator.comparing(ReferenceFileCheck::validFrom)).orElse(null);
    }

    private static LocalDate validFrom(LinedRow row) {
        return (LocalDate) row.values()[2];
    }
}
