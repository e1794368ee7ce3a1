package kz.orleu.benefits.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import kz.orleu.benefits.csv.CsvRecord;
import kz.orleu.benefits.csv.CsvRecordReader;
import kz.orleu.benefits.csv.CsvSource;
import kz.orleu.benefits.quarter.Quarter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Effective dating of the policy parameters ({@code domain.md}, "Rules change over time"): a quarter's rule set is
 * the one in force on the first day of its benefit quarter, for each parameter and each income type the row with
 * the latest {@code valid_from} on or before that day. Uses the files shipped in {@code src/main/resources/reference}.
 */
class RuleSetTest {

    private static List<RuleSet.Rule> shippedRules;
    private static List<RuleSet.IncomeType> shippedTypes;

    @BeforeAll
    static void readShippedFiles() {
        shippedRules = new ArrayList<>();
        for (Object[] v : rows(ReferenceFile.RULES)) {
            shippedRules.add(new RuleSet.Rule((String) v[0], (String) v[1], (LocalDate) v[2]));
        }
        shippedTypes = new ArrayList<>();
        for (Object[] v : rows(ReferenceFile.INCOME_TYPES)) {
            shippedTypes.add(new RuleSet.IncomeType((String) v[0], (Boolean) v[1], (LocalDate) v[2]));
        }
    }

    private static RuleSet forBenefitQuarter(String quarter) {
        return RuleSet.resolve(shippedRules, shippedTypes, Quarter.parse(quarter).firstDay());
    }

    // ---------------------------------------------------------------- shares

    @Test
    void quarterOf2016GetsTheFortyAndSixtyPercentShares() {
        // rows asp_share 0.40 and cca_share 0.60 valid from 2014-01-01; the 2018 and 2019 rows are later
        RuleSet rules = forBenefitQuarter("2016Q2");

        assertThat(rules.aspShare()).isEqualByComparingTo("0.40");
        assertThat(rules.ccaShare()).isEqualByComparingTo("0.60");
        assertThat(rules.effectiveOn()).isEqualTo(LocalDate.of(2016, 4, 1));
    }

    @Test
    void lastQuarterOf2017StillGetsThe2014Rules() {
        // 2017Q4 starts 2017-10-01, before the 2018-01-01 rows
        assertThat(forBenefitQuarter("2017Q4").aspShare()).isEqualByComparingTo("0.40");
        assertThat(forBenefitQuarter("2017Q4").ccaShare()).isEqualByComparingTo("0.60");
    }

    @Test
    void firstQuarterOf2018GetsFiftyPercentFromItsFirstDay() {
        // 2018Q1 starts 2018-01-01 = valid_from of the 0.50 rows: on or before the day counts
        RuleSet rules = forBenefitQuarter("2018Q1");

        assertThat(rules.aspShare()).isEqualByComparingTo("0.50");
        assertThat(rules.ccaShare()).isEqualByComparingTo("0.50");
    }

    @Test
    void firstQuarterOf2019StillGetsFiftyPercent() {
        // 2019Q1 starts 2019-01-01, before the 2019-04-01 rows
        assertThat(forBenefitQuarter("2019Q1").aspShare()).isEqualByComparingTo("0.50");
    }

    @Test
    void secondQuarterOf2019GetsSeventyPercent() {
        RuleSet rules = forBenefitQuarter("2019Q2");

        assertThat(rules.aspShare()).isEqualByComparingTo("0.70");
        assertThat(rules.ccaShare()).isEqualByComparingTo("0.70");
    }

    @Test
    void parametersWithoutLaterRowsKeepTheir2014Values() {
        // failure_months, terminate_after_failures, … were never changed: 2019Q2 has the 2014 values
        RuleSet rules = forBenefitQuarter("2019Q2");

        assertThat(rules.failureMonths()).isEqualTo(2);
        assertThat(rules.terminateAfterFailures()).isEqualTo(2);
        assertThat(rules.suppressBelow()).isEqualTo(5);
        assertThat(rules.exemptAgeBelow()).isEqualTo(18);
        assertThat(rules.exemptDisabilityGroups()).containsExactlyInAnyOrder(1, 2);
        assertThat(rules.forbiddenPurposes()).containsExactlyInAnyOrder("DEBT", "LOAN", "REAL_ESTATE");
    }

    @Test
    void rowAddedLaterWithALaterValidFromDoesNotChangeAnEarlierQuarter() {
        // a department adds asp_share 0.45 from 2016-07-01 after 2016Q2 was run: a re-run of 2016Q2 still gets 0.40,
        // 2016Q3 (from 2016-07-01) gets 0.45
        List<RuleSet.Rule> amended = new ArrayList<>(shippedRules);
        amended.add(new RuleSet.Rule("asp_share", "0.45", LocalDate.of(2016, 7, 1)));

        RuleSet before = RuleSet.resolve(amended, shippedTypes, Quarter.parse("2016Q2").firstDay());
        RuleSet after = RuleSet.resolve(amended, shippedTypes, Quarter.parse("2016Q3").firstDay());

        assertThat(before.aspShare()).isEqualByComparingTo("0.40");
        assertThat(after.aspShare()).isEqualByComparingTo("0.45");
        assertThat(after.ccaShare()).as("other parameters untouched").isEqualByComparingTo("0.60");
    }

