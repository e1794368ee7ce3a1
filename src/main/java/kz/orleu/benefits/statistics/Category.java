package kz.orleu.benefits.statistics;

import java.time.LocalDate;

/**
 * The statistical category of a member of a recipient family ({@code domain.md}, "Categories of recipients"): each
 * member falls in exactly one, tried in the order of the rule book, first match wins, with age taken on the first
 * day of the benefit quarter. The able-bodied are split into employed and unemployed or self-employed, as in the
 * published regional tables.
 *
 * <p>The constants are declared in the order of the guide's chart (children first, pensioners last), which is the
 * order of the workbook's columns; {@link #of} applies the rule book's order, which is a different one.
 */
public enum Category {

    CHILD,
    EMPLOYED,
    UNEMPLOYED_OR_SELF_EMPLOYED,
    CARER,
    STUDENT,
    DISABLED,
    PENSIONER;

    /** A member is a child until the day of the 18th birthday, exclusive. */
    public static final int ADULT_AGE = 18;

    /** The English label of the workbook. */
    public String label() {
        return label(Messages.of(Language.EN));
    }

    /** The label in the workbook's language ({@code category.<name>} of the messages). */
    String label(Messages messages) {
        return messages.text("category." + name());
    }

    /** Everyone who is not a child, pensioner, person with a disability, student or carer. */
    public boolean isAbleBodied() {
        return this == EMPLOYED || this == UNEMPLOYED_OR_SELF_EMPLOYED;
    }

    /** The category of a member on {@code day}, the first day of the benefit quarter. */
    public static Category of(MemberFacts member, LocalDate day) {
        return of(isChild(member.birthDate(), day), member.pensioner(), member.disabilityGroup() != null,
                member.student(), member.carer(), member.employed());
    }

    /**
     * The rule book's order on facts already reduced to flags; the statistics queries group members by these flags
     * (with {@code child} from {@link #childrenBornAfter}) and classify each group here, so the rule lives once.
     */
    public static Category of(boolean child, boolean pensioner, boolean disabled, boolean student, boolean carer,
            boolean employed) {
        if (child) {
            return CHILD;
        }
        if (pensioner) {
            return PENSIONER;
        }
        if (disabled) {
            return DISABLED;
        }
        if (student) {
            return STUDENT;
        }
        if (carer) {
            return CARER;
        }
        return employed ? EMPLOYED : UNEMPLOYED_OR_SELF_EMPLOYED;
    }

    /** Under 18 on {@code day}: a member whose 18th birthday is that day is no longer a child. */
    public static boolean isChild(LocalDate birthDate, LocalDate day) {
        return birthDate.isAfter(childrenBornAfter(day));
    }

    /** Members born after this date are children on {@code day} (SQL compares {@code birth_date > ?} with it). */
    public static LocalDate childrenBornAfter(LocalDate day) {
        return day.minusYears(ADULT_AGE);
    }
}
