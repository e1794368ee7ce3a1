package kz.orleu.benefits.correction;

/**
 * The totals of a correction by region and benefit, as the run summary prints them and the statistics workbook
 * shows them: one definition, so the log and the workbook give the payment unit and the statisticians the same
 * numbers.
 */
public final class AdjustmentTotals {

    /**
     * One parameter, the run id. Set-based, first one row per family (its arrears, what it was overpaid, its
     * reclassified months), then families by region and benefit, so that no family is counted twice in a column
     * and ASP and CCA add up to the total: a family counts under the benefit it gets in this version or, when it
     * gets none now, the one it got in the version whose payment stood for it (the benefit of its rows as a last
     * resort, which a consistent database never needs). A family with arrears in one month and an overpayment in
     * another counts in both. The region is the family's in this version.
     */
    public static final String BY_REGION_AND_BENEFIT = """
            select f.region_code, f.benefit,
                   count(*) filter (where f.arrears > 0) as arrears_families,
                   coalesce(sum(f.arrears), 0) as arrears,
                   count(*) filter (where f.overpaid > 0) as overpaid_families,
                   coalesce(sum(f.overpaid), 0) as overpaid,
                   count(*) filter (where f.reclassified > 0) as reclassified_families,
                   coalesce(sum(f.reclassified), 0) as reclassified_months
              from (select e.region_code,
                           coalesce(nullif(e.benefit, 'NONE'), nullif(b.benefit, 'NONE'),
                                    max(nullif(a.benefit_now, 'NONE')), max(nullif(a.benefit_before, 'NONE')))
                               as benefit,
                           coalesce(sum(a.delta) filter (where a.delta > 0), 0) as arrears,
                           coalesce(-sum(a.delta) filter (where a.delta < 0), 0) as overpaid,
                           count(*) filter (where a.kind = 'RECLASSIFIED') as reclassified
                      from adjustment a
                      join entitlement e on e.run_id = a.run_id and e.family_id = a.family_id
                      left join entitlement b on b.run_id = a.run_before and b.family_id = a.family_id
                     where a.run_id = ?
                     group by a.family_id, e.region_code, e.benefit, b.benefit) f
             group by f.region_code, f.benefit
             order by f.region_code, f.benefit""";

    private AdjustmentTotals() {
    }
}
