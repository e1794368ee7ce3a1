package kz.orleu.benefits.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import kz.orleu.benefits.support.Examples;
import kz.orleu.benefits.support.LauncherRun;
import kz.orleu.benefits.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ops/benefits explain} over the two quarters of the worked examples ({@code examples/README.md} lists what
 * each family shows): the record a caseworker reads to answer an appeal, without a programmer.
 */
class ExplainTest {

    @TempDir
    static Path work;

    static String db;

    @BeforeAll
    static void theTwoQuartersOfTheWorkedExamples() {
        db = TestDatabase.freshDatabase("explain");
        Path out = work.resolve("out");
        for (String[] quarter : new String[][] {{"2016Q2", "2016Q1"}, {"2016Q3", "2016Q2"}}) {
            assertThat(LauncherRun.run(db, "run", "--quarter", quarter[0], "--input",
                    Examples.input(quarter[1]).toString(), "--output", out.toString()).exitCode()).isZero();
        }
    }

    @Test
    void anAspFamilysRecordNamesItsRegionAndWorksItsFormula() {
        // F000001: Zhambyl, 5 members, wages 15,000 × 3: 45,000 / 3 / 5 = 3,000.00; 21,500 × 40 % = 8,600.00;
        // (8,600.00 − 3,000.00) × 5 = 28,000 in each month, no contract.
        assertThat(explain("F000001", "2016Q2")).startsWith("0 ")
                .contains("Region 31 Zhambyl (")
                .contains("per-capita 45,000.00 / 3 / 5 = 3,000.00")
                .contains("ASP line 21,500.00 × 40 % = 8,600.00")
                .contains("ASP monthly (8,600.00 − 3,000.00) × 5 = 28,000")
                .contains("2016-04 ASP 28,000: no contract in force (the family has no contract)")
                .contains("2016-05 ASP 28,000").contains("2016-06 ASP 28,000")
                .contains("Decision ASP: benefit ASP, 28,000 a month, 84,000 in the quarter")
                .contains("Versions of 2016Q2 for F000001:");
    }

    @Test
    void aLumpSumFamilysMonthsSayWhereTheLumpSumWasPaid() {
        // F000007: Zhambyl, 5 members, 9,000 × 3 → 1,800.00; CCA (12,900.00 − 1,800.00) × 5 = 55,500 a month;
        // lump-sum contract C00002 from 2016-04: 3 × 55,500 = 166,500 in April, nothing in May and June.
        assertThat(explain("F000007", "2016Q2")).startsWith("0 ")
                .contains("CCA monthly (12,900.00 − 1,800.00) × 5 = 55,500")
                .contains("2016-04 CCA 166,500: lump sum paid this month, 3 × 55,500 (contract C00002")
                .contains("2016-05 unpaid: second month of the lump sum of contract C00002 paid in 2016-04")
                .contains("2016-06 unpaid: third month of the lump sum of contract C00002 paid in 2016-04")
                .contains("Decision CCA_LUMP_SUM");
    }

    @Test
    void aContractEndingMidQuarterGivesACcaMonthThenAspMonths() {
        // F000009: East Kazakhstan, 5 members, 5,000 → 333.33; CCA (13,800.00 − 333.33) × 5 = 67,333 in April,
        // ASP (9,200.00 − 333.33) × 5 = 44,333 in May and June after C00004 ended in April.
        assertThat(explain("F000009", "2016Q2")).startsWith("0 ")
                .contains("Region 63 East Kazakhstan")
                .contains("CCA monthly (13,800.00 − 333.33) × 5 = 67,333")
                .contains("ASP monthly (9,200.00 − 333.33) × 5 = 44,333")
                .contains("2016-04 CCA 67,333: contract C00004 in force")
                .contains("2016-05 ASP 44,333: no contract in force (C00004 ended 2016-04)")
                .contains("2016-06 ASP 44,333");
    }

    @Test
    void aContractTerminatedByThisSystemShowsItsFindingsAndItsSanctionHistoryAcrossQuarters() {
        // F000018: JOB_SEARCH NOT_MET in 2016Q1 (WARNING) and again in 2016Q2 (TERMINATED): no CCA from July.
        assertThat(explain("F000018", "2016Q3")).startsWith("0 ")
                .contains("C00007 2016-01..2016-12 MONTHLY ACTIVE, terminated by this system from 2016-07")
                .contains("2016-07 ASP ").contains("no contract in force (C00007 terminated by this system from 2016-07")
                .contains("Decision ASP_CONTRACT_TERMINATED")
                .containsPattern("contract C00007, member \\d{12}, JOB_SEARCH: NOT_MET in ")
                .contains("  2016Q2 version 1: contract C00007 failure 1, WARNING\n"
                        + "  2016Q3 version 1 (this version): contract C00007 failure 2, TERMINATED\n");
    }

    @Test
    void theWarningsOfTheFamilysRowsAreFoundThroughItsContract() {
        // F000021: JOB_SEARCH assigned to a child born in 2008: a warning on its line of obligations.csv.
        assertThat(explain("F000021", "2016Q2")).startsWith("0 ")
                .containsPattern("Warnings:\\n  obligations\\.csv line \\d+, column \\w+, value `[^`]+`: "
                        + "OBLIGATION_OF_EXEMPT_MEMBER");
    }

    @Test
    void anIncompleteFamilyShowsItsRejectUnderItsFileWithTheBadValue() {
        // F000015: an income written 12,50 on line 32 of incomes.csv.
        assertThat(explain("F000015", "2016Q2")).startsWith("0 ")
                .contains("Means test: not computed (INCOMPLETE_DATA: a rejected row belongs to the family")
                .contains("2016-04 unpaid: not computed, INCOMPLETE_DATA")
                .contains("Rejects:\n  incomes.csv:\n    line 32, column amount, value `12,50`: ");
    }

    @Test
    void aFamilyWhoseOwnRowWasRejectedIsShownItsRejects() {
        // F000017: region 99, its family row rejected, its member and income rows rejected as of an unknown family.
        assertThat(explain("F000017", "2016Q2")).startsWith("2 ")
                .contains("family F000017 has no entitlement in 2016Q2 version 1")
                .contains("  families.csv:\n    line ").contains("value `99`");
    }

    /** The launcher's exit status and what it printed, without log lines. */
    private static String explain(String family, String quarter) {
        return LauncherRun.said(db, "explain", family, "--quarter", quarter).brief();
    }
}
