package kz.orleu.benefits.statistics;

/**
 * The measures of {@code statistics.csv}, one code per kind of number in the workbook, with the unit its values
 * are in; the labels are {@code measure.<code>} of each language's messages and the code list is
 * {@code jobs/statistics-codes.md}. A share is written as the fraction the cell holds (0.25, shown as 25.0 %).
 */
enum Measure {

    FAMILIES_ASSESSED(Unit.FAMILIES),
    RECIPIENT_FAMILIES(Unit.FAMILIES),
    RECIPIENT_MEMBERS(Unit.PERSONS),
    AVERAGE_FAMILY_SIZE(Unit.PERSONS),
    PAID(Unit.KZT),
    AVERAGE_INCOME_TO_MINIMUM(Unit.RATIO),
    CCA_CANDIDATES(Unit.FAMILIES),
    MEMBERS_BY_CATEGORY(Unit.PERSONS),
    MEMBERS_SHARE_BY_CATEGORY(Unit.RATIO),
    CONTRACTS_IN_FORCE(Unit.CONTRACTS),
    FAMILIES_WARNED(Unit.FAMILIES),
    CONTRACTS_TERMINATED(Unit.CONTRACTS),
    FINDINGS(Unit.FINDINGS),
    FAMILIES_BY_CHANGE(Unit.FAMILIES),
    FAMILIES_MOVED(Unit.FAMILIES),
    LOST_ASP_FAMILIES(Unit.FAMILIES),
    LOST_ASP_AVERAGE_EXCESS(Unit.KZT),
    LOST_ASP_AVERAGE_EXCESS_SHARE(Unit.RATIO),
    LOST_ASP_BY_DISTANCE(Unit.FAMILIES),
    ADJUSTMENT_FAMILIES(Unit.FAMILIES),
    ADJUSTMENT_AMOUNT(Unit.KZT),
    ADJUSTMENT_MONTHS(Unit.MONTHS),
    SUBSISTENCE_MINIMUM(Unit.KZT),
    BENEFIT_LINE(Unit.KZT),
    INPUT_ROWS(Unit.ROWS),
    REFERENCE_ROWS(Unit.ROWS);

    enum Unit {
        FAMILIES, PERSONS, CONTRACTS, FINDINGS, KZT, RATIO, MONTHS, ROWS
    }

    private final Unit unit;

    Measure(Unit unit) {
        this.unit = unit;
    }

    Unit unit() {
        return unit;
    }
}