    @Test
    void latestValidFromWinsWhateverTheOrderOfTheRows() {
        // the same rows reversed: 2019Q2 is still 0.70 (the latest valid_from, not the last row read)
        List<RuleSet.Rule> reversed = new ArrayList<>(shippedRules);
        Collections.reverse(reversed);
        List<RuleSet.IncomeType> reversedTypes = new ArrayList<>(shippedTypes);
        Collections.reverse(reversedTypes);

        RuleSet rules = RuleSet.resolve(reversed, reversedTypes, LocalDate.of(2019, 4, 1));

        assertThat(rules.aspShare()).isEqualByComparingTo("0.70");
        assertThat(rules.isCounted("CHILD_BENEFIT")).isFalse();
    }

    @Test
    void dayBeforeEveryRowIsAnErrorNotASilentDefault() {
        // nothing is in force on 2013-12-31
        assertThatThrownBy(() -> RuleSet.resolve(shippedRules, shippedTypes, LocalDate.of(2013, 12, 31)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("asp_share");
    }

    // ---------------------------------------------------------------- income types

    @Test
    void childBenefitIsCountedIn2016() {
        assertThat(forBenefitQuarter("2016Q2").isCounted("CHILD_BENEFIT")).isTrue();
    }

    @Test
    void childBenefitIsStillCountedInTheFirstQuarterOf2019() {
        assertThat(forBenefitQuarter("2019Q1").isCounted("CHILD_BENEFIT")).isTrue();
    }

    @Test
    void childBenefitIsNotCountedFromTheFirstOfApril2019() {
        assertThat(forBenefitQuarter("2019Q2").isCounted("CHILD_BENEFIT")).isFalse();
        assertThat(forBenefitQuarter("2019Q2").knownIncomeTypes()).as("still a known type").contains("CHILD_BENEFIT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HOUSING_AID", "ASP", "CCA", "ONE_OFF"})
    void otherProgrammesAreNotCountedAsIncome(String incomeType) {
        // F000012 declared only HOUSING_AID, ASP and ONE_OFF: none counted, so its per-capita is 0
        RuleSet rules = forBenefitQuarter("2016Q2");

        assertThat(rules.knownIncomeTypes()).contains(incomeType);
        assertThat(rules.isCounted(incomeType)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"WAGE", "SELF_EMPLOYMENT", "SUBSIDIARY_FARMING", "PENSION", "DISABILITY_BENEFIT",
            "UNEMPLOYMENT_BENEFIT", "ALIMONY", "SCHOLARSHIP", "OTHER"})
    void everyOtherIncomeTypeOfTheRuleBookIsCounted(String incomeType) {
        assertThat(forBenefitQuarter("2016Q2").isCounted(incomeType)).isTrue();
        assertThat(forBenefitQuarter("2019Q2").isCounted(incomeType)).isTrue();
    }

    @Test
    void shippedIncomeTypesAreExactlyTheFourteenOfTheRuleBook() {
        assertThat(forBenefitQuarter("2016Q2").knownIncomeTypes()).containsExactlyInAnyOrder("WAGE",
                "SELF_EMPLOYMENT", "SUBSIDIARY_FARMING", "PENSION", "DISABILITY_BENEFIT", "UNEMPLOYMENT_BENEFIT",
                "ALIMONY", "SCHOLARSHIP", "CHILD_BENEFIT", "HOUSING_AID", "ASP", "CCA", "ONE_OFF", "OTHER");
    }

    @Test
    void incomeTypeValidOnlyFromALaterDayIsUnknownBefore() {
        List<RuleSet.IncomeType> types = new ArrayList<>(shippedTypes);
        types.add(new RuleSet.IncomeType("GIG_WORK", true, LocalDate.of(2020, 1, 1)));

        assertThat(RuleSet.resolve(shippedRules, types, LocalDate.of(2016, 4, 1)).knownIncomeTypes())
                .doesNotContain("GIG_WORK");
        assertThat(RuleSet.resolve(shippedRules, types, LocalDate.of(2020, 1, 1)).isCounted("GIG_WORK")).isTrue();
    }

    // ---------------------------------------------------------------- fixtures

    private static List<Object[]> rows(ReferenceFile file) {
        CsvRecordReader reader = new CsvRecordReader(CsvSource.classpath("reference/" + file.fileName()));
        List<Object[]> rows = new ArrayList<>();
        try {
            reader.open(new ExecutionContext());
            for (CsvRecord record = reader.read(); record != null; record = reader.read()) {
                rows.add(ReferenceRows.parse(file, record));
            }
        } finally {
            reader.close();
        }
        return rows;
    }
}
