package kz.orleu.benefits.entitlement;

/** How a family's result moved against the latest version of the previous benefit quarter. */
public enum Change {
    NEW, STOPPED, CHANGED, UNCHANGED;

    /** "Paid" means ASP or CCA; CHANGED compares the benefit and the monthly amount only. */
    public static Change between(Benefit previousBenefit, long previousMonthly, Benefit benefit, long monthly) {
        boolean paidBefore = previousBenefit != null && previousBenefit.isPaid();
        boolean paidNow = benefit.isPaid();
        if (paidNow && !paidBefore) {
            return NEW;
        }
        if (paidBefore && !paidNow) {
            return STOPPED;
        }
        if (paidNow && (previousBenefit != benefit || previousMonthly != monthly)) {
            return CHANGED;
        }
        return UNCHANGED;
    }
}
