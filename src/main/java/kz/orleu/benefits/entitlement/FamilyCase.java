package kz.orleu.benefits.entitlement;

import java.math.BigDecimal;
import java.util.List;

/**
 * Everything the means test needs about one family for one benefit quarter, gathered from the staged input:
 * the members counted on the first day of the benefit quarter and the total of their counted incomes over the
 * income quarter, the region's subsistence minimum of the income quarter, the family's accepted contracts, and
 * its result in the latest version of the previous benefit quarter (null benefit when there is none).
 */
public record FamilyCase(
        String familyId,
        String regionCode,
        boolean hasRejectedRow,
        boolean declared,
        int membersCounted,
        BigDecimal countedIncome,
        BigDecimal subsistenceMinimum,
        List<ContractTerm> contracts,
        Benefit previousBenefit,
        Long previousMonthlyAmount) {

    /** Not computed at all: a rejected row belongs to it, or nobody is counted (per-capita undefined). */
    public boolean incomplete() {
        return hasRejectedRow || membersCounted == 0;
    }
}
