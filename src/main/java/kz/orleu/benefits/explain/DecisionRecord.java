package kz.orleu.benefits.explain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import kz.orleu.benefits.entitlement.ContractTerm;
import kz.orleu.benefits.entitlement.Entitlement;
import kz.orleu.benefits.entitlement.MonthOutcome;
import kz.orleu.benefits.quarter.Quarter;
import kz.orleu.benefits.reference.ReferenceData.Region;

/**
 * Everything one completed version knows about one family's decision, gathered once so that
 * {@link DecisionRecordFormatter} can print it without a database. {@code entitlement} and its payments are the
 * stored result (what was paid); {@code months} are the calculator's month-by-month reasons over the stored
 * inputs; {@code region} is null when the run's reference data does not name the code.
 */
public record DecisionRecord(
        String familyId,
        Quarter benefitQuarter,
        String incomeQuarter,
        long runId,
        int version,
        String ruleSet,
        BigDecimal aspShare,
        BigDecimal ccaShare,
        Region region,
        Entitlement entitlement,
        List<ContractTerm> contracts,
        List<MonthOutcome> months,
        List<MemberLine> members,
        List<IncomeLine> incomes,
        List<FindingLine> findings,
        List<SanctionLine> sanctions,
        List<RowNote> warnings,
        List<RowNote> rejects) {

    /** A member row, and whether the member is counted on the first day of the benefit quarter. */
    public record MemberLine(String iin, String lastName, String firstName, String relation, LocalDate joinedOn,
            LocalDate leftOn, boolean counted) {
    }

    /** An income row of the income quarter, and whether its type and its member are counted. */
    public record IncomeLine(String iin, String month, String incomeType, BigDecimal amount, boolean typeCounted,
            boolean memberCounted) {
    }

    /** A finding of this version on one of the family's contracts. */
    public record FindingLine(String contractId, String iin, String obligation, String finding, String months) {
    }

    /** A failed contract of the family in one version: its place on the sanction ladder. */
    public record SanctionLine(Quarter benefitQuarter, int version, boolean thisVersion, String contractId,
            int failureNumber, String sanction) {
    }

    /** A warning or a reject of one input row (file and line empty for a warning of the run itself). */
    public record RowNote(String file, Integer line, String column, String value, String reason, String message) {
    }
}
