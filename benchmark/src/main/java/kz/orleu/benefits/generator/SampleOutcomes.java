package kz.orleu.benefits.generator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kz.orleu.benefits.generator.Household.Contract;
import kz.orleu.benefits.generator.Household.IncomeRow;
import kz.orleu.benefits.generator.Household.Member;
import kz.orleu.benefits.generator.Household.MonitoringRow;
import kz.orleu.benefits.generator.Household.Obligation;

/**
 * The sample-data writer's own, deliberately small, re-computation of the rule book (domain.md, contracts.md)
 * with the shipped 2014-2017 defaults, used only to describe in the sample's README what each family is meant to
 * show. The quarterly job is the authority; if the two disagree, look at the job first, then at this class.
 */
final class SampleOutcomes {

    static final Set<String> COUNTED = Set.of("WAGE", "SELF_EMPLOYMENT", "SUBSIDIARY_FARMING", "PENSION",
            "DISABILITY_BENEFIT", "UNEMPLOYMENT_BENEFIT", "ALIMONY", "SCHOLARSHIP", "CHILD_BENEFIT", "OTHER");
    private static final Set<String> WORK = Set.of("JOB_SEARCH", "TRAINING", "EMPLOYMENT");
    private static final Set<String> FORBIDDEN = Set.of("DEBT", "LOAN", "REAL_ESTATE");
    private static final BigDecimal ASP_SHARE = new BigDecimal("0.40");
    private static final BigDecimal CCA_SHARE = new BigDecimal("0.60");

    /** One family's result for a benefit quarter. */
    record Outcome(String familyId, String decision, String benefit, long monthly, long quarterAmount,
                   String sanction, String findings, String change) {

        boolean paid() {
            return benefit.equals("ASP") || benefit.equals("CCA");
        }

        String brief() {
            StringBuilder sb = new StringBuilder(decision);
            if (paid()) {
                sb.append(' ').append(monthly).append(" a month, quarter ").append(quarterAmount);
            }
            if (sanction != null) {
                sb.append("; ").append(sanction).append(" (").append(findings).append(')');
            }
            if (change != null) {
                sb.append("; ").append(change);
            }
            return sb.toString();
        }
    }

    private final Map<String, Integer> failures = new HashMap<>();
    /** Subsistence minimum in tiyn for a region and income quarter. */
    java.util.function.ToLongBiFunction<Integer, QuarterMonths> subsistenceMinimum = SubsistenceMinimum::cents;
    private final Set<String> terminated = new HashSet<>();
    private Map<String, Outcome> previous = Map.of();

