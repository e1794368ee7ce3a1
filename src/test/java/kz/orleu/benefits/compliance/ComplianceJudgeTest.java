package kz.orleu.benefits.compliance;

import kz.orleu.benefits.codes.ContractStatus;
import kz.orleu.benefits.codes.PaymentMode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.orleu.benefits.declaration.RowWarning;
import kz.orleu.benefits.declaration.WarningReason;
import kz.orleu.benefits.entitlement.ContractTerm;
import kz.orleu.benefits.quarter.Quarter;
import kz.orleu.benefits.reference.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Judging a social contract on the monitoring of the income quarter ({@code domain.md}, "The social contract and
 * its obligations"). Income quarter 2016Q1, benefit quarter 2016Q2 unless said otherwise; the shipped 2014-2017
 * rules: failure after 2 months, termination at the second failure.
 */
class ComplianceJudgeTest {

    private static final Quarter Q1_2016 = Quarter.parse("2016Q1");
    private static final Quarter Q2_2016 = Quarter.parse("2016Q2");
    private static final LocalDate SINCE_2014 = LocalDate.of(2014, 1, 1);
    private static final LocalDate LONG_AGO = LocalDate.of(2010, 1, 1);

    private static final String HEAD = "900415318364";
    private static final String CHILD = "081207637398";
    private static final String SPOUSE = "750824464216";

    private final ComplianceJudge judge = new ComplianceJudge(Q1_2016, Q2_2016, rules());

    // ---------------------------------------------------------------- findings

    @Test
    void obligationNotMetInTwoMonthsInForceIsANotMetFinding() {
        // F000018: JOB_SEARCH NOT_MET in January and March, MET in February → 2 ≥ 2: NOT_MET, first failure
        Judgement j = judge.judge(contract(allYear(), 0, plan(HEAD, "JOB_SEARCH"),
                report(HEAD, "2016-01", "JOB_SEARCH", "NOT_MET"),
                report(HEAD, "2016-02", "JOB_SEARCH", "MET"),
                report(HEAD, "2016-03", "JOB_SEARCH", "NOT_MET")));

        assertThat(j.failed()).isTrue();
        assertThat(j.findings()).extracting(Finding::iin, Finding::obligation, Finding::kind, Finding::months)
                .containsExactly(tuple(HEAD, "JOB_SEARCH", FindingKind.NOT_MET,
                        List.of(YearMonth.of(2016, 1), YearMonth.of(2016, 3))));
        assertThat(j.findings().get(0).familyId()).isEqualTo("F000018");
        assertThat(j.findings().get(0).contractId()).isEqualTo("C00007");
        assertThat(j.failureNumber()).isEqualTo(1);
        assertThat(j.sanction()).isEqualTo(Sanction.WARNING);
    }

    @Test
    void obligationNotMetInOneMonthOnlyIsNoFailure() {
        // 1 NOT_MET < 2
        Judgement j = judge.judge(contract(allYear(), 0, plan(HEAD, "JOB_SEARCH"),
                report(HEAD, "2016-01", "JOB_SEARCH", "NOT_MET"),
                report(HEAD, "2016-02", "JOB_SEARCH", "MET"),
                report(HEAD, "2016-03", "JOB_SEARCH", "MET")));

        assertThat(j.failed()).isFalse();
        assertThat(j.findings()).isEmpty();
        assertThat(j.failureNumber()).isNull();
        assertThat(j.sanction()).isNull();
    }

    @Test
    void reportsMissingForTwoMonthsInForceAreAMissingReportFinding() {
        // F000019: TRAINING reported for January only; February and March missing → 2 ≥ 2: MISSING_REPORT
        Judgement j = judge.judge(contract(term("2016-01", "2016-06"), 0, plan(HEAD, "TRAINING"),
                report(HEAD, "2016-01", "TRAINING", "MET")));

        assertThat(j.findings()).extracting(Finding::kind, Finding::months)
                .containsExactly(tuple(FindingKind.MISSING_REPORT, List.of(YearMonth.of(2016, 2),
                        YearMonth.of(2016, 3))));
        assertThat(j.sanction()).isEqualTo(Sanction.WARNING);
    }

    @Test
    void oneNotMetMonthAndOneMissingMonthAreCountedApartAndAreNoFailure() {
        // January NOT_MET (1), February MET, March missing (1): neither count reaches 2
        Judgement j = judge.judge(contract(allYear(), 0, plan(HEAD, "JOB_SEARCH"),
                report(HEAD, "2016-01", "JOB_SEARCH", "NOT_MET"),
                report(HEAD, "2016-02", "JOB_SEARCH", "MET")));

        assertThat(j.findings()).isEmpty();
        assertThat(j.failed()).isFalse();
    }

    @Test
    void excusedMonthsCountAsMet() {
        // January and February EXCUSED (illness), March NOT_MET: 1 NOT_MET, 0 missing → no failure
        // (EXCUSED taken as NOT_MET would give 3, taken as missing would give 2: both failures)
        Judgement j = judge.judge(contract(allYear(), 0, plan(HEAD, "JOB_SEARCH"),
                report(HEAD, "2016-01", "JOB_SEARCH", "EXCUSED"),
                report(HEAD, "2016-02", "JOB_SEARCH", "EXCUSED"),
                report(HEAD, "2016-03", "JOB_SEARCH", "NOT_MET")));

        assertThat(j.findings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DEBT", "LOAN", "REAL_ESTATE"})
    void spendingReportNamingAForbiddenPurposeIsAFindingInASingleMonth(String purpose) {
        // F000020: lump sum; January LIVESTOCK (allowed), February a forbidden purpose, March MET with no purpose
        Judgement j = judge.judge(contract(lumpSumTerm("2016-01", "2016-06"), 0, plan(HEAD, "SPENDING_REPORT"),
                spending(HEAD, "2016-01", "LIVESTOCK"),
                spending(HEAD, "2016-02", purpose),
                spending(HEAD, "2016-03", null)));

        assertThat(j.findings()).extracting(Finding::obligation, Finding::kind, Finding::months)
                .containsExactly(tuple("SPENDING_REPORT", FindingKind.FORBIDDEN_SPENDING,
                        List.of(YearMonth.of(2016, 2))));
        assertThat(j.sanction()).isEqualTo(Sanction.WARNING);
    }

    @Test
    void spendingReportsWithAllowedOrNoPurposeAreNoFinding() {
        // an empty purpose means no purpose was named, which is not forbidden spending
        Judgement j = judge.judge(contract(lumpSumTerm("2016-01", "2016-06"), 0, plan(HEAD, "SPENDING_REPORT"),
                spending(HEAD, "2016-01", "EQUIPMENT"),
                spending(HEAD, "2016-02", null),
                spending(HEAD, "2016-03", "OTHER_ALLOWED")));

        assertThat(j.findings()).isEmpty();
    }

    @Test
    void forbiddenPurposeOnAnotherObligationsRowIsNotForbiddenSpending() {
        // DEBT named on a JOB_SEARCH row (MET every month): a warning at ingest, never FORBIDDEN_SPENDING
        Judgement j = judge.judge(contract(allYear(), 0, plan(HEAD, "JOB_SEARCH"),
                new ContractReview.Report(2, HEAD, YearMonth.of(2016, 1), "JOB_SEARCH", "MET", "DEBT"),
                new ContractReview.Report(3, HEAD, YearMonth.of(2016, 2), "JOB_SEARCH", "MET", "LOAN"),
                report(HEAD, "2016-03", "JOB_SEARCH", "MET")));

        assertThat(j.findings()).isEmpty();
    }

    @Test
    void forbiddenPurposeInAMonthTheContractWasNotInForceIsIgnoredWithAWarning() {
        // lump sum from 2016-02: a January SPENDING_REPORT naming DEBT is outside the contract
        Judgement j = judge.judge(contract(lumpSumTerm("2016-02", "2016-07"), 0, plan(HEAD, "SPENDING_REPORT"),
                new ContractReview.Report(7, HEAD, YearMonth.of(2016, 1), "SPENDING_REPORT", "MET", "DEBT"),
                spending(HEAD, "2016-02", "SEEDS"),
                spending(HEAD, "2016-03", "SEEDS")));

        assertThat(j.findings()).isEmpty();
        assertThat(j.warnings()).extracting(RowWarning::reason, RowWarning::line, RowWarning::file)
                .containsExactly(tuple(WarningReason.MONITORING_OUTSIDE_CONTRACT, 7L, "monitoring.csv"));
    }

    @Test
    void monthOutsideTheMonthsInForceIsNotMissing() {
        // contract from 2016-02: January has no report and is not missing; February missing (1), March MET
        // → 1 missing month < 2 (counting January too would give 2, a failure)
        Judgement j = judge.judge(contract(term("2016-02", "2016-07"), 0, plan(HEAD, "TRAINING"),
                report(HEAD, "2016-03", "TRAINING", "MET")));

        assertThat(j.findings()).isEmpty();
    }

    @Test
    void monthAfterTheContractEndedIsNotMissing() {
        // contract 2015-09..2016-02: March is not in force; January missing (1), February MET → no failure
        Judgement j = judge.judge(contract(term("2015-09", "2016-02"), 0, plan(HEAD, "TRAINING"),
                report(HEAD, "2016-02", "TRAINING", "MET")));

        assertThat(j.findings()).isEmpty();
    }

    @Test
    void notMetInMonthsNotInForceDoesNotCount() {
        // contract from 2016-03: January and February NOT_MET are outside it (warnings), March MET
        Judgement j = judge.judge(contract(term("2016-03", "2016-08"), 0, plan(HEAD, "JOB_SEARCH"),
                report(HEAD, "2016-01", "JOB_SEARCH", "NOT_MET"),
                report(HEAD, "2016-02", "JOB_SEARCH", "NOT_MET"),
                report(HEAD, "2016-03", "JOB_SEARCH", "MET")));

        assertThat(j.findings()).isEmpty();
        assertThat(j.warnings()).extracting(RowWarning::reason).containsExactly(
                WarningReason.MONITORING_OUTSIDE_CONTRACT, WarningReason.MONITORING_OUTSIDE_CONTRACT);
    }

    @Test
    void eachFailingObligationIsAFindingAndTheQuarterIsOneFailure() {
        // head: JOB_SEARCH NOT_MET Jan, Feb; child: SCHOOL_ATTENDANCE missing all three months
        // → two findings, one failure (#1, WARNING)
        Judgement j = judge.judge(contract(allYear(), 0,
                List.of(new ContractReview.PlanItem(2, HEAD, "JOB_SEARCH"),
                        new ContractReview.PlanItem(3, CHILD, "SCHOOL_ATTENDANCE")),
                report(HEAD, "2016-01", "JOB_SEARCH", "NOT_MET"),
                report(HEAD, "2016-02", "JOB_SEARCH", "NOT_MET"),
                report(HEAD, "2016-03", "JOB_SEARCH", "MET")));

        assertThat(j.findings()).extracting(Finding::iin, Finding::kind).containsExactlyInAnyOrder(
                tuple(HEAD, FindingKind.NOT_MET), tuple(CHILD, FindingKind.MISSING_REPORT));
        assertThat(j.failureNumber()).isEqualTo(1);
        assertThat(j.sanction()).isEqualTo(Sanction.WARNING);
    }

    @Test
    void contractWithEveryObligationMetHasNoFindingAndNoWarning() {
        // F000021's father: JOB_SEARCH MET in all three months
        Judgement j = judge.judge(contract(allYear(), 1, plan(HEAD, "JOB_SEARCH"),
                report(HEAD, "2016-01", "JOB_SEARCH", "MET"),
                report(HEAD, "2016-02", "JOB_SEARCH", "MET"),
                report(HEAD, "2016-03", "JOB_SEARCH", "MET")));

        assertThat(j.failed()).isFalse();
        assertThat(j.warnings()).isEmpty();
        assertThat(j.sanction()).as("no failure, no sanction, whatever the history").isNull();
    }

    // ---------------------------------------------------------------- exemptions

    @Test
    void childUnderEighteenOnTheFirstDayOfTheBenefitQuarterIsExemptFromJobSearchWithAWarning() {
        // F000021: JOB_SEARCH assigned to a child born 2008-12-07, NOT_MET every month → ignored, warning
        Judgement j = judge.judge(contractOf(member(CHILD, "2008-12-07"), "JOB_SEARCH", "NOT_MET", "NOT_MET",
                "NOT_MET"));

        assertThat(j.findings()).isEmpty();
        assertThat(j.sanction()).isNull();
        assertThat(j.warnings()).extracting(RowWarning::reason, RowWarning::file, RowWarning::value)
                .containsExactly(tuple(WarningReason.OBLIGATION_OF_EXEMPT_MEMBER, "obligations.csv", "JOB_SEARCH"));
    }

    @Test
    void memberWhoIsSeventeenOnTheFirstDayOfTheBenefitQuarterIsExempt() {
        // born 1998-04-02: on 2016-04-01 still 17 (18 only the next day)
        Judgement j = judge.judge(contractOf(member(HEAD, "1998-04-02"), "JOB_SEARCH", "NOT_MET", "NOT_MET",
                "NOT_MET"));

        assertThat(j.findings()).isEmpty();
    }

    @Test
    void memberWhoTurnsEighteenOnTheFirstDayOfTheBenefitQuarterIsNotExempt() {
        // born 1998-04-01: 18 on 2016-04-01, the first day of benefit quarter 2016Q2 → judged, NOT_MET × 3
        Judgement j = judge.judge(contractOf(member(HEAD, "1998-04-01"), "JOB_SEARCH", "NOT_MET", "NOT_MET",
                "NOT_MET"));

        assertThat(j.findings()).extracting(Finding::kind).containsExactly(FindingKind.NOT_MET);
        assertThat(j.warnings()).isEmpty();
    }

    @Test
    void ageIsJudgedOnTheFirstDayOfTheBenefitQuarterNotOfTheIncomeQuarter() {
        // born 1998-02-15: 17 on 2016-01-01 (income quarter), 18 on 2016-04-01 (benefit quarter) → not exempt
        Judgement j = judge.judge(contractOf(member(HEAD, "1998-02-15"), "JOB_SEARCH", "NOT_MET", "NOT_MET",
                "MET"));

        assertThat(j.findings()).extracting(Finding::kind).containsExactly(FindingKind.NOT_MET);
    }

    @Test
    void pensionerIsExemptFromWorkObligations() {
        // F000022's grandfather, pensioner flag set, TRAINING NOT_MET twice → ignored
        Member pensioner = new Member(HEAD, LocalDate.of(1950, 5, 5), true, null, false, false, LONG_AGO, null);

        assertThat(judge.judge(contractOf(pensioner, "TRAINING", "NOT_MET", "NOT_MET", "MET")).findings())
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void memberWithDisabilityGroupOneOrTwoIsExemptFromWorkObligations(int group) {
        Member disabled = new Member(HEAD, LocalDate.of(1980, 1, 1), false, group, false, false, LONG_AGO, null);

        assertThat(judge.judge(contractOf(disabled, "EMPLOYMENT", "NOT_MET", "NOT_MET", "MET")).findings())
                .isEmpty();
    }

    @Test
    void memberWithDisabilityGroupThreeIsNotExempt() {
        Member group3 = new Member(HEAD, LocalDate.of(1980, 1, 1), false, 3, false, false, LONG_AGO, null);

        Judgement j = judge.judge(contractOf(group3, "EMPLOYMENT", "NOT_MET", "NOT_MET", "MET"));

        assertThat(j.findings()).extracting(Finding::kind).containsExactly(FindingKind.NOT_MET);
    }

    @Test
    void fullTimeStudentIsExemptFromWorkObligations() {
        Member student = new Member(HEAD, LocalDate.of(1996, 9, 1), false, null, true, false, LONG_AGO, null);

        assertThat(judge.judge(contractOf(student, "JOB_SEARCH", "NOT_MET", "NOT_MET", "MET")).findings())
                .isEmpty();
    }

    @Test
    void carerAtHomeIsExemptFromWorkObligations() {
        Member carer = new Member(HEAD, LocalDate.of(1987, 6, 4), false, null, false, true, LONG_AGO, null);

        assertThat(judge.judge(contractOf(carer, "JOB_SEARCH", "NOT_MET", "NOT_MET", "MET")).findings())
                .isEmpty();
    }

    @Test
    void ableBodiedAdultIsNotExempt() {
        Member adult = new Member(HEAD, LocalDate.of(1990, 4, 15), false, null, false, false, LONG_AGO, null);

        assertThat(judge.judge(contractOf(adult, "JOB_SEARCH", "NOT_MET", "NOT_MET", "MET")).findings())
                .extracting(Finding::kind).containsExactly(FindingKind.NOT_MET);
    }

    @Test
    void schoolAttendanceOfAChildIsJudgedDespiteTheAgeExemption() {
        // exemptions are from work obligations only: a child's SCHOOL_ATTENDANCE NOT_MET twice fails
        Judgement j = judge.judge(contractOf(member(CHILD, "2008-12-07"), "SCHOOL_ATTENDANCE", "NOT_MET", "MET",
                "NOT_MET"));

        assertThat(j.findings()).extracting(Finding::obligation, Finding::kind)
                .containsExactly(tuple("SCHOOL_ATTENDANCE", FindingKind.NOT_MET));
        assertThat(j.warnings()).isEmpty();
    }

    @Test
    void medicalCheckupOfAPensionerIsJudged() {
        Member pensioner = new Member(HEAD, LocalDate.of(1950, 5, 5), true, 2, false, false, LONG_AGO, null);

        Judgement j = judge.judge(contractOf(pensioner, "MEDICAL_CHECKUP", "NOT_MET", "NOT_MET", "MET"));

        assertThat(j.findings()).extracting(Finding::kind).containsExactly(FindingKind.NOT_MET);
    }

    // ---------------------------------------------------------------- warnings

    @Test
    void monitoringRowForAnObligationNotInThePlanIsIgnoredWithAWarning() {
        // plan has JOB_SEARCH only (MET every month); two NOT_MET TRAINING rows are not in the plan
        Judgement j = judge.judge(contract(allYear(), 0, plan(HEAD, "JOB_SEARCH"),
                report(HEAD, "2016-01", "JOB_SEARCH", "MET"),
                report(HEAD, "2016-02", "JOB_SEARCH", "MET"),
                report(HEAD, "2016-03", "JOB_SEARCH", "MET"),
                new ContractReview.Report(11, HEAD, YearMonth.of(2016, 1), "TRAINING", "NOT_MET", null),
                new ContractReview.Report(12, HEAD, YearMonth.of(2016, 2), "TRAINING", "NOT_MET", null)));

        assertThat(j.findings()).isEmpty();
        assertThat(j.warnings()).extracting(RowWarning::reason, RowWarning::line)
                .containsExactly(tuple(WarningReason.MONITORING_NOT_IN_PLAN, 11L),
                        tuple(WarningReason.MONITORING_NOT_IN_PLAN, 12L));
    }

    @Test
    void monitoringRowOfAnotherMemberThanThePlansIsNotInThePlan() {
        // the plan gives JOB_SEARCH to the head; NOT_MET JOB_SEARCH rows of the spouse are not in the plan
        String spouse = "910310476478";
        Judgement j = judge.judge(contract(allYear(), 0, plan(HEAD, "JOB_SEARCH"),
                report(HEAD, "2016-01", "JOB_SEARCH", "MET"),
                report(HEAD, "2016-02", "JOB_SEARCH", "MET"),
                report(HEAD, "2016-03", "JOB_SEARCH", "MET"),
                report(spouse, "2016-01", "JOB_SEARCH", "NOT_MET"),
                report(spouse, "2016-02", "JOB_SEARCH", "NOT_MET")));

        assertThat(j.findings()).isEmpty();
        assertThat(j.warnings()).extracting(RowWarning::reason).containsOnly(WarningReason.MONITORING_NOT_IN_PLAN)
                .hasSize(2);
    }

    @Test
    void obligationOfAMemberNotCountedOnTheFirstDayOfTheBenefitQuarterIsWarned() {
        // the member left on 2016-04-01, the first day of the benefit quarter: not counted, but in the family for
        // the whole income quarter, so all three months are judged
        Member left = new Member(HEAD, LocalDate.of(1985, 1, 23), false, null, false, false, LONG_AGO,
                LocalDate.of(2016, 4, 1));

        Judgement j = judge.judge(contractOf(left, "MEDICAL_CHECKUP", "MET", "MET", "MET"));

        assertThat(j.warnings()).extracting(RowWarning::reason)
                .containsExactly(WarningReason.OBLIGATION_OF_MEMBER_NOT_COUNTED);
    }

    // ---------------------------------------------------------------- months in the family

    @Test
    void monthsBeforeAMemberJoinedMidQuarterAreNotJudged() {
        // F000026: the spouse joined on 2016-02-15, JOB_SEARCH reported MET for March only. She was in the family
        // for the whole of March only: January and February are not judged, so nothing is missing (before the
        // rule: January and February missing → 2 ≥ 2, a MISSING_REPORT finding)
        Judgement j = judge.judge(contractWith(memberBetween(SPOUSE, "2016-02-15", null), "JOB_SEARCH",
                report(SPOUSE, "2016-03", "JOB_SEARCH", "MET")));

        assertThat(j.findings()).isEmpty();
        assertThat(j.failed()).isFalse();
        assertThat(j.warnings()).isEmpty();
    }

    @Test
    void aMemberWhoJoinedMidQuarterStillFailsOnTheMonthsSpentWholeInTheFamily() {
        // joined 2016-01-10, no report at all: January not judged, February and March missing → 2 ≥ 2
        Judgement j = judge.judge(contractWith(memberBetween(SPOUSE, "2016-01-10", null), "JOB_SEARCH"));

        assertThat(j.findings()).extracting(Finding::kind, Finding::months)
                .containsExactly(tuple(FindingKind.MISSING_REPORT, List.of(YearMonth.of(2016, 2),
                        YearMonth.of(2016, 3))));
        assertThat(j.sanction()).isEqualTo(Sanction.WARNING);
    }

    @Test
    void aReportForAMonthTheMemberWasNotInTheFamilyAllMonthIsIgnoredWithAWarning() {
        // joined 2016-01-10: the January NOT_MET is ignored (warned), February MET, March NOT_MET → 1 NOT_MET,
        // no failure (counted with January it would be 2: a NOT_MET finding)
        Judgement j = judge.judge(contractWith(memberBetween(SPOUSE, "2016-01-10", null), "JOB_SEARCH",
                report(SPOUSE, "2016-01", "JOB_SEARCH", "NOT_MET"),
                report(SPOUSE, "2016-02", "JOB_SEARCH", "MET"),
                report(SPOUSE, "2016-03", "JOB_SEARCH", "NOT_MET")));

        assertThat(j.findings()).isEmpty();
        assertThat(j.warnings()).extracting(RowWarning::reason, RowWarning::column, RowWarning::value)
                .containsExactly(tuple(WarningReason.MONITORING_MEMBER_NOT_IN_FAMILY, "month", "2016-01"));
    }

    @Test
    void aMemberWhoJoinedOnTheFirstDayOfAMonthIsJudgedForThatMonth() {
        // joined 2016-02-01: in the family for the whole of February; NOT_MET in February and March → 2 ≥ 2
        Judgement j = judge.judge(contractWith(memberBetween(SPOUSE, "2016-02-01", null), "JOB_SEARCH",
                report(SPOUSE, "2016-02", "JOB_SEARCH", "NOT_MET"),
                report(SPOUSE, "2016-03", "JOB_SEARCH", "NOT_MET")));

        assertThat(j.findings()).extracting(Finding::kind, Finding::months)
                .containsExactly(tuple(FindingKind.NOT_MET, List.of(YearMonth.of(2016, 2), YearMonth.of(2016, 3))));
        assertThat(j.warnings()).isEmpty();
    }

    @Test
    void aMemberWhoLeftOnTheLastDayOfAMonthIsNotJudgedForThatMonth() {
        // left 2016-03-31: not in the family on March's last day, so March is not judged; NOT_MET in January and
        // March → only January counts: 1 < 2, no failure; the March report is warned
        Judgement j = judge.judge(contractWith(memberBetween(SPOUSE, "2010-01-01", "2016-03-31"), "JOB_SEARCH",
                report(SPOUSE, "2016-01", "JOB_SEARCH", "NOT_MET"),
                report(SPOUSE, "2016-02", "JOB_SEARCH", "MET"),
                report(SPOUSE, "2016-03", "JOB_SEARCH", "NOT_MET")));

        assertThat(j.findings()).isEmpty();
        assertThat(j.warnings()).extracting(RowWarning::reason).containsExactlyInAnyOrder(
                WarningReason.MONITORING_MEMBER_NOT_IN_FAMILY, WarningReason.OBLIGATION_OF_MEMBER_NOT_COUNTED);
    }

    @Test
    void aMemberWhoLeftTheDayAfterAMonthEndedIsJudgedForThatMonth() {
        // left 2016-04-01: in the family all of January to March; NOT_MET in January and March → 2 ≥ 2
        Judgement j = judge.judge(contractWith(memberBetween(SPOUSE, "2010-01-01", "2016-04-01"), "JOB_SEARCH",
                report(SPOUSE, "2016-01", "JOB_SEARCH", "NOT_MET"),
                report(SPOUSE, "2016-02", "JOB_SEARCH", "MET"),
                report(SPOUSE, "2016-03", "JOB_SEARCH", "NOT_MET")));

        assertThat(j.findings()).extracting(Finding::kind, Finding::months)
                .containsExactly(tuple(FindingKind.NOT_MET, List.of(YearMonth.of(2016, 1), YearMonth.of(2016, 3))));
    }

    @Test
    void monthsOutsideTheFamilyAreJudgedPerObligationOfEachMember() {
        // the head is in the family all quarter, the spouse joined 2016-02-15; both have MEDICAL_CHECKUP and no
        // report: the head misses 3 months (a finding), the spouse only March (1 < 2, none)
        Map<String, Member> members = new LinkedHashMap<>();
        members.put(HEAD, member(HEAD, "1990-04-15"));
        members.put(SPOUSE, memberBetween(SPOUSE, "2016-02-15", null));
        Judgement j = judge.judge(new ContractReview("F000026", allYear(), 0,
                List.of(new ContractReview.PlanItem(2, HEAD, "MEDICAL_CHECKUP"),
                        new ContractReview.PlanItem(3, SPOUSE, "MEDICAL_CHECKUP")),
                List.of(), members));

        assertThat(j.findings()).extracting(Finding::iin, Finding::kind, Finding::months)
                .containsExactly(tuple(HEAD, FindingKind.MISSING_REPORT,
                        List.of(YearMonth.of(2016, 1), YearMonth.of(2016, 2), YearMonth.of(2016, 3))));
    }

    // ---------------------------------------------------------------- the sanction ladder

    @Test
    void firstFailureOfAContractIsAWarning() {
        // F000018, benefit quarter 2016Q2: no failure in the history → failure #1, WARNING
        Judgement j = judge.judge(failingJobSearch(0));

        assertThat(j.failureNumber()).isEqualTo(1);
        assertThat(j.sanction()).isEqualTo(Sanction.WARNING);
    }

    @Test
    void secondFailureInALaterRunTerminatesTheContract() {
        // F000018, benefit quarter 2016Q3 on the monitoring of 2016Q2: one failure before → #2, TERMINATED
        ComplianceJudge q3 = new ComplianceJudge(Q2_2016, Quarter.parse("2016Q3"), rules());
        Judgement j = q3.judge(contract(allYear(), 1, plan(HEAD, "JOB_SEARCH"),
                report(HEAD, "2016-04", "JOB_SEARCH", "NOT_MET"),
                report(HEAD, "2016-05", "JOB_SEARCH", "NOT_MET"),
                report(HEAD, "2016-06", "JOB_SEARCH", "MET")));

        assertThat(j.findings()).extracting(Finding::months)
                .containsExactly(List.of(YearMonth.of(2016, 4), YearMonth.of(2016, 5)));
        assertThat(j.failureNumber()).isEqualTo(2);
        assertThat(j.sanction()).isEqualTo(Sanction.TERMINATED);
    }

    @Test
    void contractTerminatedFromTheFirstMonthOfAQuarterIsNotInForceInTheNextIncomeQuarter() {
        // third quarter of the ladder: terminated in the 2016Q3 run (from 2016-07); the 2016Q4 run judges the
        // monitoring of 2016Q3, in which the contract is in force in no month → nothing missing, no finding
        ContractTerm terminated = new ContractTerm("C00007", YearMonth.of(2016, 1), YearMonth.of(2016, 12),
                PaymentMode.MONTHLY, ContractStatus.ACTIVE, YearMonth.of(2016, 7));
        Quarter q3 = Quarter.parse("2016Q3");

        assertThat(q3.months()).noneMatch(terminated::inForce);

        ComplianceJudge q4 = new ComplianceJudge(q3, Quarter.parse("2016Q4"), rules());
        Judgement j = q4.judge(contract(terminated, 2, plan(HEAD, "JOB_SEARCH"),
                report(HEAD, "2016-07", "JOB_SEARCH", "NOT_MET"),
                report(HEAD, "2016-08", "JOB_SEARCH", "NOT_MET")));

        assertThat(j.findings()).isEmpty();
        assertThat(j.sanction()).isNull();
        assertThat(j.warnings()).extracting(RowWarning::reason).containsOnly(
                WarningReason.MONITORING_OUTSIDE_CONTRACT);
    }

    @Test
    void sanctionLadderWarnsAtTheFirstFailureAndTerminatesAtTheSetting() {
        // terminate_after_failures 2: #1 WARNING, #2 TERMINATED; with 3: #2 WARNING, #3 TERMINATED
        assertThat(Sanction.forFailure(1, 2)).isEqualTo(Sanction.WARNING);
        assertThat(Sanction.forFailure(2, 2)).isEqualTo(Sanction.TERMINATED);
        assertThat(Sanction.forFailure(2, 3)).isEqualTo(Sanction.WARNING);
        assertThat(Sanction.forFailure(3, 3)).isEqualTo(Sanction.TERMINATED);
    }

    // ---------------------------------------------------------------- thresholds from the rule set

    @Test
    void failureMonthsSettingOfThreeTurnsTwoNotMetMonthsIntoNoFailure() {
        // failure_months 3 from 2016-01-01: NOT_MET in January and March (2 < 3) is no failure …
        ComplianceJudge strict3 = new ComplianceJudge(Q1_2016, Q2_2016,
                rules(new RuleSet.Rule("failure_months", "3", LocalDate.of(2016, 1, 1))));

        assertThat(strict3.judge(failingJobSearch(0)).findings()).isEmpty();
        // … while NOT_MET in all three months is
        assertThat(strict3.judge(contractOf(member(HEAD, "1990-04-15"), "JOB_SEARCH", "NOT_MET", "NOT_MET",
                "NOT_MET")).findings()).extracting(Finding::kind).containsExactly(FindingKind.NOT_MET);
        // and the same two months under the default rules fail
        assertThat(judge.judge(failingJobSearch(0)).findings()).isNotEmpty();
    }

    @Test
    void failureMonthsSettingAppliesToMissingReportsToo() {
        // failure_months 3: TRAINING missing in February and March (2 < 3) is no failure
        ComplianceJudge strict3 = new ComplianceJudge(Q1_2016, Q2_2016,
                rules(new RuleSet.Rule("failure_months", "3", LocalDate.of(2016, 1, 1))));

        assertThat(strict3.judge(contract(allYear(), 0, plan(HEAD, "TRAINING"),
                report(HEAD, "2016-01", "TRAINING", "MET"))).findings()).isEmpty();
    }

    @Test
    void terminateAfterFailuresSettingOfThreeMakesTheSecondFailureAWarning() {
        ComplianceJudge lenient = new ComplianceJudge(Q1_2016, Q2_2016,
                rules(new RuleSet.Rule("terminate_after_failures", "3", LocalDate.of(2016, 1, 1))));

        Judgement second = lenient.judge(failingJobSearch(1));
        Judgement third = lenient.judge(failingJobSearch(2));

        assertThat(second.failureNumber()).isEqualTo(2);
        assertThat(second.sanction()).isEqualTo(Sanction.WARNING);
        assertThat(third.failureNumber()).isEqualTo(3);
        assertThat(third.sanction()).isEqualTo(Sanction.TERMINATED);
    }

    @Test
    void settingValidOnlyFromALaterDayDoesNotApplyToThisQuarter() {
        // failure_months 3 valid from 2016-07-01: the 2016Q2 run still fails at 2 months
        ComplianceJudge q2 = new ComplianceJudge(Q1_2016, Q2_2016,
                rules(new RuleSet.Rule("failure_months", "3", LocalDate.of(2016, 7, 1))));

        assertThat(q2.judge(failingJobSearch(0)).findings()).isNotEmpty();
    }

    @Test
    void exemptDisabilityGroupsComeFromTheRuleSet() {
        // exempt_disability_groups 1;2;3 from 2016-01-01: group 3 is now exempt
        ComplianceJudge wider = new ComplianceJudge(Q1_2016, Q2_2016,
                rules(new RuleSet.Rule("exempt_disability_groups", "1;2;3", LocalDate.of(2016, 1, 1))));
        Member group3 = new Member(HEAD, LocalDate.of(1980, 1, 1), false, 3, false, false, LONG_AGO, null);

        assertThat(wider.judge(contractOf(group3, "EMPLOYMENT", "NOT_MET", "NOT_MET", "MET")).findings()).isEmpty();
    }

    // ---------------------------------------------------------------- fixtures

    /** The shipped 2014-2017 rules, plus any extra rows. */
    static RuleSet rules(RuleSet.Rule... extra) {
        List<RuleSet.Rule> rules = new ArrayList<>(List.of(
                new RuleSet.Rule("asp_share", "0.40", SINCE_2014),
                new RuleSet.Rule("cca_share", "0.60", SINCE_2014),
                new RuleSet.Rule("failure_months", "2", SINCE_2014),
                new RuleSet.Rule("terminate_after_failures", "2", SINCE_2014),
                new RuleSet.Rule("suppress_below", "5", SINCE_2014),
                new RuleSet.Rule("exempt_age_below", "18", SINCE_2014),
                new RuleSet.Rule("exempt_disability_groups", "1;2", SINCE_2014),
                new RuleSet.Rule("forbidden_purposes", "DEBT;LOAN;REAL_ESTATE", SINCE_2014)));
        rules.addAll(Arrays.asList(extra));
        return RuleSet.resolve(rules, List.of(new RuleSet.IncomeType("WAGE", true, SINCE_2014)),
                LocalDate.of(2016, 4, 1));
    }

    /** F000018's JOB_SEARCH: NOT_MET in January and March 2016, with the given failures before. */
    private static ContractReview failingJobSearch(int priorFailures) {
        return contract(allYear(), priorFailures, plan(HEAD, "JOB_SEARCH"),
                report(HEAD, "2016-01", "JOB_SEARCH", "NOT_MET"),
                report(HEAD, "2016-02", "JOB_SEARCH", "MET"),
                report(HEAD, "2016-03", "JOB_SEARCH", "NOT_MET"));
    }

    /** A contract in force all of 2016 with one obligation of one member and its outcomes for Jan, Feb, Mar. */
    private static ContractReview contractOf(Member member, String obligation, String january, String february,
            String march) {
        Map<String, Member> members = new LinkedHashMap<>();
        members.put(member.iin(), member);
        return new ContractReview("F000018", allYear(), 0,
                List.of(new ContractReview.PlanItem(2, member.iin(), obligation)),
                List.of(report(member.iin(), "2016-01", obligation, january),
                        report(member.iin(), "2016-02", obligation, february),
                        report(member.iin(), "2016-03", obligation, march)),
                members);
    }

    private static ContractReview contract(ContractTerm term, int priorFailures, List<ContractReview.PlanItem> plan,
            ContractReview.Report... reports) {
        Map<String, Member> members = new LinkedHashMap<>();
        members.put(HEAD, member(HEAD, "1990-04-15"));
        members.put(CHILD, member(CHILD, "2008-12-07"));
        return new ContractReview("F000018", term, priorFailures, plan, List.of(reports), members);
    }

    private static List<ContractReview.PlanItem> plan(String iin, String obligation) {
        return List.of(new ContractReview.PlanItem(2, iin, obligation));
    }

    /** A member without flags, in the family since 2010. */
    private static Member member(String iin, String birthDate) {
        return new Member(iin, LocalDate.parse(birthDate), false, null, false, false, LONG_AGO, null);
    }

    /** A working-age member without flags, in the family from {@code joinedOn} until {@code leftOn} (or still). */
    private static Member memberBetween(String iin, String joinedOn, String leftOn) {
        return new Member(iin, LocalDate.of(1975, 8, 24), false, null, false, false, LocalDate.parse(joinedOn),
                leftOn == null ? null : LocalDate.parse(leftOn));
    }

    /** A contract in force all of 2016 whose plan is one obligation of {@code member}, with these reports. */
    private static ContractReview contractWith(Member member, String obligation, ContractReview.Report... reports) {
        Map<String, Member> members = new LinkedHashMap<>();
        members.put(member.iin(), member);
        return new ContractReview("F000026", allYear(), 0,
                List.of(new ContractReview.PlanItem(2, member.iin(), obligation)), List.of(reports), members);
    }

    private static ContractReview.Report report(String iin, String month, String obligation, String outcome) {
        return new ContractReview.Report(2, iin, YearMonth.parse(month), obligation, outcome, null);
    }

    private static ContractReview.Report spending(String iin, String month, String purpose) {
        return new ContractReview.Report(2, iin, YearMonth.parse(month), "SPENDING_REPORT", "MET", purpose);
    }

    private static ContractTerm allYear() {
        return term("2016-01", "2016-12");
    }

    private static ContractTerm term(String start, String end) {
        return new ContractTerm("C00007", YearMonth.parse(start), YearMonth.parse(end), PaymentMode.MONTHLY,
                ContractStatus.ACTIVE, null);
    }

    private static ContractTerm lumpSumTerm(String start, String end) {
        return new ContractTerm("C00009", YearMonth.parse(start), YearMonth.parse(end), PaymentMode.LUMP_SUM,
                ContractStatus.ACTIVE, null);
    }
}
