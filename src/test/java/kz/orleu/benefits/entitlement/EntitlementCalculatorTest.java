package kz.orleu.benefits.entitlement;

import kz.orleu.benefits.codes.ContractStatus;
import kz.orleu.benefits.codes.PaymentMode;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import kz.orleu.benefits.quarter.Quarter;
import org.junit.jupiter.api.Test;

/**
 * The means test, the payment months and the decision codes of {@code contracts.md} ("Month by month in the
 * benefit quarter", "Decision codes"), with the figures of the worked examples ({@code shared/examples}).
 * Shares are the 2014-2017 rules: ASP 40 %, CCA 60 %.
 */
class EntitlementCalculatorTest {

    private static final Quarter Q2_2016 = Quarter.parse("2016Q2");
    private static final Quarter Q3_2016 = Quarter.parse("2016Q3");
    private static final BigDecimal ASP_SHARE = new BigDecimal("0.40");
    private static final BigDecimal CCA_SHARE = new BigDecimal("0.60");

    /** Subsistence minimum of 2016Q1 (used by benefit quarter 2016Q2), per region, from the examples. */
    private static final String SM_AKMOLA = "22100.00";     // ASP  8,840.00  CCA 13,260.00
    private static final String SM_ZHAMBYL = "21500.00";    // ASP  8,600.00  CCA 12,900.00
    private static final String SM_EAST = "23000.00";       // ASP  9,200.00  CCA 13,800.00
    private static final String SM_ALMATY = "24800.00";     // ASP  9,920.00  CCA 14,880.00
    /** Zhambyl 2016Q2 (used by benefit quarter 2016Q3): ASP 8,680.00, CCA 13,020.00. */
    private static final String SM_ZHAMBYL_Q2 = "21700.00";

    private final EntitlementCalculator q2 = new EntitlementCalculator(Q2_2016, ASP_SHARE, CCA_SHARE);
    private final EntitlementCalculator q3 = new EntitlementCalculator(Q3_2016, ASP_SHARE, CCA_SHARE);

    // ---------------------------------------------------------------- the means test

    @Test
    void familyBelowTheAspLineGetsAspInEveryMonthOfTheQuarter() {
        // F000001: Zhambyl, 5 members, wages 15,000 × 3 = 45,000 → per-capita 45,000 / 3 / 5 = 3,000.00
        // ASP line 21,500 × 40 % = 8,600.00 → monthly (8,600 − 3,000) × 5 = 28,000, quarter 3 × 28,000 = 84,000
        Entitlement e = q2.calculate(family("F000001", 5, "45000", SM_ZHAMBYL));

        assertThat(e.members()).isEqualTo(5);
        assertThat(e.countedIncome()).isEqualByComparingTo("45000");
        assertThat(e.perCapitaIncome()).isEqualByComparingTo("3000.00");
        assertThat(e.aspLine()).isEqualByComparingTo("8600.00");
        assertThat(e.ccaLine()).isEqualByComparingTo("12900.00");
        assertThat(e.subsistenceMinimum()).isEqualByComparingTo(SM_ZHAMBYL);
        assertThat(e.benefit()).isEqualTo(Benefit.ASP);
        assertThat(e.decision()).isEqualTo(Decision.ASP);
        assertThat(e.monthlyAmount()).isEqualTo(28_000);
        assertThat(e.quarterAmount()).isEqualTo(84_000);
        assertThat(e.payments()).containsExactly(
                asp("2016-04", 28_000), asp("2016-05", 28_000), asp("2016-06", 28_000));
    }

    @Test
    void familyWithPerCapitaExactlyOnTheAspLineGetsNoAsp() {
        // F000002: Zhambyl, 5 members, 129,000 → 129,000 / 15 = 8,600.00 = ASP line 8,600.00: not strictly below.
        // It is below the CCA line 12,900.00 without a contract: CCA_CANDIDATE, nothing paid.
        Entitlement e = q2.calculate(family("F000002", 5, "129000", SM_ZHAMBYL));

        assertThat(e.perCapitaIncome()).isEqualByComparingTo("8600.00");
        assertThat(e.benefit()).isEqualTo(Benefit.NONE);
        assertThat(e.decision()).isEqualTo(Decision.CCA_CANDIDATE);
        assertThat(e.payments()).isEmpty();
        assertThat(e.quarterAmount()).isZero();
    }

