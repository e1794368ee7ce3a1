package kz.orleu.benefits.cli;

import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import kz.orleu.benefits.csv.UnusableInputException;

/**
 * The check of a run's input folder, made on a thread of its own while the application and its database start:
 * it reads every input file once (UTF-8, headers, the regions of the families), seconds at a national caseload
 * that would otherwise come before the start instead of beside it. Nothing of the run is written before its
 * {@link #problem()} is known: the job is launched only after it.
 */
final class InputCheck {

    static final InputCheck NONE = new InputCheck(null);

    private final FutureTask<Void> check;

    private InputCheck(FutureTask<Void> check) {
        this.check = check;
    }

    static InputCheck start(Runnable check) {
        FutureTask<Void> task = new FutureTask<>(check, null);
        Thread thread = new Thread(task, "input-check");
        thread.setDaemon(true);
        thread.start();
        return new InputCheck(task);
    }

    /** Waits for the check; what makes the input unusable, if anything. Any other failure is thrown. */
    Optional<String> problem() {
        if (check == null) {
            return Optional.empty();
        }
        try {
            check.get();
            return Optional.empty();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnusableInputException unusable) {
                return Optional.of(unusable.getMessage());
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("the input check failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the input", e);
        }
    }
}
