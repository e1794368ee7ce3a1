package kz.orleu.benefits.job;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import kz.orleu.benefits.BenefitsProperties;
import kz.orleu.benefits.compliance.ComplianceStep;
import kz.orleu.benefits.correction.AdjustmentStep;
import kz.orleu.benefits.declaration.CrossFileValidation;
import kz.orleu.benefits.declaration.DeclarationIngest;
import kz.orleu.benefits.declaration.DuplicateKeyScreen;
import kz.orleu.benefits.declaration.InputFile;
import kz.orleu.benefits.declaration.InputFingerprint;
import kz.orleu.benefits.declaration.InputFingerprintStore;
import kz.orleu.benefits.entitlement.EntitlementStep;
import kz.orleu.benefits.facts.RunFacts;
import kz.orleu.benefits.output.OutputPublisher;
import kz.orleu.benefits.partition.FamilyHashPartitioner;
import kz.orleu.benefits.partition.FamilyHashRange;
import kz.orleu.benefits.partition.LocalPartitionHandler;
import kz.orleu.benefits.partition.Partitions;
import kz.orleu.benefits.partition.PerExecutionStep;
import kz.orleu.benefits.partition.RemotePartitionHandler;
import kz.orleu.benefits.partition.WorkersPartitionHandler;
import kz.orleu.benefits.reference.ReferenceFile;
import kz.orleu.benefits.reference.ReferenceLoader;
import kz.orleu.benefits.reference.RunReferenceRepository;
import kz.orleu.benefits.run.RunContext;
import kz.orleu.benefits.run.RunRepository;
import kz.orleu.benefits.store.DatabaseConfiguration;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import io.micrometer.observation.ObservationRegistry;
import kz.orleu.benefits.observability.ProgressReporter;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The job {@code quarterlyRecalculation}, top to bottom: register the run, load the reference files, stage the
 * six input files, check them across files, establish the run's facts, judge the contracts, establish the
 * terminations, compute the entitlements,
 * compare them with the version the payment unit was sent (corrections), publish the outputs.
 * Step names are restart keys in the job repository: never rename one lightly.
 */
@Configuration(proxyBeanMethods = false)
public class QuarterlyRecalculationJobConfiguration {

    public static final String JOB_NAME = "quarterlyRecalculation";

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final RunRepository runs;
    private final RunReferenceRepository reference;
    private final int chunkSize;
    private final ObservationRegistry observationRegistry;
    private final Duration partitionTimeout;

    /**
     * {@code benefits.partition-timeout}: how long a manager waits for remote workers to finish a step's
     * partitions before it fails the step (a worker that died leaves its partition unfinished).
     */
    public QuarterlyRecalculationJobConfiguration(JobRepository jobRepository,
            PlatformTransactionManager transactionManager, DataSource dataSource, JdbcTemplate jdbc,
            RunRepository runs, RunReferenceRepository reference, BenefitsProperties properties,
            ObservationRegistry observationRegistry,
            @Value("${benefits.partition-timeout:2h}") Duration partitionTimeout) {
        this.partitionTimeout = partitionTimeout;
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.runs = runs;
        this.reference = reference;
        this.chunkSize = properties.chunkSize();
        this.observationRegistry = observationRegistry;
    }

    @Bean
    Job quarterlyRecalculation(ObjectProvider<OutputPublisher.Part> outputParts) {
        SimpleJobBuilder job = new JobBuilder(JOB_NAME, jobRepository).observationRegistry(observationRegistry)
                .listener(new ExecutionOwner(jobRepository))
                .listener(new GracefulShutdown())
                .start(registerRun());
        for (ReferenceFile file : ReferenceFile.values()) {
            job = job.next(loadReference(file));
        }
        for (InputFile file : InputFile.values()) {
            job = job.next(ingest(file));
        }
        return job.next(validateDeclarations())
                .next(establishFacts())
                .next(judgeCompliance())
                .next(establishTerminations())
                .next(gatherFamilyCases())
                .next(computeEntitlements())
                .next(computeAdjustments())
                .next(publishOutputs(outputParts.orderedStream().toList()))
                .build();
    }

