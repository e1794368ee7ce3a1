package kz.orleu.benefits.simulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import kz.orleu.benefits.declaration.InputPreflight;
import kz.orleu.benefits.csv.UnusableInputException;
import kz.orleu.benefits.output.OutputFiles;
import kz.orleu.benefits.quarter.Quarter;
import kz.orleu.benefits.run.RunContext;
import kz.orleu.benefits.run.RunRepository;
import kz.orleu.benefits.store.PgCopy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Component;

/**
 * {@code simulate} (contracts.md, "Simulation: a quarter under proposed rules"): the benefit quarter computed by
 * the quarterly job itself, every step and line of it, from the income-quarter folder with the proposed reference
 * files in place, then compared with the quarter "now" and written to {@code <output>/<Q>-simulation/}.
 *
 * <p>Nothing is kept, by construction rather than by care: the job runs as a throwaway run (registered as a
 * simulation, so no query for a completed version ever sees it and it takes no version number), publishes to a
 * working folder, and is deleted with its Spring Batch metadata at the end, whether it completed or failed
 * ({@link ThrowawayRuns}). Failure counts and terminations are read from the history as a run reads them; what the
 * throwaway run writes of its own goes with it. "Now" is the latest completed version of the quarter, or, if the
 * quarter was never run, the quarter computed under the rules in force by another throwaway run.
 */
@Component
public class Simulation {

    public static final String FOLDER_SUFFIX = "-simulation";
    private static final Logger log = LoggerFactory.getLogger(Simulation.class);

    /** The proposal's result files, copied from the throwaway run's output folder as the job wrote them. */
    static final List<String> RESULT_FILES = List.of("entitlements.csv", "payments.csv", "compliance.csv");

    /**
     * Each family with an entitlement row under the proposal, against its row now; a family absent from the
     * version now (a later folder of the quarter) was paid nothing then: NONE and 0.
     */
    private static final String COMPARISON = """
            select csv_text(p.family_id) as family_id, csv_text(p.region_code) as region_code,
                   coalesce(n.benefit, 'NONE') as benefit_now, coalesce(n.quarter_amount, 0) as quarter_amount_now,
                   p.benefit as benefit_proposed, p.quarter_amount as quarter_amount_proposed,
                   p.quarter_amount - coalesce(n.quarter_amount, 0) as difference
              from entitlement p
              left join entitlement n on n.run_id = %2$d and n.family_id = p.family_id
             where p.run_id = %1$d
             order by p.family_id""";

    /** What the command reports: whether the job completed, and where the outputs are. */
    public record Outcome(boolean completed, Path folder, String failure) {
    }

    private final JobOperator jobOperator;
    private final Job job;
    private final RunRepository runs;
    private final ThrowawayRuns throwaway;
    private final DataSource dataSource;
    private final SimulationWorkbook workbook;

    public Simulation(JobOperator jobOperator, Job job, RunRepository runs, ThrowawayRuns throwaway,
            DataSource dataSource, SimulationWorkbook workbook) {
        this.jobOperator = jobOperator;
        this.job = job;
        this.runs = runs;
        this.throwaway = throwaway;
        this.dataSource = dataSource;
        this.workbook = workbook;
    }

    /**
     * Checks the proposal as the job would check reference overrides in the input folder, before anything is run:
     * a bad file is an {@link UnusableInputException} (exit 2) naming the proposal.
     */
    public static void checkProposal(Path input, Quarter quarter, Proposal proposal) {
        try (ScratchFolder scratch = ScratchFolder.temporary()) {
            Path folder = scratch.input("check", input, proposal);
            try {
                InputPreflight.check(folder, quarter);
            } catch (UnusableInputException e) {
                throw new UnusableInputException("the proposal (" + proposal.describe() + ") cannot be used: "
                        + e.getMessage());
            }
        }
    }