    @Test
    void familyWithPerCapitaExactlyOnTheCcaLineGetsNoCcaDespiteItsContract() {
        // Zhambyl, 5 members, 193,500 → 193,500 / 15 = 12,900.00 = CCA line: not below, so the months with the
        // contract in force pay nothing (and it is above the ASP line anyway): ABOVE_LINE
        Entitlement e = q2.calculate(family("F1", 5, "193500", SM_ZHAMBYL,
                monthly("C1", "2016-01", "2016-12", ContractStatus.ACTIVE)));

        assertThat(e.perCapitaIncome()).isEqualByComparingTo("12900.00");
        assertThat(e.benefit()).isEqualTo(Benefit.NONE);
        assertThat(e.decision()).isEqualTo(Decision.ABOVE_LINE);
        assertThat(e.payments()).isEmpty();
    }

    @Test
    void familyOneTiynBelowTheAspLineIsEligible() {
        // Zhambyl, 5 members, 128,999.85 → 128,999.85 / 15 = 8,599.99 < 8,600.00: ASP
        // (the amount itself is (8,600.00 − 8,599.99) × 5 = 0.05 → 0 whole tenge)
        Entitlement e = q2.calculate(family("F1", 5, "128999.85", SM_ZHAMBYL));

        assertThat(e.perCapitaIncome()).isEqualByComparingTo("8599.99");
        assertThat(e.benefit()).isEqualTo(Benefit.ASP);
        assertThat(e.decision()).isEqualTo(Decision.ASP);
    }

    @Test
    void familyJustBelowTheAspLineGetsTheRoundedSmallAmount() {
        // F000003: Zhambyl, 5 members, 128,990 (10 tenge less than the line) → 8,599.333… → 8,599.33
        // monthly (8,600.00 − 8,599.33) × 5 = 3.35 → 3, quarter 9
        Entitlement e = q2.calculate(family("F000003", 5, "128990", SM_ZHAMBYL));

        assertThat(e.perCapitaIncome()).isEqualByComparingTo("8599.33");
        assertThat(e.decision()).isEqualTo(Decision.ASP);
        assertThat(e.monthlyAmount()).isEqualTo(3);
        assertThat(e.quarterAmount()).isEqualTo(9);
    }

    @Test
    void familyThatDeclaredNoIncomeHasPerCapitaZeroAndGetsTheWholeLine() {
        // F000004: Akmola, 3 members, a declaration with no income rows → per-capita 0.00
        // monthly (8,840.00 − 0.00) × 3 = 26,520, quarter 79,560
        Entitlement e = q2.calculate(family("F000004", 3, "0", SM_AKMOLA));

        assertThat(e.perCapitaIncome()).isEqualByComparingTo("0.00");
        assertThat(e.decision()).isEqualTo(Decision.ASP);
        assertThat(e.monthlyAmount()).isEqualTo(26_520);
        assertThat(e.quarterAmount()).isEqualTo(79_560);
    }

    @Test
    void perCapitaIsRoundedOnceSoTheMonthlyAmountFollowsTheExactQuotient() {
        // Zhambyl, 4 members, 10,000.49: one rounding 10,000.49 / 12 = 833.374… → 833.37
        //   monthly (8,600.00 − 833.37) × 4 = 7,766.63 × 4 = 31,066.52 → 31,067
        // (rounding / 3 first: 3,333.50 / 4 = 833.375 → 833.38 → 7,766.62 × 4 = 31,066.48 → 31,066, wrong)
        Entitlement e = q2.calculate(family("F1", 4, "10000.49", SM_ZHAMBYL));

        assertThat(e.perCapitaIncome()).isEqualByComparingTo("833.37");
        assertThat(e.monthlyAmount()).isEqualTo(31_067);
    }

    @Test
    void monthlyAmountIsRoundedHalfUpToWholeTenge() {
        // Zhambyl, 2 members, 18,004.50 → 18,004.50 / 6 = 3,000.75
        // monthly (8,600.00 − 3,000.75) × 2 = 11,198.50 → 11,199 (HALF_EVEN or DOWN would give 11,198)
        Entitlement e = q2.calculate(family("F1", 2, "18004.50", SM_ZHAMBYL));

        assertThat(e.perCapitaIncome()).isEqualByComparingTo("3000.75");
        assertThat(e.monthlyAmount()).isEqualTo(11_199);
        assertThat(e.quarterAmount()).isEqualTo(33_597);
    }

