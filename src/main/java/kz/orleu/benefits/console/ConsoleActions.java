package kz.orleu.benefits.console;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import kz.orleu.benefits.cli.BatchCommands;
import kz.orleu.benefits.cli.Command;
import kz.orleu.benefits.cli.ExitCode;
import kz.orleu.benefits.cli.UsageException;
import kz.orleu.benefits.quarter.Quarter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Service;

/**
 * The console's actions, done by the same code as {@code benefits restart|stop|abandon|rerun} and refused for
 * the same reasons. A restart or a run again is checked at once (so the operator reads why it is refused) and
 * then runs on a thread of the console's process: it goes on when the browser closes, and the console's
 * shutdown waits for it to reach a chunk boundary. Every action, refused ones included, goes to the audit.
 */
@Service
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ConsoleActions {

    /** What the operator is told after an action: whether it was done, and in plain words what happens next. */
    public record Outcome(boolean done, String message) {
    }

    private static final Logger log = LoggerFactory.getLogger(ConsoleActions.class);
    private static final Command.Common CONSOLE = new Command.Common(null);

    private final BatchCommands commands;
    private final ConsoleAudit audit;
    private final AtomicInteger threads = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ExecutorService runs = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "console-run-" + threads.incrementAndGet());
        thread.setDaemon(false);
        return thread;
    });

    public ConsoleActions(BatchCommands commands, ConsoleAudit audit) {
        this.commands = commands;
        this.audit = audit;
    }

    public Outcome restart(long executionId, String username) {
        String quarter;
        try {
            quarter = commands.restartable(executionId).getJobParameters().getString("quarter");
        } catch (UsageException refused) {
            return refused(username, "restart", executionId, null, refused);
        }
        audit.record(username, "restart", executionId, quarter, "started in the console");
        inBackground(() -> {
            ExitCode exit = runQuietly(new Command.Restart(CONSOLE, executionId));
            audit.record(username, "restart finished", executionId, quarter, describe(exit));
        });
        return new Outcome(true, "Execution " + executionId + " is being resumed; the new execution of " + quarter
                + " appears at the top of the list and runs even if you close the browser.");
    }

    public Outcome stop(long executionId, String username) {
        return synchronous("stop", executionId, username, new Command.Stop(CONSOLE, executionId),
                "Execution " + executionId + " stops at its next chunk boundary; it can be restarted afterwards.");
    }

    public Outcome abandon(long executionId, String username) {
        return synchronous("abandon", executionId, username, new Command.Abandon(CONSOLE, executionId),
                "Execution " + executionId + " is abandoned: it will never be resumed.");
    }

    public Outcome rerun(Quarter quarter, String username) {
        try {
            commands.checkRerunnable(quarter);
        } catch (UsageException refused) {
            return refused(username, "run again", null, quarter.toString(), refused);
        }
        audit.record(username, "run again", null, quarter.toString(), "started in the console");
        inBackground(() -> {
            ExitCode exit = runQuietly(new Command.Rerun(CONSOLE, quarter));
            audit.record(username, "run again finished", null, quarter.toString(), describe(exit));
        });
        return new Outcome(true, "Quarter " + quarter + " is being run again from its last input folder; the new"
                + " execution appears at the top of the list.");
    }

    /**
     * Whether a run started from the console has not finished yet, including the moment before its execution is
     * in the job repository: the executions page keeps refreshing itself until it shows how the run ended.
     */
    public boolean runInFlight() {
        return inFlight.get() > 0;
    }

    private void inBackground(Runnable run) {
        inFlight.incrementAndGet();
        runs.submit(() -> {
            try {
                run.run();
            } finally {
                inFlight.decrementAndGet();
            }
        });
    }

    /** Lets a run started here reach a chunk boundary before the database goes away with the context. */
    @jakarta.annotation.PreDestroy
    void awaitRuns() throws InterruptedException {
        runs.shutdown();
        runs.awaitTermination(3, TimeUnit.MINUTES);
    }

    private Outcome synchronous(String action, long executionId, String username, Command command, String done) {
        try {
            commands.execute(command);
        } catch (UsageException refused) {
            return refused(username, action, executionId, null, refused);
        }
        audit.record(username, action, executionId, null, "done");
        return new Outcome(true, done);
    }

    private Outcome refused(String username, String action, Long executionId, String quarter, UsageException e) {
        audit.record(username, action, executionId, quarter, "refused: " + e.getMessage());
        return new Outcome(false, "Not done: " + e.getMessage());
    }

    private ExitCode runQuietly(Command command) {
        try {
            return commands.execute(command);
        } catch (RuntimeException e) {
            log.warn("{} from the console ended with an error: {}", command, e.getMessage());
            return ExitCode.USAGE;
        }
    }

    private static String describe(ExitCode exit) {
        return switch (exit) {
            case COMPLETED -> "completed";
            case FAILED -> "failed or stopped (restartable)";
            case USAGE -> "refused or could not start (see the console's log)";
        };
    }
}
