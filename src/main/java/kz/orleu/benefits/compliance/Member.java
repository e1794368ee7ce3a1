package kz.orleu.benefits.compliance;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.Set;

/**
 * The facts about a member that exemptions depend on, as flagged by the department in {@code members.csv}, and
 * the days the member joined and left the family ({@code leftOn} null while still a member; the day of leaving
 * is no longer a day in the family).
 */
public record Member(String iin, LocalDate birthDate, boolean pensioner, Integer disabilityGroup, boolean student,
        boolean carer, LocalDate joinedOn, LocalDate leftOn) {

    /**
     * Exempt from work obligations: under the age limit, pensioner, disability of an exempt group, full-time
     * student, or carer at home; every exemption judged on {@code day}, the first day of the benefit quarter.
     */
    public boolean exemptFromWork(LocalDate day, int ageBelow, Set<Integer> exemptGroups) {
        return Period.between(birthDate, day).getYears() < ageBelow
                || pensioner
                || (disabilityGroup != null && exemptGroups.contains(disabilityGroup))
                || student
                || carer;
    }

    /**
     * A member of the family on {@code day}: counted when it is the first day of the benefit quarter. The twin of
     * {@code facts/members.sql} (a member without a joining day is nobody's member); FactsAgreementTest keeps
     * the two in step.
     */
    public boolean memberOn(LocalDate day) {
        return joinedOn != null && !joinedOn.isAfter(day) && (leftOn == null || leftOn.isAfter(day));
    }

    /**
     * In the family for the whole of {@code month}: only such months are judged for the member's obligations
     * ({@code domain.md}: nobody fails an obligation for a month spent outside the family).
     */
    public boolean inFamilyAllOf(YearMonth month) {
        return !joinedOn.isAfter(month.atDay(1)) && (leftOn == null || leftOn.isAfter(month.atEndOfMonth()));
    }
}
