package kz.orleu.benefits.explain;

import kz.orleu.benefits.codes.ContractStatus;
import kz.orleu.benefits.codes.PaymentMode;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import kz.orleu.benefits.entitlement.ContractTerm;
import kz.orleu.benefits.entitlement.Entitlement;
import kz.orleu.benefits.entitlement.EntitlementCalculator;
import kz.orleu.benefits.entitlement.FamilyCase;
import kz.orleu.benefits.explain.DecisionRecord.IncomeLine;
import kz.orleu.benefits.explain.DecisionRecord.MemberLine;
import kz.orleu.benefits.explain.DecisionRecord.RowNote;
import kz.orleu.benefits.explain.DecisionRecord.SanctionLine;
import kz.orleu.benefits.quarter.Quarter;
import kz.orleu.benefits.reference.ReferenceData.Region;
import org.junit.jupiter.api.Test;

/**
 * The decision record as a caseworker reads it, with the worked examples' numbers ({@code shared/examples}, the
 * 2014-2017 shares: ASP 40 %, CCA 60 %). The month-by-month reasons come from {@link EntitlementCalculator#months},
 * as the command gets them.
 */
class DecisionRecordFormatterTest {

    private static final Quarter Q2_2016 = Quarter.parse("2016Q2");
    private static final Quarter Q3_2016 = Quarter.parse("2016Q3");
    private static final BigDecimal ASP_SHARE = new BigDecimal("0.40");
    private static final BigDecimal CCA_SHARE = new BigDecimal("0.60");
    private static final Region ZHAMBYL = new Region("31", "Жамбыл облысы", "Жамбылская область", "Zhambyl", null);

    @Test
    void theRecordOfAnAspFamilyWorksTheFormulaWithItsOwnNumbers() {
        // F000001: Zhambyl, 5 members, wages 15,000 × 3 = 45,000 → per-capita 45,000 / 3 / 5 = 3,000.00;
        // ASP line 21,500 × 40 % = 8,600.00 → monthly (8,600 − 3,000) × 5 = 28,000 in April, May and June.
        String text = format(Q2_2016, family("F000001", 5, "45000", "21500.00", List.of()),
                List.of(), List.of(), List.of());

        assertThat(text)
                .contains("family F000001, benefit quarter 2016Q2 (income quarter 2016Q1), version 1 (run 7)")
                .contains("Region 31 Zhambyl (Жамбыл облысы / Жамбылская область)")
                .contains("per-capita 45,000.00 / 3 / 5 = 3,000.00")
                .contains("ASP line 21,500.00 × 40 % = 8,600.00: per-capita 3,000.00 is below it")
                .contains("CCA line 21,500.00 × 60 % = 12,900.00: per-capita 3,000.00 is below it")
                .contains("ASP monthly (8,600.00 − 3,000.00) × 5 = 28,000")
                .doesNotContain("CCA monthly")
                .contains("2016-04 ASP 28,000: no contract in force (the family has no contract) and per-capita"
                        + " 3,000.00 below the ASP line 8,600.00")
                .contains("2016-06 ASP 28,000")
                .contains("Decision ASP: benefit ASP, 28,000 a month, 84,000 in the quarter; change NEW (previous: nothing)")
                .contains("Findings this quarter: none").contains("Sanction history: no failed contract")
                .contains("Warnings: none").contains("Rejects: none")
                .doesNotContain("recomputed");
    }

    @Test
    void aLumpSumIsPaidInItsStartMonthAndCoversTheNextTwo() {
        // Like F000007: a LUMP_SUM contract from 2016-04 (here with 5 members and 27,000 of income).
        ContractTerm lumpSum = new ContractTerm("C00002", YearMonth.of(2016, 4), YearMonth.of(2016, 9),
                PaymentMode.LUMP_SUM, ContractStatus.ACTIVE, null);
        String text = format(Q2_2016, family("F000007", 5, "27000", "21500.00", List.of(lumpSum)), List.of(),
                List.of(), List.of());

        // per-capita 27,000 / 3 / 5 = 1,800.00; CCA line 12,900.00 → (12,900 − 1,800) × 5 = 55,500 a month
        assertThat(text).contains("CCA monthly (12,900.00 − 1,800.00) × 5 = 55,500").doesNotContain("ASP monthly")
                .contains("2016-04 CCA 166,500: lump sum paid this month, 3 × 55,500 (contract C00002, LUMP_SUM,"
                        + " starting 2016-04)")
                .contains("2016-05 unpaid: second month of the lump sum of contract C00002 paid in 2016-04")
                .contains("2016-06 unpaid: third month of the lump sum of contract C00002 paid in 2016-04")
                .contains("Decision CCA_LUMP_SUM");
    }

    @Test
    void aContractEndingMidQuarterGivesCcaThenAspMonths() {
        ContractTerm ending = new ContractTerm("C00004", YearMonth.of(2015, 11), YearMonth.of(2016, 4),
                PaymentMode.MONTHLY, ContractStatus.ACTIVE, null);
        String text = format(Q2_2016, family("F000009", 5, "15000", "23000.00", List.of(ending)), List.of(),
                List.of(), List.of());

        // per-capita 15,000 / 3 / 5 = 1,000.00; ASP line 9,200.00, CCA line 13,800.00
        assertThat(text).contains("ASP monthly (9,200.00 − 1,000.00) × 5 = 41,000")
                .contains("CCA monthly (13,800.00 − 1,000.00) × 5 = 64,000")
                .contains("2016-04 CCA 64,000: contract C00004 in force (2015-11..2016-04) and per-capita 1,000.00"
                        + " below the CCA line 13,800.00")
                .contains("2016-05 ASP 41,000: no contract in force (C00004 ended 2016-04)");
    }