    @Test
    void sharesPassedToTheCalculatorSetTheLines() {
        // 2019 rules (70 %): Zhambyl SM 21,500 → ASP line 21,500 × 0.70 = 15,050.00; F000002's per-capita 8,600.00
        // is now well below: (15,050 − 8,600) × 5 = 32,250
        EntitlementCalculator rules2019 = new EntitlementCalculator(Quarter.parse("2019Q2"),
                new BigDecimal("0.70"), new BigDecimal("0.70"));
        Entitlement e = rules2019.calculate(family("F000002", 5, "129000", SM_ZHAMBYL));

        assertThat(e.aspLine()).isEqualByComparingTo("15050.00");
        assertThat(e.monthlyAmount()).isEqualTo(32_250);
        assertThat(e.payments()).extracting(Payment::month).containsExactly(
                YearMonth.of(2019, 4), YearMonth.of(2019, 5), YearMonth.of(2019, 6));
    }

    // ---------------------------------------------------------------- contracts and payment months

    @Test
    void monthlyContractInForceAllQuarterPaysCcaEveryMonth() {
        // F000006: East Kazakhstan, 4 members, wages 60,000 + child benefit 8,000 = 68,000 → 5,666.67
        // CCA line 23,000 × 60 % = 13,800.00 → (13,800.00 − 5,666.67) × 4 = 32,533.32 → 32,533, quarter 97,599
        Entitlement e = q2.calculate(family("F000006", 4, "68000", SM_EAST,
                monthly("C00001", "2016-03", "2016-08", ContractStatus.ACTIVE)));

        assertThat(e.benefit()).isEqualTo(Benefit.CCA);
        assertThat(e.decision()).isEqualTo(Decision.CCA);
        assertThat(e.monthlyAmount()).isEqualTo(32_533);
        assertThat(e.quarterAmount()).isEqualTo(97_599);
        assertThat(e.payments()).containsExactly(
                cca("2016-04", 32_533), cca("2016-05", 32_533), cca("2016-06", 32_533));
    }

    @Test
    void lumpSumStartingInTheQuarterPaysThreeMonthsInItsFirstMonthAndNothingInTheNextTwo() {
        // F000007: Zhambyl, 5 members, farm income 27,000 → 1,800.00
        // CCA (12,900.00 − 1,800.00) × 5 = 55,500; lump sum 3 × 55,500 = 166,500 in April, nothing in May, June
        Entitlement e = q2.calculate(family("F000007", 5, "27000", SM_ZHAMBYL,
                lumpSum("C00002", "2016-04", "2016-09", ContractStatus.ACTIVE)));

        assertThat(e.benefit()).isEqualTo(Benefit.CCA);
        assertThat(e.decision()).isEqualTo(Decision.CCA_LUMP_SUM);
        assertThat(e.monthlyAmount()).isEqualTo(55_500);
        assertThat(e.quarterAmount()).isEqualTo(166_500);
        assertThat(e.payments()).containsExactly(
                new Payment(YearMonth.of(2016, 4), Benefit.CCA, 166_500, PaymentKind.LUMP_SUM));
    }

    @Test
    void lumpSumContractPaysMonthlyFromItsFourthMonthOn() {
        // F000007 in 2016Q3: contract 2016-04..2016-09, months 4, 5 and 6 of it; Zhambyl 2016Q2 SM 21,700 →
        // CCA line 13,020.00; per-capita 1,800.00 → (13,020 − 1,800) × 5 = 56,100 each month, plain CCA
        Entitlement e = q3.calculate(family("F000007", 5, "27000", SM_ZHAMBYL_Q2,
                lumpSum("C00002", "2016-04", "2016-09", ContractStatus.ACTIVE)));

        assertThat(e.decision()).isEqualTo(Decision.CCA);
        assertThat(e.quarterAmount()).isEqualTo(168_300);
        assertThat(e.payments()).containsExactly(
                cca("2016-07", 56_100), cca("2016-08", 56_100), cca("2016-09", 56_100));
    }

    @Test
    void lumpSumStartedTwoMonthsBeforeTheQuarterPaysNothingInItsFirstMonthThenMonthly() {
        // F000008: Akmola, 4 members, 36,000 → 3,000.00; CCA (13,260.00 − 3,000.00) × 4 = 41,040
        // contract from 2016-02: April is its 3rd month (nothing), May its 4th and June its 5th (monthly)
        // quarter 2 × 41,040 = 82,080; benefit CCA without a lump sum this quarter: decision CCA
        Entitlement e = q2.calculate(family("F000008", 4, "36000", SM_AKMOLA,
                lumpSum("C00003", "2016-02", "2016-07", ContractStatus.ACTIVE)));

        assertThat(e.benefit()).isEqualTo(Benefit.CCA);
        assertThat(e.decision()).isEqualTo(Decision.CCA);
        assertThat(e.monthlyAmount()).isEqualTo(41_040);
        assertThat(e.quarterAmount()).isEqualTo(82_080);
        assertThat(e.payments()).containsExactly(cca("2016-05", 41_040), cca("2016-06", 41_040));
    }

