package kz.orleu.benefits.entitlement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaidTotalsTest {

    private static final YearMonth APRIL = YearMonth.of(2016, 4);

    @Test
    void aFamilyCountsOnceUnderEachBenefitItIsPaidAndTheTengeAddUp() {
        List<Entitlement> chunk = List.of(
                family("F1", "11", Benefit.ASP, payment(0, Benefit.ASP, 10_000), payment(1, Benefit.ASP, 10_000),
                        payment(2, Benefit.ASP, 10_000)),
                // a CCA family whose first month is still ASP
                family("F2", "11", Benefit.CCA, payment(0, Benefit.ASP, 7_000), payment(1, Benefit.CCA, 20_000),
                        payment(2, Benefit.CCA, 20_000)),
                family("F3", "31", Benefit.ASP, payment(0, Benefit.ASP, Long.MAX_VALUE),
                        payment(1, Benefit.ASP, Long.MAX_VALUE)),
                family("F4", "11", Benefit.NONE));

        List<String> rows = PaidTotals.ofChunk(7, chunk).stream().map(Arrays::toString).toList();

        assertEquals(List.of("[7, 11, ASP, 2, 37000]", "[7, 11, CCA, 1, 40000]",
                "[7, 31, ASP, 1, " + BigDecimal.valueOf(Long.MAX_VALUE).multiply(BigDecimal.valueOf(2)) + "]"), rows);
    }

    @Test
    void aChunkPayingNobodyHasNoRows() {
        assertEquals(0, PaidTotals.ofChunk(7, List.of(family("F4", "11", Benefit.NONE))).size());
    }

    private static Payment payment(int month, Benefit benefit, long amount) {
        return new Payment(APRIL.plusMonths(month), benefit, amount, PaymentKind.MONTHLY);
    }

    private static Entitlement family(String id, String region, Benefit benefit, Payment... payments) {
        return new Entitlement(id, region, 3, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.TEN, BigDecimal.ONE,
                BigDecimal.ONE, benefit, 0, 0, Decision.ABOVE_LINE, null, null, Change.UNCHANGED, List.of(payments));
    }
}
