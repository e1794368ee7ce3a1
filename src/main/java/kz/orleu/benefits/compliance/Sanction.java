package kz.orleu.benefits.compliance;

/** A contract's first failure warns (payment continues); the failure that reaches the setting terminates it. */
public enum Sanction {
    WARNING, TERMINATED;

    public static Sanction forFailure(int failureNumber, int terminateAfterFailures) {
        return failureNumber >= terminateAfterFailures ? TERMINATED : WARNING;
    }
}
