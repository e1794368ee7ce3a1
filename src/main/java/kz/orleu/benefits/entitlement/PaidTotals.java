package kz.orleu.benefits.entitlement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The money a run pays by region and benefit, and the families paid it (table {@code paid_total}): a family
 * counts once under each benefit it has a payment of, so a CCA family paid ASP months counts under both.
 * {@code computeEntitlements} writes the totals of each chunk with the chunk's payments ({@link #ofChunk});
 * {@link #BY_REGION_AND_BENEFIT} adds them up.
 */
public final class PaidTotals {

    public static final String TABLE = "paid_total";
    static final List<String> COLUMNS = List.of("run_id", "region_code", "benefit", "families", "tenge");

    /** Region, benefit, families paid, tenge paid; ordered by region and benefit. */
    public static final String BY_REGION_AND_BENEFIT = """
            select region_code, benefit, sum(families) as families, sum(tenge) as tenge
              from paid_total where run_id = ?
             group by region_code, benefit order by region_code, benefit""";

    private PaidTotals() {
    }

    /** The rows of {@code paid_total} for one chunk's entitlements. */
    static List<Object[]> ofChunk(long runId, Iterable<? extends Entitlement> entitlements) {
        Map<String, Map<Benefit, Total>> byRegion = new TreeMap<>();
        Set<Benefit> paid = EnumSet.noneOf(Benefit.class);
        for (Entitlement e : entitlements) {
            paid.clear();
            for (Payment p : e.payments()) {
                Total total = byRegion.computeIfAbsent(e.regionCode(), k -> new TreeMap<>())
                        .computeIfAbsent(p.benefit(), k -> new Total());
                total.tenge = total.tenge.add(BigDecimal.valueOf(p.amount()));
                if (paid.add(p.benefit())) {
                    total.families++;
                }
            }
        }
        List<Object[]> rows = new ArrayList<>();
        byRegion.forEach((region, totals) -> totals.forEach((benefit, total) ->
                rows.add(new Object[] {runId, region, benefit.name(), total.families, total.tenge})));
        return rows;
    }

    private static final class Total {
        long families;
        BigDecimal tenge = BigDecimal.ZERO;
    }
}