    @Test
    void lumpSumStartedOneMonthBeforeTheQuarterPaysOnlyInTheThirdMonth() {
        // F000008's figures, contract from 2016-03: April 2nd month, May 3rd (nothing), June 4th: 41,040
        Entitlement e = q2.calculate(family("F1", 4, "36000", SM_AKMOLA,
                lumpSum("C1", "2016-03", "2016-08", ContractStatus.ACTIVE)));

        assertThat(e.decision()).isEqualTo(Decision.CCA);
        assertThat(e.payments()).containsExactly(cca("2016-06", 41_040));
    }

    @Test
    void lumpSumStartingInTheSecondMonthLeavesTheFirstMonthAnAspMonth() {
        // F000008's figures, contract from 2016-05: April without contract is an ASP month
        // (8,840.00 − 3,000.00) × 4 = 23,360; May lump sum 3 × 41,040 = 123,120; June nothing
        // benefit CCA (a CCA month exists), quarter 23,360 + 123,120 = 146,480
        Entitlement e = q2.calculate(family("F1", 4, "36000", SM_AKMOLA,
                lumpSum("C1", "2016-05", "2016-10", ContractStatus.ACTIVE)));

        assertThat(e.benefit()).isEqualTo(Benefit.CCA);
        assertThat(e.decision()).isEqualTo(Decision.CCA_LUMP_SUM);
        assertThat(e.monthlyAmount()).isEqualTo(41_040);
        assertThat(e.quarterAmount()).isEqualTo(146_480);
        assertThat(e.payments()).containsExactly(asp("2016-04", 23_360),
                new Payment(YearMonth.of(2016, 5), Benefit.CCA, 123_120, PaymentKind.LUMP_SUM));
    }

    @Test
    void monthsGiveEachMonthItsReasonAndThePaymentTheCalculatorPays() {
        // the same family: April ASP (no contract yet), May the lump sum, June covered by it
        FamilyCase family = family("F1", 4, "36000", SM_AKMOLA, lumpSum("C1", "2016-05", "2016-10", ContractStatus.ACTIVE));

        List<MonthOutcome> months = q2.months(family);

        assertThat(months).extracting(MonthOutcome::reason).containsExactly(MonthOutcome.Reason.ASP_MONTHLY,
                MonthOutcome.Reason.LUMP_SUM_PAID, MonthOutcome.Reason.LUMP_SUM_COVERED);
        assertThat(months).extracting(m -> m.contract() == null ? null : m.contract().contractId())
                .containsExactly(null, "C1", "C1");
        assertThat(months.stream().map(MonthOutcome::payment).filter(p -> p != null).toList())
                .isEqualTo(q2.calculate(family).payments());
    }

    @Test
    void monthsOfAFamilyNotComputedAreNotComputed() {
        FamilyCase undeclared = new FamilyCase("F000005", "31", false, false, 3, BigDecimal.ZERO,
                new BigDecimal(SM_ZHAMBYL), List.of(), null, null);

        assertThat(q2.months(undeclared)).extracting(MonthOutcome::reason).containsOnly(MonthOutcome.Reason.NOT_COMPUTED)
                .hasSize(3);
    }

    @Test
    void contractEndingAfterTheFirstMonthPaysCcaThenAspAndTheBenefitIsCca() {
        // F000009: East Kazakhstan, 5 members, 5,000 → 333.333… → 333.33
        // CCA (13,800.00 − 333.33) × 5 = 67,333.35 → 67,333; ASP (9,200.00 − 333.33) × 5 = 44,333.35 → 44,333
        // contract ends 2016-04-30: April CCA, May and June ASP; quarter 67,333 + 2 × 44,333 = 155,999
        Entitlement e = q2.calculate(family("F000009", 5, "5000", SM_EAST,
                monthly("C00004", "2015-11", "2016-04", ContractStatus.ACTIVE)));

        assertThat(e.benefit()).isEqualTo(Benefit.CCA);
        assertThat(e.decision()).isEqualTo(Decision.CCA);
        assertThat(e.monthlyAmount()).isEqualTo(67_333);
        assertThat(e.quarterAmount()).isEqualTo(155_999);
        assertThat(e.payments()).containsExactly(
                cca("2016-04", 67_333), asp("2016-05", 44_333), asp("2016-06", 44_333));
    }

