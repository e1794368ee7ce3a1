package kz.orleu.benefits.compliance;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import kz.orleu.benefits.entitlement.ContractTerm;

/**
 * A contract to judge for one run: its term, its family plan, the monitoring of the income quarter, the members
 * of its family, and how many failures the history already holds for it.
 */
public record ContractReview(
        String familyId,
        ContractTerm term,
        int priorFailures,
        List<PlanItem> plan,
        List<Report> reports,
        Map<String, Member> members) {

    /** An obligation of the family plan ({@code obligations.csv}), with its line for warnings. */
    public record PlanItem(long line, String iin, String obligation) {
    }

    /** A monitoring outcome ({@code monitoring.csv}), with its line for warnings. */
    public record Report(long line, String iin, YearMonth month, String obligation, String outcome, String purpose) {
    }

    public String contractId() {
        return term.contractId();
    }
}
