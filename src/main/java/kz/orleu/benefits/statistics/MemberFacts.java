package kz.orleu.benefits.statistics;

import java.time.LocalDate;

/**
 * What the department recorded about a member in {@code members.csv}, as far as the statistical category needs it.
 *
 * @param disabilityGroup 1, 2 or 3, or {@code null} when the member has no disability group
 */
public record MemberFacts(LocalDate birthDate, boolean pensioner, Integer disabilityGroup, boolean student,
        boolean carer, boolean employed) {
}
