package kz.orleu.benefits.cli;

import org.springframework.batch.core.BatchStatus;

/** Exit status of the launcher, as {@code contracts.md} promises to schedulers. */
public enum ExitCode {
    /** Completed; rejected rows are normal and reported. */
    COMPLETED(0),
    /** Failed or stopped: restartable with {@code ops/benefits restart ID}. */
    FAILED(1),
    /** Bad arguments or configuration: nothing written. */
    USAGE(2);

    private final int status;

    ExitCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ExitCode of(BatchStatus status) {
        return status == BatchStatus.COMPLETED ? COMPLETED : FAILED;
    }
}
