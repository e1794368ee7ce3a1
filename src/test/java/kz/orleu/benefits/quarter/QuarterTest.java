package kz.orleu.benefits.quarter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Quarters {@code YYYYQn}: income quarter and the benefit quarter after it ({@code domain.md}, "Periods"). */
class QuarterTest {

    @Test
    void parsesYearAndQuarterNumber() {
        Quarter q = Quarter.parse("2016Q2");

        assertThat(q.year()).isEqualTo(2016);
        assertThat(q.number()).isEqualTo(2);
    }

    @Test
    void formatsAsYearQNumberAndParsesBack() {
        assertThat(new Quarter(2016, 1).toString()).isEqualTo("2016Q1");
        assertThat(new Quarter(2019, 4).toString()).isEqualTo("2019Q4");
        assertThat(Quarter.parse(new Quarter(2018, 3).toString())).isEqualTo(new Quarter(2018, 3));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"2016Q5", "2016Q0", "16Q1", "2016", "Q1", "2016-Q1", "2016Q12", "20160Q1", "2016 Q1",
            "2016Q", "abcdQ1"})
    void rejectsAnythingButYyyyQn(String text) {
        assertThatThrownBy(() -> Quarter.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("YYYYQn");
    }

    @Test
    void constructorRejectsAQuarterNumberOutsideOneToFour() {
        assertThatThrownBy(() -> new Quarter(2016, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Quarter(2016, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nextQuarterIsTheBenefitQuarterOfAnIncomeQuarter() {
        // income declared for 2016Q1 decides payments in 2016Q2
        assertThat(Quarter.parse("2016Q1").next()).isEqualTo(Quarter.parse("2016Q2"));
        assertThat(Quarter.parse("2016Q3").next()).isEqualTo(Quarter.parse("2016Q4"));
    }

    @Test
    void nextOfTheFourthQuarterIsTheFirstOfTheNextYear() {
        assertThat(Quarter.parse("2016Q4").next()).isEqualTo(Quarter.parse("2017Q1"));
    }

    @Test
    void previousOfTheFirstQuarterIsTheFourthOfThePreviousYear() {
        assertThat(Quarter.parse("2017Q1").previous()).isEqualTo(Quarter.parse("2016Q4"));
        assertThat(Quarter.parse("2016Q3").previous()).isEqualTo(Quarter.parse("2016Q2"));
    }

    @Test
    void monthsAreTheThreeCalendarMonthsInOrder() {
        assertThat(Quarter.parse("2016Q1").months()).containsExactly(
                YearMonth.of(2016, 1), YearMonth.of(2016, 2), YearMonth.of(2016, 3));
        assertThat(Quarter.parse("2016Q2").months()).containsExactly(
                YearMonth.of(2016, 4), YearMonth.of(2016, 5), YearMonth.of(2016, 6));
        assertThat(Quarter.parse("2016Q4").months()).containsExactly(
                YearMonth.of(2016, 10), YearMonth.of(2016, 11), YearMonth.of(2016, 12));
    }

    @Test
    void firstDayIsTheFirstOfItsFirstMonth() {
        // members are counted and exemptions judged on this day
        assertThat(Quarter.parse("2016Q2").firstDay()).isEqualTo(LocalDate.of(2016, 4, 1));
        assertThat(Quarter.parse("2019Q2").firstDay()).isEqualTo(LocalDate.of(2019, 4, 1));
        assertThat(Quarter.parse("2017Q1").firstDay()).isEqualTo(LocalDate.of(2017, 1, 1));
    }

    @Test
    void lastDayIsTheEndOfItsThirdMonth() {
        assertThat(Quarter.parse("2016Q1").lastDay()).isEqualTo(LocalDate.of(2016, 3, 31));
        assertThat(Quarter.parse("2016Q2").lastDay()).isEqualTo(LocalDate.of(2016, 6, 30));
    }

    @Test
    void quarterOfAMonthAndContainment() {
        assertThat(Quarter.of(YearMonth.of(2016, 3))).isEqualTo(Quarter.parse("2016Q1"));
        assertThat(Quarter.of(YearMonth.of(2016, 4))).isEqualTo(Quarter.parse("2016Q2"));
        assertThat(Quarter.of(YearMonth.of(2016, 12))).isEqualTo(Quarter.parse("2016Q4"));
        assertThat(Quarter.parse("2016Q1").contains(YearMonth.of(2016, 3))).isTrue();
        assertThat(Quarter.parse("2016Q1").contains(YearMonth.of(2016, 4))).isFalse();
        assertThat(Quarter.parse("2016Q1").contains(YearMonth.of(2015, 1))).isFalse();
    }

    @Test
    void quartersAreOrderedByYearThenNumber() {
        assertThat(Quarter.parse("2016Q4")).isLessThan(Quarter.parse("2017Q1"));
        assertThat(Quarter.parse("2016Q2")).isGreaterThan(Quarter.parse("2016Q1"));
        assertThat(Quarter.parse("2016Q2").compareTo(Quarter.parse("2016Q2"))).isZero();
    }
}
