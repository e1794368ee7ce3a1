package kz.orleu.benefits.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CategoryTest {

    /** The first day of benefit quarter 2016Q2. */
    private static final LocalDate DAY = LocalDate.of(2016, 4, 1);
    private static final LocalDate ADULT = LocalDate.of(1980, 5, 5);

    private static MemberFacts adult(boolean pensioner, Integer disability, boolean student, boolean carer,
            boolean employed) {
        return new MemberFacts(ADULT, pensioner, disability, student, carer, employed);
    }

    @Test
    void memberUnder18OnTheFirstDayIsAChild() {
        // born 2 April 1998: 17 on 1 April 2016
        assertThat(Category.of(new MemberFacts(LocalDate.of(1998, 4, 2), false, null, false, false, false), DAY))
                .isEqualTo(Category.CHILD);
    }

    @Test
    void memberTurning18OnTheFirstDayIsNoLongerAChild() {
        assertThat(Category.of(new MemberFacts(LocalDate.of(1998, 4, 1), false, null, false, false, false), DAY))
                .isEqualTo(Category.UNEMPLOYED_OR_SELF_EMPLOYED);
    }

    @Test
    void childWinsOverEveryFlag() {
        // a 10-year-old with a disability group and every flag set is still counted as a child
        assertThat(Category.of(new MemberFacts(LocalDate.of(2006, 1, 1), true, 3, true, true, true), DAY))
                .isEqualTo(Category.CHILD);
    }

    @Test
    void pensionerFlagMakesAPensionerBeforeDisability() {
        assertThat(Category.of(adult(true, 2, true, true, true), DAY)).isEqualTo(Category.PENSIONER);
    }

    @Test
    void anyDisabilityGroupMakesAPersonWithDisabilityBeforeStudent() {
        assertThat(Category.of(adult(false, 3, true, true, true), DAY)).isEqualTo(Category.DISABLED);
        assertThat(Category.of(adult(false, 1, false, false, false), DAY)).isEqualTo(Category.DISABLED);
    }

    @Test
    void fullTimeStudentComesBeforeCarer() {
        assertThat(Category.of(adult(false, null, true, true, true), DAY)).isEqualTo(Category.STUDENT);
    }

    @Test
    void carerAtHomeComesBeforeAbleBodied() {
        assertThat(Category.of(adult(false, null, false, true, true), DAY)).isEqualTo(Category.CARER);
    }

    @Test
    void everyoneElseIsAbleBodiedSplitByTheEmployedFlag() {
        assertThat(Category.of(adult(false, null, false, false, true), DAY)).isEqualTo(Category.EMPLOYED);
        assertThat(Category.of(adult(false, null, false, false, false), DAY))
                .isEqualTo(Category.UNEMPLOYED_OR_SELF_EMPLOYED);
        assertThat(Category.EMPLOYED.isAbleBodied()).isTrue();
        assertThat(Category.UNEMPLOYED_OR_SELF_EMPLOYED.isAbleBodied()).isTrue();
        assertThat(Category.CARER.isAbleBodied()).isFalse();
    }

    @Test
    void leapDayBirthdayCountsAsAdultOnTheFirstOfMarch() {
        // born 29 Feb 2000: the SQL compares birth_date > childrenBornAfter(day), the same rule
        assertThat(Category.childrenBornAfter(LocalDate.of(2018, 3, 1))).isEqualTo(LocalDate.of(2000, 3, 1));
        assertThat(Category.isChild(LocalDate.of(2000, 2, 29), LocalDate.of(2018, 3, 1))).isFalse();
        assertThat(Category.isChild(LocalDate.of(2000, 2, 29), LocalDate.of(2018, 2, 28))).isTrue();
    }
}
