package kz.orleu.benefits.correction;

/**
 * What the payment unit does with one adjustment row (contracts.md, "Corrections"): pay the difference, recover
 * it, or only record that the month is now paid under another benefit.
 */
public enum AdjustmentKind {
    ARREARS, OVERPAYMENT, RECLASSIFIED;

    /** The kind of a month whose payment differs; {@code delta} is the amount now minus the amount before. */
    public static AdjustmentKind of(long delta) {
        return delta > 0 ? ARREARS : delta < 0 ? OVERPAYMENT : RECLASSIFIED;
    }
}