    @Test
    void contractEndingAfterTheFirstMonthOfAFamilyBetweenTheLinesPaysOnlyTheCcaMonth() {
        // Zhambyl, 5 members, 150,000 → 10,000.00: above ASP 8,600, below CCA 12,900
        // April CCA (12,900 − 10,000) × 5 = 14,500; May and June no contract and above the ASP line: nothing
        Entitlement e = q2.calculate(family("F1", 5, "150000", SM_ZHAMBYL,
                monthly("C1", "2015-11", "2016-04", ContractStatus.COMPLETED)));

        assertThat(e.benefit()).isEqualTo(Benefit.CCA);
        assertThat(e.decision()).isEqualTo(Decision.CCA);
        assertThat(e.payments()).containsExactly(cca("2016-04", 14_500));
        assertThat(e.quarterAmount()).isEqualTo(14_500);
    }

    @Test
    void contractStartingInTheLastMonthMakesTheEarlierMonthsAspMonths() {
        // F000006's figures, monthly contract from 2016-06: April, May ASP (9,200.00 − 5,666.67) × 4 = 14,133.32
        // → 14,133; June CCA 32,533; quarter 2 × 14,133 + 32,533 = 60,799
        Entitlement e = q2.calculate(family("F1", 4, "68000", SM_EAST,
                monthly("C1", "2016-06", "2016-11", ContractStatus.ACTIVE)));

        assertThat(e.benefit()).isEqualTo(Benefit.CCA);
        assertThat(e.decision()).isEqualTo(Decision.CCA);
        assertThat(e.payments()).containsExactly(
                asp("2016-04", 14_133), asp("2016-05", 14_133), cca("2016-06", 32_533));
        assertThat(e.quarterAmount()).isEqualTo(60_799);
    }

    // ---------------------------------------------------------------- decisions

    @Test
    void familyThatDeclinedItsContractBelowTheAspLineGetsAspContractDeclined() {
        // F000010: Almaty city, 3 members, 9,000 → 1,000.00; ASP (9,920.00 − 1,000.00) × 3 = 26,760, quarter 80,280
        Entitlement e = q2.calculate(family("F000010", 3, "9000", SM_ALMATY, declined("C00005")));

        assertThat(e.benefit()).isEqualTo(Benefit.ASP);
        assertThat(e.decision()).isEqualTo(Decision.ASP_CONTRACT_DECLINED);
        assertThat(e.monthlyAmount()).isEqualTo(26_760);
        assertThat(e.quarterAmount()).isEqualTo(80_280);
    }

    @Test
    void familyThatDeclinedItsContractBetweenTheLinesIsAboveLineNotACandidate() {
        // F000011: Almaty city, 3 members, 108,000 → 12,000.00: above ASP 9,920, below CCA 14,880, declined
        Entitlement e = q2.calculate(family("F000011", 3, "108000", SM_ALMATY, declined("C00006")));

        assertThat(e.benefit()).isEqualTo(Benefit.NONE);
        assertThat(e.decision()).isEqualTo(Decision.ABOVE_LINE);
        assertThat(e.payments()).isEmpty();
    }

    @Test
    void familyWhoseContractWasTerminatedByTheDepartmentFallsBackToAsp() {
        // Zhambyl, 4 members, 10,000 → 833.33; contract TERMINATED on 2016-03-31 (before the quarter)
        // ASP (8,600.00 − 833.33) × 4 = 31,066.68 → 31,067
        Entitlement e = q2.calculate(family("F1", 4, "10000", SM_ZHAMBYL,
                monthly("C1", "2016-01", "2016-03", ContractStatus.TERMINATED)));

        assertThat(e.benefit()).isEqualTo(Benefit.ASP);
        assertThat(e.decision()).isEqualTo(Decision.ASP_CONTRACT_TERMINATED);
        assertThat(e.monthlyAmount()).isEqualTo(31_067);
        assertThat(e.payments()).extracting(Payment::benefit).containsOnly(Benefit.ASP).hasSize(3);
    }

