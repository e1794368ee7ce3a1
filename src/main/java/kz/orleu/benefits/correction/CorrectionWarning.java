package kz.orleu.benefits.correction;

/** Reasons of the run's own warnings about corrections; they come from no input row, so file and line are empty. */
public enum CorrectionWarning {
    /** A family paid in the standing version that this version cannot compute (INCOMPLETE_DATA or absent). */
    ADJUSTMENT_HELD,
    /** A later benefit quarter whose latest version was computed from an older version of this one. */
    STALE_LATER_QUARTER
}