    /**
     * Results for the benefit quarter after {@code incomeQuarter}, from the families as written for it.
     *
     * @param incomplete     families with a rejected row (INCOMPLETE_DATA)
     * @param familyRejected families whose own row is rejected (no result at all)
     */
    Map<String, Outcome> evaluate(List<Household> families, QuarterMonths incomeQuarter, Set<String> incomplete,
                                  Set<String> familyRejected) {
        QuarterMonths bq = incomeQuarter.next();
        long ref = bq.firstDay();
        Map<String, Outcome> result = new LinkedHashMap<>();
        for (Household h : families) {
            if (familyRejected.contains(h.familyId)) {
                continue;
            }
            List<Member> counted = new ArrayList<>();
            for (Member m : h.members) {
                if (m.memberOn(ref)) {
                    counted.add(m);
                }
            }
            if (incomplete.contains(h.familyId) || counted.isEmpty()) {
                result.put(h.familyId, withChange(new Outcome(h.familyId, "INCOMPLETE_DATA", "NONE", 0, 0, null,
                        null, null)));
                continue;
            }
            Contract c = h.contract;
            // compliance over the income quarter
            String sanction = null;
            List<String> findings = new ArrayList<>();
            if (c != null && !terminated.contains(c.id) && inForceIn(c, incomeQuarter)) {
                for (Obligation o : h.obligations) {
                    if (WORK.contains(o.type) && HouseholdFactory.exemptFromWork(o.member, ref)) {
                        continue;
                    }
                    int notMet = 0;
                    int missing = 0;
                    boolean forbidden = false;
                    for (int i = 0; i < 3; i++) {
                        int month = incomeQuarter.month(i);
                        if (!c.inForce(month)) {
                            continue;
                        }
                        boolean reported = false;
                        for (MonitoringRow r : h.monitoring) {
                            if (r.obligation == o && r.month == month) {
                                reported = true;
                                notMet += r.outcome.equals("NOT_MET") ? 1 : 0;
                                forbidden |= o.type.equals("SPENDING_REPORT") && r.purpose != null
                                        && FORBIDDEN.contains(r.purpose);
                            }
                        }
                        missing += reported ? 0 : 1;
                    }
                    if (notMet >= 2) {
                        findings.add("NOT_MET " + o.type);
                    }
                    if (missing >= 2) {
                        findings.add("MISSING_REPORT " + o.type);
                    }
                    if (forbidden) {
                        findings.add("FORBIDDEN_SPENDING");
                    }
                }
                if (!findings.isEmpty()) {
                    int n = failures.merge(c.id, 1, Integer::sum);
                    if (n >= 2) {
                        terminated.add(c.id);
                        sanction = "TERMINATED";
                    } else {
                        sanction = "WARNING";
                    }
                }
            }
            if (h.declaredOn == Dates.NONE) {
                result.put(h.familyId, withChange(new Outcome(h.familyId, "NO_DECLARATION", "NONE", 0, 0, sanction,
                        String.join(", ", findings), null)));
                continue;
            }
            long total = 0;
            for (IncomeRow r : h.incomes) {
                if (COUNTED.contains(r.type) && counted.contains(r.member)) {
                    total += r.cents;
                }
            }
            int n = counted.size();
            BigDecimal perCapita = BigDecimal.valueOf(total).movePointLeft(2)
                    .divide(BigDecimal.valueOf(3L * n), 2, RoundingMode.HALF_UP);
            BigDecimal sm = BigDecimal.valueOf(subsistenceMinimum.applyAsLong(h.region, incomeQuarter)).movePointLeft(2);
            BigDecimal aspLine = sm.multiply(ASP_SHARE).setScale(2, RoundingMode.HALF_UP);
            BigDecimal ccaLine = sm.multiply(CCA_SHARE).setScale(2, RoundingMode.HALF_UP);
            long aspMonthly = monthly(aspLine, perCapita, n);
            long ccaMonthly = monthly(ccaLine, perCapita, n);
            boolean belowAsp = perCapita.compareTo(aspLine) < 0;
            boolean belowCca = perCapita.compareTo(ccaLine) < 0;
            boolean anyCca = false;
            boolean anyAsp = false;
            boolean lumpSum = false;
            boolean inForceAny = false;
            long quarter = 0;
            for (int i = 0; i < 3; i++) {
                int month = bq.month(i);
                boolean inForce = c != null && c.inForce(month) && !terminated.contains(c.id);
                if (inForce) {
                    inForceAny = true;
                    if (belowCca) {
                        anyCca = true;
                        if (c.mode.equals("LUMP_SUM")) {
                            int k = month - Dates.absMonth(c.start);
                            if (k == 0) {
                                quarter += 3 * ccaMonthly;
                                lumpSum = true;
                            } else if (k >= 3) {
                                quarter += ccaMonthly;
                            }
                        } else {
                            quarter += ccaMonthly;
                        }
                    }
                } else if (belowAsp) {
                    anyAsp = true;
                    quarter += aspMonthly;
                }
            }
            boolean hasTerminated = c != null && (c.status.equals("TERMINATED") || terminated.contains(c.id));
            boolean hasDeclined = c != null && c.status.equals("DECLINED");
            String benefit;
            String decision;
            long monthly;
            if (anyCca) {
                benefit = "CCA";
                decision = lumpSum ? "CCA_LUMP_SUM" : "CCA";
                monthly = ccaMonthly;
            } else if (anyAsp) {
                benefit = "ASP";
                decision = hasTerminated ? "ASP_CONTRACT_TERMINATED" : hasDeclined ? "ASP_CONTRACT_DECLINED" : "ASP";
                monthly = aspMonthly;
            } else {
                benefit = "NONE";
                monthly = 0;
                quarter = 0;
                decision = belowCca && !inForceAny && !hasTerminated && !hasDeclined ? "CCA_CANDIDATE" : "ABOVE_LINE";
            }
            result.put(h.familyId, withChange(new Outcome(h.familyId, decision, benefit, monthly, quarter, sanction,
                    String.join(", ", findings), null)));
        }
        previous = result;
        return result;
    }

    private Outcome withChange(Outcome o) {
        Outcome before = previous.get(o.familyId());
        boolean paidBefore = before != null && before.paid();
        String change;
        if (o.paid() && !paidBefore) {
            change = "NEW";
        } else if (!o.paid() && paidBefore) {
            change = "STOPPED";
        } else if (o.paid() && (!o.benefit().equals(before.benefit()) || o.monthly() != before.monthly())) {
            change = "CHANGED";
        } else {
            change = "UNCHANGED";
        }
        return new Outcome(o.familyId(), o.decision(), o.benefit(), o.monthly(), o.quarterAmount(), o.sanction(),
                o.findings(), change);
    }

    private static boolean inForceIn(Contract c, QuarterMonths q) {
        for (int i = 0; i < 3; i++) {
            if (c.inForce(q.month(i))) {
                return true;
            }
        }
        return false;
    }

    private static long monthly(BigDecimal line, BigDecimal perCapita, int members) {
        return line.subtract(perCapita).multiply(BigDecimal.valueOf(members)).setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
    }
}