    @Test
    void familyWhoseContractThisSystemTerminatedGetsNoCcaFromTheFirstMonthAndFallsBackToAsp() {
        // F000018 in 2016Q3: contract 2016-01..2016-12 still ACTIVE in the input, terminated by the second failure
        // in this run (from 2016-07). Zhambyl 2016Q2 SM 21,700 → ASP 8,680.00; 4 members, 10,000 → 833.33
        // ASP (8,680.00 − 833.33) × 4 = 31,386.68 → 31,387, quarter 94,161; before: CCA 48,267 → CHANGED
        Entitlement e = q3.calculate(withPrevious(family("F000018", 4, "10000", SM_ZHAMBYL_Q2,
                new ContractTerm("C00007", YearMonth.of(2016, 1), YearMonth.of(2016, 12), PaymentMode.MONTHLY,
                        ContractStatus.ACTIVE, YearMonth.of(2016, 7))), Benefit.CCA, 48_267L));

        assertThat(e.benefit()).isEqualTo(Benefit.ASP);
        assertThat(e.decision()).isEqualTo(Decision.ASP_CONTRACT_TERMINATED);
        assertThat(e.monthlyAmount()).isEqualTo(31_387);
        assertThat(e.quarterAmount()).isEqualTo(94_161);
        assertThat(e.payments()).containsExactly(
                asp("2016-07", 31_387), asp("2016-08", 31_387), asp("2016-09", 31_387));
        assertThat(e.change()).isEqualTo(Change.CHANGED);
    }

    @Test
    void familyWithATerminatedContractBetweenTheLinesIsAboveLineNotACandidate() {
        // Zhambyl, 4 members, 120,000 → 10,000.00: above ASP 8,600, below CCA 12,900; contract terminated
        Entitlement e = q2.calculate(family("F1", 4, "120000", SM_ZHAMBYL,
                monthly("C1", "2015-10", "2016-02", ContractStatus.TERMINATED)));

        assertThat(e.benefit()).isEqualTo(Benefit.NONE);
        assertThat(e.decision()).isEqualTo(Decision.ABOVE_LINE);
    }

    @Test
    void terminatedAndDeclinedContractsTogetherGiveAspContractTerminated() {
        // first match wins: ASP_CONTRACT_TERMINATED comes before ASP_CONTRACT_DECLINED (F000010's figures)
        Entitlement e = q2.calculate(family("F1", 3, "9000", SM_ALMATY, declined("C1"),
                monthly("C2", "2015-07", "2015-12", ContractStatus.TERMINATED)));

        assertThat(e.decision()).isEqualTo(Decision.ASP_CONTRACT_TERMINATED);
    }

    @Test
    void familyBelowTheCcaLineWithoutAContractIsACcaCandidate() {
        // F000001 in 2016Q3: wages 45,000 a month → 135,000 / 15 = 9,000.00
        // above 2016Q2's ASP line 8,680.00, below its CCA line 13,020.00, no contract: CCA_CANDIDATE, STOPPED
        Entitlement e = q3.calculate(withPrevious(family("F000001", 5, "135000", SM_ZHAMBYL_Q2),
                Benefit.ASP, 28_000L));

        assertThat(e.benefit()).isEqualTo(Benefit.NONE);
        assertThat(e.decision()).isEqualTo(Decision.CCA_CANDIDATE);
        assertThat(e.change()).isEqualTo(Change.STOPPED);
        assertThat(e.previousBenefit()).isEqualTo(Benefit.ASP);
        assertThat(e.previousMonthlyAmount()).isEqualTo(28_000L);
    }

    @Test
    void familyWhoseContractWasCompletedBeforeTheQuarterIsACcaCandidateAgain() {
        // 9,000.00 between the lines (F000001 in 2016Q3); the contract 2016-01..2016-06 is COMPLETED and not in
        // force in 2016Q3; it was neither declined nor terminated
        Entitlement e = q3.calculate(family("F1", 5, "135000", SM_ZHAMBYL_Q2,
                monthly("C1", "2016-01", "2016-06", ContractStatus.COMPLETED)));

        assertThat(e.decision()).isEqualTo(Decision.CCA_CANDIDATE);
    }

    @Test
    void familyAboveEveryLineIsAboveLine() {
        // F000024: Zhambyl, 3 members, 540,000 → 60,000.00 > 12,900.00
        Entitlement e = q2.calculate(family("F000024", 3, "540000", SM_ZHAMBYL));

        assertThat(e.perCapitaIncome()).isEqualByComparingTo("60000.00");
        assertThat(e.benefit()).isEqualTo(Benefit.NONE);
        assertThat(e.decision()).isEqualTo(Decision.ABOVE_LINE);
        assertThat(e.monthlyAmount()).isZero();
        assertThat(e.quarterAmount()).isZero();
        assertThat(e.payments()).isEmpty();
    }