    Step registerRun() {
        return new StepBuilder("registerRun", jobRepository).observationRegistry(observationRegistry)
                .tasklet((contribution, chunk) -> {
                    RunContext run = RunContext.of(contribution.getStepExecution());
                    runs.register(run, RunContext.isSimulation(contribution.getStepExecution().getJobParameters()));
                    new InputFingerprintStore(jdbc).record(run.runId(), InputFingerprint.of(run.input()));
                    runs.createPartitions(run.runId());
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .listener(new FaultInjection("registerRun"))
                .build();
    }

    Step loadReference(ReferenceFile file) {
        return chunkStep(file.stepName(), ReferenceLoader.reader(file), new ReferenceLoader.Processor(file),
                new ReferenceLoader.Writer(file, dataSource), ProgressReporter.Measure.rows(step -> 0));
    }

    Step ingest(InputFile file) {
        // Built for each execution: its writer and duplicate-key screen hold the execution's run, so two runs in
        // one JVM (the console's) never share them.
        return new PerExecutionStep(file.stepName(), () -> {
            DuplicateKeyScreen duplicateKeys = new DuplicateKeyScreen(file, dataSource);
            // one item per chunk: a batch of chunkSize rows, read and checked ahead (DeclarationIngest#reader)
            return chunkStep(file.stepName(), file.stepName(), 1,
                    DeclarationIngest.reader(file, reference, dataSource, duplicateKeys, chunkSize), rows -> rows,
                    new DeclarationIngest.Writer(file, dataSource), DeclarationIngest.bytesRead(file),
                    duplicateKeys);
        });
    }

    Step validateDeclarations() {
        CrossFileValidation validation = new CrossFileValidation(jdbc, runs, transactionManager);
        return new StepBuilder("validateDeclarations", jobRepository).observationRegistry(observationRegistry)
                .tasklet((contribution, chunk) -> {
                    RunContext run = RunContext.of(contribution.getStepExecution());
                    // rows rejected across files show as filtered in the step execution, as the ingest steps' do
                    contribution.incrementFilterCount(validation.validate(run));
                    runs.recordRuleSet(run.runId(),
                            reference.load(run.runId()).ruleSetFor(run.benefitQuarter()).describe());
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .listener(new FaultInjection("validateDeclarations"))
                .build();
    }

    /** The run's facts, once, for every later step to join: members counted, contracts in force, previous results. */
    Step establishFacts() {
        RunFacts facts = new RunFacts(jdbc, runs);
        return tasklet("establishFacts", run -> facts.establish(run));
    }

    /** The contracts' facts again, now that this run's sanctions may have terminated some. */
    Step establishTerminations() {
        RunFacts facts = new RunFacts(jdbc, runs);
        return tasklet("establishTerminations", run -> facts.establishTerminations(run));
    }

    private Step tasklet(String name, java.util.function.Consumer<RunContext> work) {
        return new StepBuilder(name, jobRepository).observationRegistry(observationRegistry)
                .tasklet((contribution, chunk) -> {
                    work.accept(RunContext.of(contribution.getStepExecution()));
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .listener(new FaultInjection(name))
                .build();
    }

    /** Partitioned by family hash: each partition judges the contracts of its families ({@link FamilyHashRange}). */
    Step judgeCompliance() {
        return partitioned("judgeCompliance", judgeComplianceWorker());
    }

    /** A partition of {@code judgeCompliance}, here or in a worker process. */
    Step judgeComplianceWorker() {
        return new PerExecutionStep("judgeComplianceWorker", () -> chunkStep("judgeCompliance",
                "judgeComplianceWorker", chunkSize, ComplianceStep.reader(dataSource, runs),
                new ComplianceStep.Processor(reference), new ComplianceStep.Writer(dataSource),
                ProgressReporter.Measure.rows(step -> count("stg_contract", step))));
    }

    Step gatherFamilyCases() {
        return new StepBuilder("gatherFamilyCases", jobRepository).observationRegistry(observationRegistry)
                .tasklet((contribution, chunk) -> {
                    RunContext run = RunContext.of(contribution.getStepExecution());
                    EntitlementStep.gather(jdbc, runs, run, reference.load(run.runId()).ruleSetFor(run.benefitQuarter()));
                    new RunFacts(jdbc, runs).warnFamiliesWithNobodyCounted(run);
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .listener(new FaultInjection("gatherFamilyCases"))
                .build();
    }

    /** Partitioned by family hash, as {@code judgeCompliance}: one family's entitlement depends on it alone. */
    Step computeEntitlements() {
        return partitioned("computeEntitlements", computeEntitlementsWorker());
    }

    /** A partition of {@code computeEntitlements}, here or in a worker process. */
    Step computeEntitlementsWorker() {
        return new PerExecutionStep("computeEntitlementsWorker", () -> chunkStep("computeEntitlements",
                "computeEntitlementsWorker", chunkSize, EntitlementStep.reader(dataSource),
                new EntitlementStep.Processor(reference), new EntitlementStep.Writer(dataSource),
                ProgressReporter.Measure.rows(step -> count("family_case", step))));
    }

    /** The worker steps by name, for {@code ops/benefits worker}. */
    @Bean
    WorkerSteps workerSteps() {
        return new WorkerSteps(Map.of("judgeComplianceWorker", judgeComplianceWorker(),
                "computeEntitlementsWorker", computeEntitlementsWorker()));
    }

    /** The steps a worker process serves, by name. */
    public record WorkerSteps(Map<String, Step> byName) {
    }

    /**
     * A manager step named {@code name} (the restart key it always had) over worker executions named
     * {@code <name>Worker:familiesN}. A worker partition writes its rows in its chunk transactions, as the
     * unpartitioned step did, so a restarted partition resumes after its last committed chunk and a completed
     * one is not run again.
     */
    private Step partitioned(String name, Step worker) {
        return new StepBuilder(name, jobRepository).observationRegistry(observationRegistry)
                .partitioner(worker.getName(), new FamilyHashPartitioner())
                .partitionHandler(new WorkersPartitionHandler(
                        new LocalPartitionHandler(worker, Partitions.concurrencyFor(DatabaseConfiguration.POOL_SIZE)),
                        new RemotePartitionHandler(worker.getName(), jobRepository, dataSource, partitionTimeout)))
                .build();
    }

    /** Corrections: what changed against the version the payment unit was sent, and which later quarters are stale. */
    Step computeAdjustments() {
        AdjustmentStep adjustments = new AdjustmentStep(jdbc);
        return new StepBuilder("computeAdjustments", jobRepository).observationRegistry(observationRegistry)
                .tasklet((contribution, chunk) -> {
                    RunContext run = RunContext.of(contribution.getStepExecution());
                    // the entitlements and payments just written are joined from here on (adjustments, statistics)
                    runs.analyze("entitlement", run.runId());
                    runs.analyze("payment", run.runId());
                    adjustments.compute(run);
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .listener(new FaultInjection("computeAdjustments"))
                .build();
    }

    Step publishOutputs(List<OutputPublisher.Part> outputParts) {
        OutputPublisher publisher = new OutputPublisher(dataSource, outputParts);
        return new StepBuilder("publishOutputs", jobRepository).observationRegistry(observationRegistry)
                .tasklet((contribution, chunk) -> {
                    RunContext run = RunContext.of(contribution.getStepExecution());
                    publisher.publish(run);
                    runs.markCompleted(run.runId());
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .listener(new FaultInjection("publishOutputs"))
                .build();
    }

    /** Rows of the step's run (and, in a partition, of its families) in a table: the progress report's total. */
    private long count(String stagingTable, StepExecution step) {
        String accepted = stagingTable.startsWith("stg_") ? " and not rejected" : "";
        FamilyHashRange range = FamilyHashRange.of(step);
        Long n = jdbc.queryForObject("select count(*) from " + stagingTable + " where run_id = ?" + accepted
                + " and hashtext(family_id) >= ? and hashtext(family_id) < ?",
                Long.class, RunContext.of(step).runId(), range.from(), range.to());
        return n == null ? 0 : n;
    }

    private <I, O> Step chunkStep(String name, ItemReader<I> reader, ItemProcessor<I, O> processor,
            ItemWriter<O> writer, ProgressReporter.Measure progress) {
        return chunkStep(name, name, chunkSize, reader, processor, writer, progress);
    }

    /**
     * {@code faultName}: the name fault drills arm, the manager's for a partition's worker step; {@code listeners}:
     * any more than the reader's and writer's own.
     */
    private <I, O> Step chunkStep(String faultName, String name, int itemsPerChunk, ItemReader<I> reader,
            ItemProcessor<I, O> processor, ItemWriter<O> writer, ProgressReporter.Measure progress,
            StepExecutionListener... listeners) {
        var step = new StepBuilder(name, jobRepository)
                .observationRegistry(observationRegistry)
                .<I, O>chunk(itemsPerChunk)
                .reader(reader)
                .processor(processor)
                .writer(writer)
                .transactionManager(transactionManager)
                .listener(new FaultInjection(faultName))
                .listener(new ProgressReporter(progress));
        for (StepExecutionListener listener : listeners) {
            step.listener(listener);
        }
        return step.build();
    }
}