    /**
     * Simulates each proposal against the same "now": one throwaway run per proposal (and one for now if the
     * quarter was never run), all deleted at the end.
     */
    public Outcome simulate(Quarter quarter, Path input, Path output, List<Proposal> proposals) {
        clearLeftovers(output);
        List<JobExecution> started = new ArrayList<>();
        try (ScratchFolder scratch = ScratchFolder.create(output, quarter)) {
            try {
                Optional<Long> latest = runs.latestCompleted(quarter);
                long now;
                if (latest.isPresent()) {
                    now = latest.get();
                    log.info("simulating {}: now is its latest completed version (run {})", quarter, now);
                } else {
                    log.info("simulating {}: never run, so now is the quarter under the rules in force", quarter);
                    JobExecution current = launch(quarter, scratch.input("now", input, Proposal.none()),
                            scratch.output("now"), started);
                    if (current.getStatus() != BatchStatus.COMPLETED) {
                        return failed(current, "the quarter under the rules in force");
                    }
                    now = current.getJobInstance().getInstanceId();
                }
                List<SimulationWorkbook.Proposed> results = new ArrayList<>();
                for (int i = 0; i < proposals.size(); i++) {
                    Proposal proposal = proposals.get(i);
                    String name = "proposed-" + i;
                    JobExecution proposed = launch(quarter, scratch.input(name, input, proposal),
                            scratch.output(name), started);
                    if (proposed.getStatus() != BatchStatus.COMPLETED) {
                        return failed(proposed, "the quarter under the proposal " + proposal.name());
                    }
                    results.add(new SimulationWorkbook.Proposed(proposal, proposed.getJobInstance().getInstanceId(),
                            scratch.output(name).resolve(quarter.toString())));
                }
                Path folder = publish(quarter, output, results, now, scratch);
                return new Outcome(true, folder, null);
            } finally {
                for (JobExecution execution : started) {
                    throwaway.dispose(execution);
                }
            }
        }
    }

    /**
     * What simulations killed mid-way left: their throwaway runs (with their working folders wherever they were)
     * and, in this output folder, working folders of dead processes that never got as far as a run.
     */
    private void clearLeftovers(Path output) {
        throwaway.disposeAbandoned();
        for (ScratchFolder leftover : ScratchFolder.abandonedIn(output.toAbsolutePath())) {
            log.warn("deleting {}, the working folder of a simulation whose process is gone", leftover.root());
            leftover.close();
        }
    }

    private JobExecution launch(Quarter quarter, Path input, Path output, List<JobExecution> started) {
        JobParametersBuilder parameters = new JobParametersBuilder()
                .addString(RunContext.QUARTER, quarter.toString(), true)
                .addString(RunContext.INPUT, input.toAbsolutePath().toString(), true)
                .addString(RunContext.OUTPUT, output.toAbsolutePath().toString(), false)
                .addLong(RunContext.LAUNCH, System.currentTimeMillis(), true)
                .addString(RunContext.SIMULATION, "true", false);
        try {
            JobExecution execution = jobOperator.start(job, parameters.toJobParameters());
            started.add(execution);
            return execution;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the simulation's run of " + quarter + ": " + e.getMessage(),
                    e);
        }
    }

    private static Outcome failed(JobExecution execution, String what) {
        String cause = execution.getAllFailureExceptions().stream().findFirst().map(Simulation::rootMessage)
                .orElse(execution.getStatus().toString());
        log.error("simulation failed computing {}: {}", what, cause);
        return new Outcome(false, null, "computing " + what + ": " + cause);
    }

    /**
     * Builds the folder next to the target and swaps it in, so a reader never sees half a simulation. One
     * proposal: its files at the top, the shape contracts.md gives; several: one sub-folder of those files per
     * proposal, named after it, and one workbook for all.
     */
    private Path publish(Quarter quarter, Path output, List<SimulationWorkbook.Proposed> results, long nowRun,
            ScratchFolder scratch) {
        Path target = output.toAbsolutePath().resolve(quarter + FOLDER_SUFFIX);
        Path temp = scratch.root().resolve("publish");
        try {
            OutputFiles.createFolder(temp);
            for (SimulationWorkbook.Proposed result : results) {
                Path folder = temp;
                if (results.size() > 1) {
                    folder = temp.resolve(result.proposal().name());
                    OutputFiles.createFolder(folder);
                }
                for (String name : RESULT_FILES) {
                    try (var out = OutputFiles.newFile(folder.resolve(name))) {
                        Files.copy(result.folder().resolve(name), out);
                    }
                }
                PgCopy.copyOut(dataSource, COMPARISON.formatted(result.run(), nowRun),
                        folder.resolve("comparison.csv"), OutputFiles::newFile);
                if (folder != temp) {
                    OutputFiles.setMode(folder, OutputFiles.FOLDER_MODE);
                }
            }
            workbook.write(quarter, nowRun, results, temp.resolve(SimulationWorkbook.FILE_NAME));
            OutputFiles.setMode(temp, OutputFiles.FOLDER_MODE);
            OutputFiles.replaceFolder(temp, target, scratch.root().resolve("replaced"));
            log.info("simulation of {} written to {}", quarter, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the simulation folder " + target + ": " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