    @Test
    void familyWhoseIncomesAddUpPastEveryDatabaseColumnIsComputedAboveLine() {
        // 4 members, 120 incomes of 999,999,999,999.99 (the largest a row may hold): 119,999,999,999,998.80,
        // past numeric(16,2); per capita / (3 × 4) = 9,999,999,999,999.90, past numeric(14,2): simply above the line
        Entitlement e = q2.calculate(family("F3", 4, "119999999999998.80", SM_ZHAMBYL));

        assertThat(e.countedIncome()).isEqualByComparingTo("119999999999998.80");
        assertThat(e.perCapitaIncome()).isEqualByComparingTo("9999999999999.90");
        assertThat(e.decision()).isEqualTo(Decision.ABOVE_LINE);
        assertThat(e.monthlyAmount()).isZero();
        assertThat(e.payments()).isEmpty();
    }

    @Test
    void familyWithAContractInForceButAboveTheCcaLineIsAboveLine() {
        // F000025: Zhambyl, 2 members, 180,000 → 30,000.00 > 12,900.00, active contract 2016-01..2016-09
        Entitlement e = q2.calculate(family("F000025", 2, "180000", SM_ZHAMBYL,
                monthly("C00013", "2016-01", "2016-09", ContractStatus.ACTIVE)));

        assertThat(e.benefit()).isEqualTo(Benefit.NONE);
        assertThat(e.decision()).isEqualTo(Decision.ABOVE_LINE);
        assertThat(e.payments()).isEmpty();
    }

    @Test
    void familyWithoutADeclarationIsNotComputed() {
        // F000005: empty declared_on although an income is present and it would be below the ASP line:
        // NO_DECLARATION, members, income, per-capita and lines empty, benefit NONE, amounts 0
        FamilyCase f = new FamilyCase("F000005", "31", false, false, 4, new BigDecimal("3000"),
                new BigDecimal(SM_ZHAMBYL), List.of(), null, null);
        Entitlement e = q2.calculate(f);

        assertThat(e.decision()).isEqualTo(Decision.NO_DECLARATION);
        assertThat(e.benefit()).isEqualTo(Benefit.NONE);
        assertThat(e.members()).isNull();
        assertThat(e.countedIncome()).isNull();
        assertThat(e.perCapitaIncome()).isNull();
        assertThat(e.aspLine()).isNull();
        assertThat(e.ccaLine()).isNull();
        assertThat(e.monthlyAmount()).isZero();
        assertThat(e.quarterAmount()).isZero();
        assertThat(e.payments()).isEmpty();
    }

    @Test
    void familyWithARejectedRowIsIncompleteDataAndNotComputed() {
        // F000014: a member row rejected; would otherwise be ASP (3,000.00 < 8,600.00)
        FamilyCase f = new FamilyCase("F000014", "31", true, true, 5, new BigDecimal("45000"),
                new BigDecimal(SM_ZHAMBYL), List.of(monthly("C1", "2016-01", "2016-12", ContractStatus.ACTIVE)),
                null, null);
        Entitlement e = q2.calculate(f);

        assertThat(e.decision()).isEqualTo(Decision.INCOMPLETE_DATA);
        assertThat(e.benefit()).isEqualTo(Benefit.NONE);
        assertThat(e.members()).isNull();
        assertThat(e.perCapitaIncome()).isNull();
        assertThat(e.payments()).isEmpty();
        assertThat(e.quarterAmount()).isZero();
    }

    @Test
    void incompleteDataComesBeforeNoDeclaration() {
        // first match wins: a rejected row and no declaration → INCOMPLETE_DATA
        FamilyCase f = new FamilyCase("F1", "31", true, false, 5, BigDecimal.ZERO, new BigDecimal(SM_ZHAMBYL),
                List.of(), null, null);

        assertThat(q2.calculate(f).decision()).isEqualTo(Decision.INCOMPLETE_DATA);
    }

    @Test
    void familyWithNoMemberCountedIsIncompleteData() {
        // nobody counted on 2016-04-01: per-capita undefined (no division by zero)
        FamilyCase f = new FamilyCase("F1", "31", false, true, 0, BigDecimal.ZERO, new BigDecimal(SM_ZHAMBYL),
                List.of(), null, null);
        Entitlement e = q2.calculate(f);

        assertThat(e.decision()).isEqualTo(Decision.INCOMPLETE_DATA);
        assertThat(e.benefit()).isEqualTo(Benefit.NONE);
        assertThat(e.payments()).isEmpty();
    }

