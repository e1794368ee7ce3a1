package kz.orleu.benefits.compliance;

import java.time.LocalDate;
import java.time.Period;
import java.util.Set;

/**
 * The facts about a member that exemptions depend on, as flagged by the department in {@code members.csv}, and
 * whether the member is counted on the first day of the benefit quarter.
 */
public record Member(String iin, LocalDate birthDate, boolean pensioner, Integer disabilityGroup, boolean student,
        boolean carer, boolean counted) {

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
}
