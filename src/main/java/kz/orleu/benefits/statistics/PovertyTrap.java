package kz.orleu.benefits.statistics;

import java.math.BigDecimal;
import java.util.List;
import kz.orleu.benefits.entitlement.Benefit;
import kz.orleu.benefits.entitlement.Decision;

/**
 * The guide's "poverty trap" (the Kasen family): a family that had ASP in the previous benefit quarter and has
 * nothing now because its per-capita income rose to or above the ASP line: decision {@code ABOVE_LINE}, or
 * {@code CCA_CANDIDATE} (below the CCA line but without a contract). How far above the line it landed is
 * {@code perCapita - aspLine} tenge a person a month, or that as a fraction of the line.
 */
final class PovertyTrap {

    /** Decisions of a family that is above the ASP line and gets nothing. */
    static final List<Decision> DECISIONS = List.of(Decision.ABOVE_LINE, Decision.CCA_CANDIDATE);

    /** Upper bounds (exclusive) of the distance bands as a fraction of the line; a last band above them is open. */
    static final List<BigDecimal> BOUNDS = List.of(new BigDecimal("0.10"), new BigDecimal("0.25"),
            new BigDecimal("0.50"));
    static final int BANDS = BOUNDS.size() + 1;

    private PovertyTrap() {
    }

    static boolean applies(Benefit previous, Benefit now, Decision decision, BigDecimal perCapita,
            BigDecimal aspLine) {
        return previous == Benefit.ASP && now == Benefit.NONE && DECISIONS.contains(decision) && perCapita != null
                && aspLine != null && perCapita.compareTo(aspLine) >= 0;
    }

    /** The band of an excess expressed as a fraction of the line: 0 for under 10 %, ... */
    static int band(BigDecimal excessShare) {
        for (int i = 0; i < BOUNDS.size(); i++) {
            if (excessShare.compareTo(BOUNDS.get(i)) < 0) {
                return i;
            }
        }
        return BOUNDS.size();
    }

    /** "under 10 %", "10 % to under 25 %", ..., "50 % or more". */
    static String bandLabel(int band) {
        return bandLabel(band, Messages.of(Language.EN));
    }

    static String bandLabel(int band, Messages m) {
        if (band == 0) {
            return m.text("band.first", percent(BOUNDS.get(0)));
        }
        if (band == BOUNDS.size()) {
            return m.text("band.last", percent(BOUNDS.get(band - 1)));
        }
        return m.text("band.between", percent(BOUNDS.get(band - 1)), percent(BOUNDS.get(band)));
    }

    /** The breakdown code of a band in {@code statistics.csv}: {@code BAND_0_10}, ..., {@code BAND_50_PLUS}. */
    static String bandCode(int band) {
        String from = band == 0 ? "0" : number(BOUNDS.get(band - 1));
        return band == BOUNDS.size() ? "BAND_" + from + "_PLUS" : "BAND_" + from + "_" + number(BOUNDS.get(band));
    }

    private static String number(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString();
    }

    private static String percent(BigDecimal fraction) {
        return number(fraction) + " %";
    }
}
