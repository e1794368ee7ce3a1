package kz.orleu.benefits.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import kz.orleu.benefits.correction.FamilyVersionHistory;
import kz.orleu.benefits.correction.QuarterVersion;
import kz.orleu.benefits.correction.QuarterVersions;
import kz.orleu.benefits.declaration.InputFingerprint;
import kz.orleu.benefits.declaration.InputFingerprintStore;
import kz.orleu.benefits.declaration.InputPreflight;
import kz.orleu.benefits.explain.DecisionExplainer;
import kz.orleu.benefits.job.ExecutionOwner;
import kz.orleu.benefits.job.QuarterlyRecalculationJobConfiguration;
import kz.orleu.benefits.observability.RunMetricsPublisher;
import kz.orleu.benefits.output.OutputPreflight;
import kz.orleu.benefits.partition.Partitions;
import kz.orleu.benefits.quarter.Quarter;
import kz.orleu.benefits.run.RunContext;
import kz.orleu.benefits.run.RunRepository;
import kz.orleu.benefits.simulation.Simulation;
import kz.orleu.benefits.store.DatabaseConfiguration.EmbeddedServerHolder;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The subcommands that act on the job repository: run, restart, stop, abandon, list executions. Spring Batch's
 * {@link JobOperator} does the work; this class adds the checks an operator needs (one run of a quarter at a
 * time, recovery of an execution whose process died) and the exit statuses.
 */
@Component
public class BatchCommands {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job job;
    private final JdbcTemplate jdbc;
    private final EmbeddedServerHolder embedded;
    private final RunSummary summary;
    private final DecisionExplainer explainer;
    private final RunRepository runs;
    private final RunMetricsPublisher metrics;
    private final QuarterVersions versions;
    private final FamilyVersionHistory history;
    private final Simulation simulation;
    private final PrintStream out = System.out;

