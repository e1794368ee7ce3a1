package kz.orleu.benefits.codes;

/** {@code obligations.csv} and {@code monitoring.csv obligation}. */
public enum Obligation {
    JOB_SEARCH, TRAINING, EMPLOYMENT, SCHOOL_ATTENDANCE, MEDICAL_CHECKUP, SPENDING_REPORT;

    /** Work obligations: the ones a member exempt from work (age, pension, disability, study, care) does not owe. */
    public boolean work() {
        return this == JOB_SEARCH || this == TRAINING || this == EMPLOYMENT;
    }

    /** True for the name of a work obligation; false for any other text. */
    public static boolean isWork(String code) {
        return Codes.names(Obligation.class).contains(code) && valueOf(code).work();
    }
}
