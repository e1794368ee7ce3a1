package kz.orleu.benefits.compliance;

/** The three ways a family fails an obligation of its social contract in a quarter. */
public enum FindingKind {
    NOT_MET, MISSING_REPORT, FORBIDDEN_SPENDING
}