    @Test
    void aContractTerminatedByThisSystemIsNotInForceFromItsQuarterAndItsSanctionsAreListed() {
        ContractTerm terminated = new ContractTerm("C00007", YearMonth.of(2016, 1), YearMonth.of(2016, 12),
                PaymentMode.MONTHLY, ContractStatus.ACTIVE, YearMonth.of(2016, 7));
        List<SanctionLine> sanctions = List.of(new SanctionLine(Q2_2016, 1, false, "C00007", 1, "WARNING"),
                new SanctionLine(Q3_2016, 1, true, "C00007", 2, "TERMINATED"));
        List<DecisionRecord.FindingLine> findings = List.of(
                new DecisionRecord.FindingLine("C00007", "900415318364", "JOB_SEARCH", "NOT_MET", "2016-04;2016-05"));
        String text = format(Q3_2016, family("F000018", 4, "30000", "21700.00", List.of(terminated)), sanctions,
                findings, List.of());

        assertThat(text).contains("C00007 2016-01..2016-12 MONTHLY ACTIVE, terminated by this system from 2016-07")
                .contains("2016-07 ASP ").contains("no contract in force (C00007 terminated by this system from"
                        + " 2016-07 (see the sanction history))")
                .contains("Decision ASP_CONTRACT_TERMINATED")
                .contains("contract C00007, member 900415318364, JOB_SEARCH: NOT_MET in 2016-04;2016-05")
                .contains("  2016Q2 version 1: contract C00007 failure 1, WARNING\n"
                        + "  2016Q3 version 1 (this version): contract C00007 failure 2, TERMINATED\n");
    }

    @Test
    void anIncompleteFamilyShowsNoFormulaAndEachRejectUnderItsOwnFile() {
        List<RowNote> rejects = List.of(
                new RowNote("incomes.csv", 31, "amount", "12,50", "BAD_AMOUNT", "not a decimal amount"),
                new RowNote("members.csv", 40, "iin", "123", "BAD_IIN", "wrong check digit"),
                new RowNote("members.csv", 41, "iin", "456", "BAD_IIN", "wrong check digit"));
        List<RowNote> warnings = List.of(new RowNote(null, null, "family_id", "F000015", "ADJUSTMENT_HELD",
                "paid 1 (ASP) in version 1"));
        FamilyCase incomplete = new FamilyCase("F000015", "31", true, true, 4, new BigDecimal("1000"),
                new BigDecimal("21500.00"), List.of(), null, null);
        String text = format(Q2_2016, incomplete, List.of(), List.of(), rejects, warnings);

        assertThat(text).contains("Means test: not computed (INCOMPLETE_DATA: a rejected row belongs to the family,"
                        + " see Rejects)")
                .doesNotContain("per-capita")
                .contains("2016-04 unpaid: not computed, INCOMPLETE_DATA")
                .contains("Warnings:\n  this run, column family_id, value `F000015`: ADJUSTMENT_HELD")
                .contains("Rejects:\n  incomes.csv:\n    line 31, column amount, value `12,50`: BAD_AMOUNT"
                        + " (not a decimal amount)\n  members.csv:\n    line 40, column iin, value `123`: BAD_IIN"
                        + " (wrong check digit)\n    line 41,");
    }

    @Test
    void aFamilyWithoutADeclarationSaysSo() {
        FamilyCase undeclared = new FamilyCase("F000005", "31", false, false, 3, new BigDecimal("1000"),
                new BigDecimal("21500.00"), List.of(), null, null);
        assertThat(format(Q2_2016, undeclared, List.of(), List.of(), List.of()))
                .contains("2016-05 unpaid: not computed, NO_DECLARATION: declared_on is empty in families.csv");
    }

    private static FamilyCase family(String id, int members, String income, String minimum,
            List<ContractTerm> contracts) {
        return new FamilyCase(id, "31", false, true, members, new BigDecimal(income), new BigDecimal(minimum),
                contracts, null, null);
    }

    private static String format(Quarter quarter, FamilyCase family, List<SanctionLine> sanctions,
            List<DecisionRecord.FindingLine> findings, List<RowNote> rejects) {
        return format(quarter, family, sanctions, findings, rejects, List.of());
    }

    /** The record as the repository builds it: the stored result is what the calculator gave for the inputs. */
    private static String format(Quarter quarter, FamilyCase family, List<SanctionLine> sanctions,
            List<DecisionRecord.FindingLine> findings, List<RowNote> rejects, List<RowNote> warnings) {
        EntitlementCalculator calculator = new EntitlementCalculator(quarter, ASP_SHARE, CCA_SHARE);
        Entitlement entitlement = calculator.calculate(family);
        List<MemberLine> members = List.of(new MemberLine("651013362088", "Жұмабаев", "Әсел", "HEAD",
                LocalDate.of(2010, 1, 1), null, true));
        List<IncomeLine> incomes = List.of(new IncomeLine("651013362088", "2016-01", "WAGE", new BigDecimal("15000"),
                true, true));
        return DecisionRecordFormatter.format(new DecisionRecord(family.familyId(), quarter,
                quarter.previous().toString(), 7, 1, "asp_share=0.40@2014-01-01;cca_share=0.60@2014-01-01", ASP_SHARE,
                CCA_SHARE, ZHAMBYL, entitlement, family.contracts(), calculator.months(family), members, incomes,
                findings, sanctions, warnings, rejects));
    }
}
