package kz.orleu.benefits.run;

import java.nio.file.Path;
import kz.orleu.benefits.quarter.Quarter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

/**
 * What a step needs to know about the run it belongs to. The run id is the Spring Batch job instance id, so a
 * restart of a failed execution continues the same run (and the same version of the quarter's results).
 */
public record RunContext(long runId, Quarter benefitQuarter, Path input, Path output, Integer suppressBelow,
        String language) {

    public static final String QUARTER = "quarter";
    public static final String INPUT = "input";
    public static final String OUTPUT = "output";
    public static final String LAUNCH = "launch";
    public static final String SUPPRESS_BELOW = "suppressBelow";
    /** Present ("true") on a throwaway run of {@code simulate}: see {@link RunRepository#register}. */
    public static final String SIMULATION = "simulation";
    /** The language of the statistics workbook ({@code --language}); absent: the rule set's, else English. */
    public static final String LANGUAGE = "language";

    /** A run with the workbook's language left to the rule set. */
    public RunContext(long runId, Quarter benefitQuarter, Path input, Path output, Integer suppressBelow) {
        this(runId, benefitQuarter, input, output, suppressBelow, null);
    }

    public static RunContext of(StepExecution step) {
        JobParameters parameters = step.getJobExecution().getJobParameters();
        String suppress = parameters.getString(SUPPRESS_BELOW);
        String language = parameters.getString(LANGUAGE);
        return new RunContext(step.getJobExecution().getJobInstance().getInstanceId(),
                Quarter.parse(parameters.getString(QUARTER)),
                Path.of(parameters.getString(INPUT)),
                Path.of(parameters.getString(OUTPUT)),
                suppress == null || suppress.isBlank() ? null : Integer.valueOf(suppress),
                language == null || language.isBlank() ? null : language);
    }

    /** Whether the execution is a simulation's throwaway run, which must never become a version of its quarter. */
    public static boolean isSimulation(JobParameters parameters) {
        return Boolean.parseBoolean(parameters.getString(SIMULATION));
    }

    /** The output folder a job execution was started with. */
    public static Path output(JobParameters parameters) {
        return Path.of(parameters.getString(OUTPUT));
    }

    public Quarter incomeQuarter() {
        return benefitQuarter.previous();
    }
}