    public BatchCommands(JobOperator jobOperator, JobRepository jobRepository, Job job, JdbcTemplate jdbc,
            EmbeddedServerHolder embedded, RunSummary summary, DecisionExplainer explainer, RunRepository runs,
            RunMetricsPublisher metrics, QuarterVersions versions, FamilyVersionHistory history,
            Simulation simulation) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.job = job;
        this.jdbc = jdbc;
        this.embedded = embedded;
        this.summary = summary;
        this.explainer = explainer;
        this.runs = runs;
        this.metrics = metrics;
        this.versions = versions;
        this.history = history;
        this.simulation = simulation;
    }

    public ExitCode execute(Command command) {
        if (command instanceof Command.Run run) {
            return run(run);
        }
        if (command instanceof Command.Restart restart) {
            return restart(restart.executionId());
        }
        if (command instanceof Command.Stop stop) {
            return stop(stop.executionId());
        }
        if (command instanceof Command.Abandon abandon) {
            return abandon(abandon.executionId());
        }
        if (command instanceof Command.Executions executions) {
            return list(executions.failedOnly());
        }
        if (command instanceof Command.Quarters) {
            return quarters();
        }
        if (command instanceof Command.Rerun rerun) {
            return rerun(rerun);
        }
        if (command instanceof Command.Simulate simulate) {
            return simulate(simulate);
        }
        Command.Explain explain = (Command.Explain) command;
        boolean explained = explainer.explain(explain.familyId(), explain.quarter(), explain.version(), out);
        history.print(explain.familyId(), explain.quarter(), out);
        return explained ? ExitCode.COMPLETED : ExitCode.USAGE;
    }

    ExitCode run(Command.Run run) {
        refuseIfRunning(run.quarter().toString());
        if (embedded.shared().isPresent()) {
            throw new UsageException("another process (pid " + embedded.shared().get().ownerPid().orElse(-1)
                    + ") is using the embedded database of this BENEFITS_HOME; wait for it to finish");
        }
        JobParametersBuilder parameters = new JobParametersBuilder()
                .addString(RunContext.QUARTER, run.quarter().toString(), true)
                .addString(RunContext.INPUT, run.input().toAbsolutePath().toString(), true)
                .addString(RunContext.OUTPUT, run.output().toAbsolutePath().toString(), false)
                .addLong(RunContext.LAUNCH, System.currentTimeMillis(), true);
        if (run.suppressBelow() != null) {
            parameters.addString(RunContext.SUPPRESS_BELOW, run.suppressBelow().toString(), false);
        }
        if (run.language() != null) {
            parameters.addString(RunContext.LANGUAGE, run.language(), false);
        }
        if (run.partitions() != null) {
            parameters.addString(Partitions.PARAMETER, run.partitions().toString(), false);
        }
        if (run.remoteWorkers()) {
            if (embedded.embedded()) {
                throw new UsageException("--workers remote needs a PostgreSQL server the workers reach too"
                        + " (BENEFITS_DB_URL or --db-url), not the embedded one");
            }
            parameters.addString(Partitions.WORKERS, Partitions.REMOTE, false);
        }
        JobExecution execution;
        try {
            execution = jobOperator.start(job, parameters.toJobParameters());
        } catch (JobExecutionAlreadyRunningException | JobInstanceAlreadyCompleteException
                | InvalidJobParametersException | JobRestartException e) {
            throw new UsageException("cannot start the job: " + e.getMessage());
        } catch (RuntimeException e) {
            return lostDuringRun(e, null, run.quarter().toString());
        }
        return finished(execution);
    }

    /**
     * Runs a benefit quarter again exactly as its latest completed version was run (input folder, output folder,
     * suppression, language), for an operator re-running the stale later quarters in order after a correction.
     */
    ExitCode rerun(Command.Rerun rerun) {
        QuarterVersion latest = versions.latestOf(rerun.quarter()).orElseThrow(() -> new UsageException(
                "quarter " + rerun.quarter() + " has no completed version to run again; run it with: benefits run"
                        + " --quarter " + rerun.quarter() + " --input DIR --output DIR"));
        Path input = Path.of(latest.inputDir());
        if (!Files.isDirectory(input)) {
            throw new UsageException("the input folder of " + rerun.quarter() + " version " + latest.version() + ", "
                    + input + ", is gone; run it with: benefits run --quarter " + rerun.quarter()
                    + " --input DIR --output DIR");
        }
        InputPreflight.check(input, rerun.quarter());
        OutputPreflight.check(Path.of(latest.outputDir()));
        out.println("running " + rerun.quarter() + " again from " + input + " (as version " + latest.version() + ")");
        return run(new Command.Run(rerun.common(), rerun.quarter(), input, Path.of(latest.outputDir()),
                latest.suppressBelow(), latest.language()));
    }

    /**
     * A quarter under proposed rules, nothing kept. Exit 1 when the job failed: unlike a run it is not
     * restartable (its throwaway runs are gone), the operator simply simulates again.
     */
    ExitCode simulate(Command.Simulate simulate) {
        Simulation.Outcome outcome = simulation.simulate(simulate.quarter(), simulate.input(), simulate.output(),
                simulate.proposals());
        if (!outcome.completed()) {
            System.err.println("benefits: the simulation failed " + outcome.failure()
                    + "; nothing was kept: simulate again once the cause is fixed");
            return ExitCode.FAILED;
        }
        out.println("simulation of " + simulate.quarter() + " written to " + outcome.folder());
        return ExitCode.COMPLETED;
    }

    /** One line per benefit quarter, beginning with the quarter, so that scripts can pick with ordinary tools. */
    ExitCode quarters() {
        List<QuarterVersion> latest = versions.latestOfEveryQuarter();
        if (latest.isEmpty()) {
            out.println("no quarter has a completed version yet");
        }
        for (QuarterVersion q : latest) {
            out.printf("%s version=%d ran=%s input=%s%s%n", q.quarter(), q.version(), TIME.format(q.startedAt()),
                    q.inputDir(), q.stale() ? " stale" : "");
        }
        return ExitCode.COMPLETED;
    }

    /**
     * The execution, ready to be restarted (one whose process died is recovered first), or a {@link UsageException}
     * saying why not: for the console, which checks before it resumes the run on a thread of its own.
     */
    public synchronized JobExecution restartable(long executionId) {
        JobExecution execution = execution(executionId);
        if (execution.getJobParameters().getString(RunContext.SIMULATION) != null) {
            throw new UsageException("execution " + executionId + " was a simulation's: nothing of it is kept, so"
                    + " there is nothing to restart; simulate again");
        }
        boolean orphaned = false;
        if (execution.getStatus() == BatchStatus.STARTED || execution.getStatus() == BatchStatus.STARTING
                || execution.getStatus() == BatchStatus.STOPPING) {
            if (ExecutionOwner.isAlive(execution)) {
                throw new UsageException("execution " + executionId + " is still running ("
                        + ExecutionOwner.describe(execution) + "); stop it first with: benefits stop " + executionId);
            }
            orphaned = true;
        } else if (execution.getStatus() != BatchStatus.FAILED && execution.getStatus() != BatchStatus.STOPPED) {
            throw new UsageException("execution " + executionId + " is " + execution.getStatus()
                    + ": only a FAILED or STOPPED execution can be restarted");
        }
        refuseIfInputChanged(execution);
        OutputPreflight.check(RunContext.output(execution.getJobParameters()));
        refuseIfRunning(execution.getJobParameters().getString(RunContext.QUARTER), executionId);
        if (orphaned) {
            execution = jobOperator.recover(execution);
        }
        return execution;
    }

    /** Refuses, with the reason, a run of the quarter again that {@link #rerun} would refuse. */
    public void checkRerunnable(Quarter quarter) {
        refuseIfRunning(quarter.toString());
        QuarterVersion latest = versions.latestOf(quarter).orElseThrow(() -> new UsageException(
                "quarter " + quarter + " has no completed version to run again"));
        if (!Files.isDirectory(Path.of(latest.inputDir()))) {
            throw new UsageException("the input folder of " + quarter + " version " + latest.version() + ", "
                    + latest.inputDir() + ", is gone");
        }
        if (embedded.shared().isPresent()) {
            throw new UsageException("another process (pid " + embedded.shared().get().ownerPid().orElse(-1)
                    + ") is using the embedded database of this BENEFITS_HOME; wait for it to finish");
        }
    }

    ExitCode restart(long executionId) {
        JobExecution execution = restartable(executionId);
        JobExecution restarted;
        try {
            restarted = jobOperator.restart(execution);
        } catch (JobRestartException e) {
            throw new UsageException("cannot restart execution " + executionId + ": " + e.getMessage());
        } catch (RuntimeException e) {
            return lostDuringRun(e, executionId, execution.getJobParameters().getString(RunContext.QUARTER));
        }
        return finished(restarted);
    }

    /**
     * A restart resumes each step after the lines it committed, so it must read the very files the run started
     * with: an edited, added or removed file would mix two inputs (rows counted twice or lost, line numbers off).
     */
    private void refuseIfInputChanged(JobExecution execution) {
        long runId = execution.getJobInstance().getInstanceId();
        List<InputFingerprint> recorded = new InputFingerprintStore(jdbc).of(runId);
        if (recorded.isEmpty()) {
            return; // the run failed before it read anything
        }
        var parameters = execution.getJobParameters();
        java.nio.file.Path input = java.nio.file.Path.of(parameters.getString(RunContext.INPUT));
        InputFingerprint.firstChange(recorded, InputFingerprint.of(input)).ifPresent(change -> {
            throw new UsageException("execution " + execution.getId() + " cannot be restarted: in " + input + ", "
                    + change + " since the run started; start a new run instead: benefits run --quarter "
                    + parameters.getString(RunContext.QUARTER) + " --input " + input + " --output "
                    + parameters.getString(RunContext.OUTPUT));
        });
    }

    /**
     * Asks the process that runs the execution to stop: its status becomes STOPPING in the job repository, and
     * that process stops at its next chunk boundary. Not {@link JobOperator#stop}: that also writes the running
     * step's execution from this process's stale copy, which makes the running process fail instead of stop.
     */
    ExitCode stop(long executionId) {
        JobExecution execution = execution(executionId);
        if (!execution.isRunning()) {
            throw new UsageException("execution " + executionId + " is " + execution.getStatus() + ", not running");
        }
        if (!ExecutionOwner.isAlive(execution)) {
            throw new UsageException("execution " + executionId + " is marked " + execution.getStatus()
                    + " but its process is gone; resume it with: benefits restart " + executionId
                    + ", or give it up with: benefits abandon " + executionId);
        }
        execution.setStatus(BatchStatus.STOPPING);
        jobRepository.update(execution);
        out.println(executionId + " STOPPING: the job stops at the next chunk boundary; restart it with: "
                + "benefits restart " + executionId);
        return ExitCode.COMPLETED;
    }

    ExitCode abandon(long executionId) {
        JobExecution execution = execution(executionId);
        try {
            if ((execution.getStatus() == BatchStatus.STARTED || execution.getStatus() == BatchStatus.STOPPING)
                    && !ExecutionOwner.isAlive(execution)) {
                execution = jobOperator.recover(execution);
            }
            jobOperator.abandon(execution);
            runs.markAbandoned(execution.getJobInstance().getInstanceId());
            out.println(executionId + " ABANDONED: it will never be resumed");
            return ExitCode.COMPLETED;
        } catch (Exception e) {
            throw new UsageException("cannot abandon execution " + executionId + ": " + e.getMessage());
        }
    }

    ExitCode list(boolean failedOnly) {
        List<Map<String, Object>> executions = jdbc.queryForList("""
                select e.job_execution_id, e.job_instance_id, e.status, e.exit_code, e.exit_message,
                       e.start_time, e.end_time, q.parameter_value as quarter, r.version
                  from batch_job_execution e
                  join batch_job_instance i on i.job_instance_id = e.job_instance_id
                  left join batch_job_execution_params q
                         on q.job_execution_id = e.job_execution_id and q.parameter_name = 'quarter'
                  left join run r on r.run_id = e.job_instance_id
                 where i.job_name = ?
                   -- a simulation is no execution of the history: it keeps nothing, and its leftovers, if its
                   -- process was killed, are cleared by the next simulation
                   and not exists (select 1 from batch_job_execution_params s
                                    where s.job_execution_id = e.job_execution_id and s.parameter_name = ?)
                   and (not ? or (e.status in ('FAILED', 'STOPPED', 'UNKNOWN', 'STARTED', 'STOPPING')
                        and not exists (select 1 from batch_job_execution later
                                         where later.job_instance_id = e.job_instance_id
                                           and later.job_execution_id > e.job_execution_id)))
                 order by e.job_execution_id desc""",
                QuarterlyRecalculationJobConfiguration.JOB_NAME, RunContext.SIMULATION, failedOnly);
        if (executions.isEmpty()) {
            out.println(failedOnly ? "no execution needs attention" : "no executions yet");
        }
        for (Map<String, Object> e : executions) {
            LocalDateTime start = localDateTime(e.get("start_time"));
            LocalDateTime end = localDateTime(e.get("end_time"));
            out.printf("%d %s quarter=%s run=%s version=%s start=%s end=%s duration=%s%s%n",
                    ((Number) e.get("job_execution_id")).longValue(), e.get("status"), e.get("quarter"),
                    e.get("job_instance_id"), e.get("version") == null ? "-" : e.get("version"),
                    start == null ? "-" : TIME.format(start), end == null ? "-" : TIME.format(end),
                    duration(start, end), exitMessage(e.get("exit_message")));
            jdbc.query("""
                    select step_name, status, read_count, write_count, filter_count,
                           read_skip_count + write_skip_count + process_skip_count as skips, exit_message,
                           start_time, end_time
                      from batch_step_execution where job_execution_id = ? order by step_execution_id""",
                    rs -> {
                        out.printf("    %-24s %-9s read=%d write=%d filter=%d skip=%d duration=%s%s%n",
                                rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                                rs.getLong(6), duration(rs.getObject(8, LocalDateTime.class),
                                        rs.getObject(9, LocalDateTime.class)),
                                exitMessage(rs.getString(7)));
                    }, e.get("job_execution_id"));
        }
        return ExitCode.COMPLETED;
    }

    private void refuseIfRunning(String quarter) {
        refuseIfRunning(quarter, -1);
    }

    /** The same, leaving out {@code restarting}: the execution being restarted, perhaps left STARTED by a dead process. */
    private void refuseIfRunning(String quarter, long restarting) {
        List<Long> running = jdbc.queryForList("""
                select e.job_execution_id from batch_job_execution e
                  join batch_job_execution_params q
                    on q.job_execution_id = e.job_execution_id and q.parameter_name = 'quarter'
                 where e.status in ('STARTING', 'STARTED', 'STOPPING') and q.parameter_value = ?
                   and not exists (select 1 from batch_job_execution_params s
                                    where s.job_execution_id = e.job_execution_id and s.parameter_name = ?)
                 order by e.job_execution_id""", Long.class, quarter, RunContext.SIMULATION);
        for (Long id : running) {
            if (id == restarting) {
                continue;
            }
            JobExecution execution = execution(id);
            if (ExecutionOwner.isAlive(execution)) {
                throw new UsageException("quarter " + quarter + " is already being run by execution " + id + " ("
                        + ExecutionOwner.describe(execution) + "); wait for it or stop it with: benefits stop " + id);
            }
            throw new UsageException("quarter " + quarter + " has execution " + id + " marked " + execution.getStatus()
                    + " but its process is gone; resume it with: benefits restart " + id
                    + ", or give it up with: benefits abandon " + id);
        }
    }

    /**
     * The job failed in a way it could not even record (the database went away mid-run): exit 1, since the
     * execution is restartable once the cause is fixed; it is found with {@code executions --failed}.
     */
    private ExitCode lostDuringRun(RuntimeException e, Long executionId, String quarter) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        System.err.println("benefits: the run failed and could not record it: " + root.getClass().getSimpleName()
                + ": " + root.getMessage() + "; once the cause is fixed, resume it with: benefits executions"
                + " --failed, then benefits restart ID");
        metrics.publishLost(executionId, quarter, ExitCode.FAILED.status());
        return ExitCode.FAILED;
    }

    private ExitCode finished(JobExecution execution) {
        summary.print(execution);
        ExitCode exit = ExitCode.of(execution.getStatus());
        metrics.publish(execution, exit.status());
        return exit;
    }

    /** The execution of that id; an id the repository does not know is the operator's typo, not a failure. */
    private JobExecution execution(long executionId) {
        JobExecution execution;
        try {
            execution = jobRepository.getJobExecution(executionId);
        } catch (EmptyResultDataAccessException unknown) {
            execution = null;
        }
        if (execution == null) {
            throw new UsageException("no job execution with id " + executionId + "; list them with: benefits executions");
        }
        return execution;
    }

    private static LocalDateTime localDateTime(Object value) {
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime();
        }
        return (LocalDateTime) value;
    }

    private static String duration(LocalDateTime start, LocalDateTime end) {
        if (start == null) {
            return "-";
        }
        Duration d = Duration.between(start, end == null ? LocalDateTime.now() : end);
        return d.toSeconds() + "s";
    }

    /** The root cause of a failure in one line: the last "Caused by:" of the stored stack trace, if any. */
    static String exitMessage(Object message) {
        if (message == null || message.toString().isBlank()) {
            return "";
        }
        String text = message.toString().strip();
        String cause = text.lines().filter(l -> l.startsWith("Caused by: ")).reduce((a, b) -> b)
                .map(l -> l.substring("Caused by: ".length())).orElse(text.lines().findFirst().orElse(""));
        int colon = cause.indexOf(": ");
        String type = colon > 0 ? cause.substring(0, colon) : cause;
        String simple = type.contains(".") && !type.contains(" ") ? type.substring(type.lastIndexOf('.') + 1) : type;
        return " exit=\"" + simple + (colon > 0 ? cause.substring(colon) : "") + "\"";
    }

}
