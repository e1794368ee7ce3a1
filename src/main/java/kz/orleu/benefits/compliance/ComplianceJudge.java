package kz.orleu.benefits.compliance;

import kz.orleu.benefits.codes.Outcome;
import kz.orleu.benefits.codes.Obligation;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.orleu.benefits.declaration.InputFile;
import kz.orleu.benefits.declaration.RowWarning;
import kz.orleu.benefits.declaration.WarningReason;
import kz.orleu.benefits.quarter.Quarter;
import kz.orleu.benefits.reference.RuleSet;

/**
 * Judges a social contract on the monitoring of the income quarter ({@code domain.md}, "The social contract and
 * its obligations"): over the months of that quarter in which the contract was in force and the obligation's
 * member belonged to the family for the whole month, each obligation of the plan fails on NOT_MET in
 * {@code failure_months} or more months, on reports missing for as many months (counted apart), or on any
 * spending report naming a forbidden purpose. EXCUSED counts as met.
 */
public final class ComplianceJudge {

    private static final String SPENDING_REPORT = Obligation.SPENDING_REPORT.name();

    private final Quarter incomeQuarter;
    private final Quarter benefitQuarter;
    private final RuleSet rules;

    public ComplianceJudge(Quarter incomeQuarter, Quarter benefitQuarter, RuleSet rules) {
        this.incomeQuarter = incomeQuarter;
        this.benefitQuarter = benefitQuarter;
        this.rules = rules;
    }

    public Judgement judge(ContractReview contract) {
        List<YearMonth> monthsInForce = incomeQuarter.months().stream().filter(contract.term()::inForce).toList();
        List<RowWarning> warnings = new ArrayList<>();
        Map<ReportKey, ContractReview.Report> reports = new HashMap<>();
        Set<PlanKey> planKeys = new HashSet<>();
        contract.plan().forEach(item -> planKeys.add(new PlanKey(item.iin(), item.obligation())));
        for (ContractReview.Report report : contract.reports()) {
            Member member = contract.members().get(report.iin());
            if (!planKeys.contains(new PlanKey(report.iin(), report.obligation()))) {
                warnings.add(warning(InputFile.MONITORING, report.line(), "obligation", report.obligation(),
                        WarningReason.MONITORING_NOT_IN_PLAN, "the obligation is not in the family plan: ignored"));
            } else if (!monthsInForce.contains(report.month())) {
                warnings.add(warning(InputFile.MONITORING, report.line(), "month", report.month().toString(),
                        WarningReason.MONITORING_OUTSIDE_CONTRACT, "the contract was not in force that month: ignored"));
            } else if (member != null && !member.inFamilyAllOf(report.month())) {
                warnings.add(warning(InputFile.MONITORING, report.line(), "month", report.month().toString(),
                        WarningReason.MONITORING_MEMBER_NOT_IN_FAMILY,
                        "the member was not in the family for the whole month: ignored"));
            } else {
                reports.put(new ReportKey(report.iin(), report.obligation(), report.month()), report);
            }
        }

        List<Finding> findings = new ArrayList<>();
        for (ContractReview.PlanItem item : contract.plan()) {
            Member member = contract.members().get(item.iin());
            if (member != null && !member.memberOn(benefitQuarter.firstDay())) {
                warnings.add(warning(InputFile.OBLIGATIONS, item.line(), "iin", item.iin(),
                        WarningReason.OBLIGATION_OF_MEMBER_NOT_COUNTED,
                        "the member is not counted on " + benefitQuarter.firstDay()));
            }
            if (Obligation.isWork(item.obligation()) && member != null
                    && member.exemptFromWork(benefitQuarter.firstDay(), rules.exemptAgeBelow(),
                            rules.exemptDisabilityGroups())) {
                warnings.add(warning(InputFile.OBLIGATIONS, item.line(), "obligation", item.obligation(),
                        WarningReason.OBLIGATION_OF_EXEMPT_MEMBER,
                        "the member is exempt from work obligations: ignored"));
                continue;
            }
            List<YearMonth> monthsJudged = member == null ? monthsInForce
                    : monthsInForce.stream().filter(member::inFamilyAllOf).toList();
            findings.addAll(judgeObligation(contract, item, monthsJudged, reports));
        }
        if (findings.isEmpty()) {
            return new Judgement(contract, List.of(), warnings, null, null);
        }
        int failureNumber = contract.priorFailures() + 1;
        return new Judgement(contract, findings, warnings, failureNumber,
                Sanction.forFailure(failureNumber, rules.terminateAfterFailures()));
    }

    private List<Finding> judgeObligation(ContractReview contract, ContractReview.PlanItem item,
            List<YearMonth> monthsJudged, Map<ReportKey, ContractReview.Report> reports) {
        List<YearMonth> notMet = new ArrayList<>();
        List<YearMonth> missing = new ArrayList<>();
        List<YearMonth> forbidden = new ArrayList<>();
        for (YearMonth month : monthsJudged) {
            ContractReview.Report report = reports.get(new ReportKey(item.iin(), item.obligation(), month));
            if (report == null) {
                missing.add(month);
                continue;
            }
            if (Outcome.NOT_MET.name().equals(report.outcome())) {
                notMet.add(month);
            }
            if (SPENDING_REPORT.equals(item.obligation()) && report.purpose() != null
                    && rules.forbiddenPurposes().contains(report.purpose())) {
                forbidden.add(month);
            }
        }
        List<Finding> findings = new ArrayList<>(1);
        if (notMet.size() >= rules.failureMonths()) {
            findings.add(finding(contract, item, FindingKind.NOT_MET, notMet));
        }
        if (missing.size() >= rules.failureMonths()) {
            findings.add(finding(contract, item, FindingKind.MISSING_REPORT, missing));
        }
        if (!forbidden.isEmpty()) {
            findings.add(finding(contract, item, FindingKind.FORBIDDEN_SPENDING, forbidden));
        }
        return findings;
    }

    /** Keys are records, not joined strings: an id holding a separator must not match another row's key. */
    private record PlanKey(String iin, String obligation) {
    }

    private record ReportKey(String iin, String obligation, YearMonth month) {
    }

    private static Finding finding(ContractReview contract, ContractReview.PlanItem item, FindingKind kind,
            List<YearMonth> months) {
        return new Finding(contract.familyId(), contract.contractId(), item.iin(), item.obligation(), kind,
                List.copyOf(months));
    }

    private static RowWarning warning(InputFile file, long line, String column, String value, WarningReason reason,
            String message) {
        return new RowWarning(file.fileName(), line, column, value, reason, message);
    }
}