    // ---------------------------------------------------------------- change against the previous quarter

    @Test
    void familyPaidNowWithNothingBeforeIsNewAndHasNoPreviousValues() {
        // F000001 in 2016Q2, first quarter ever run: previous benefit and amount empty
        Entitlement e = q2.calculate(family("F000001", 5, "45000", SM_ZHAMBYL));

        assertThat(e.change()).isEqualTo(Change.NEW);
        assertThat(e.previousBenefit()).isNull();
        assertThat(e.previousMonthlyAmount()).isNull();
    }

    @Test
    void familyPaidTheSameBenefitAndAmountAsBeforeIsUnchanged() {
        // F000004: 26,520 ASP in 2016Q2 and again the same figures
        Entitlement e = q2.calculate(withPrevious(family("F000004", 3, "0", SM_AKMOLA), Benefit.ASP, 26_520L));

        assertThat(e.change()).isEqualTo(Change.UNCHANGED);
    }

    @Test
    void familyPaidAnotherAmountThanBeforeIsChanged() {
        // F000004 in 2016Q3: Akmola 2016Q2 SM 22,400 → ASP 8,960.00 × 3 = 26,880 against 26,520 before
        Entitlement e = q3.calculate(withPrevious(family("F000004", 3, "0", "22400.00"), Benefit.ASP,
                26_520L));

        assertThat(e.monthlyAmount()).isEqualTo(26_880);
        assertThat(e.change()).isEqualTo(Change.CHANGED);
    }

    @Test
    void familyUnpaidBeforeAndNowIsUnchanged() {
        // F000011: ABOVE_LINE in both quarters
        Entitlement e = q2.calculate(withPrevious(family("F000011", 3, "108000", SM_ALMATY, declined("C00006")),
                Benefit.NONE, 0L));

        assertThat(e.change()).isEqualTo(Change.UNCHANGED);
    }

    @Test
    void familyPaidBeforeButNotComputedNowIsStopped() {
        // paid ASP before, no declaration now
        FamilyCase f = new FamilyCase("F1", "31", false, false, 4, BigDecimal.ZERO, new BigDecimal(SM_ZHAMBYL),
                List.of(), Benefit.ASP, 28_000L);
        Entitlement e = q2.calculate(f);

        assertThat(e.change()).isEqualTo(Change.STOPPED);
        assertThat(e.previousBenefit()).isEqualTo(Benefit.ASP);
        assertThat(e.previousMonthlyAmount()).isEqualTo(28_000L);
    }

    // ---------------------------------------------------------------- fixtures

    /** A declared family without rejects and without a previous result. */
    private static FamilyCase family(String id, int members, String countedIncome, String subsistenceMinimum,
            ContractTerm... contracts) {
        return new FamilyCase(id, "31", false, true, members, new BigDecimal(countedIncome),
                new BigDecimal(subsistenceMinimum), Arrays.asList(contracts), null, null);
    }

    /** The same family with a result in the latest version of the previous benefit quarter. */
    private static FamilyCase withPrevious(FamilyCase f, Benefit benefit, Long monthly) {
        return new FamilyCase(f.familyId(), f.regionCode(), f.hasRejectedRow(), f.declared(), f.membersCounted(),
                f.countedIncome(), f.subsistenceMinimum(), f.contracts(), benefit, monthly);
    }

    private static ContractTerm monthly(String id, String start, String end, ContractStatus status) {
        return new ContractTerm(id, YearMonth.parse(start), YearMonth.parse(end), PaymentMode.MONTHLY, status, null);
    }

    private static ContractTerm lumpSum(String id, String start, String end, ContractStatus status) {
        return new ContractTerm(id, YearMonth.parse(start), YearMonth.parse(end), PaymentMode.LUMP_SUM, status,
                null);
    }

    private static ContractTerm declined(String id) {
        return new ContractTerm(id, null, null, PaymentMode.MONTHLY, ContractStatus.DECLINED, null);
    }

    private static Payment asp(String month, long amount) {
        return new Payment(YearMonth.parse(month), Benefit.ASP, amount, PaymentKind.MONTHLY);
    }

    private static Payment cca(String month, long amount) {
        return new Payment(YearMonth.parse(month), Benefit.CCA, amount, PaymentKind.MONTHLY);
    }
}
