package kz.orleu.benefits.entitlement;

import java.math.BigDecimal;
import java.util.List;

/**
 * One family's result for the benefit quarter: a row of {@code entitlements.csv} and its rows of
 * {@code payments.csv}. Members, income, per-capita income and the lines are null when the family was not
 * computed (NO_DECLARATION, INCOMPLETE_DATA).
 */
public record Entitlement(
        String familyId,
        String regionCode,
        Integer members,
        BigDecimal countedIncome,
        BigDecimal perCapitaIncome,
        BigDecimal subsistenceMinimum,
        BigDecimal aspLine,
        BigDecimal ccaLine,
        Benefit benefit,
        long monthlyAmount,
        long quarterAmount,
        Decision decision,
        Benefit previousBenefit,
        Long previousMonthlyAmount,
        Change change,
        List<Payment> payments) {
}
