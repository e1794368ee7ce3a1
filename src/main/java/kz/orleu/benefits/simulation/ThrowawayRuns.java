package kz.orleu.benefits.simulation;

import java.util.List;
import kz.orleu.benefits.job.ExecutionOwner;
import kz.orleu.benefits.run.RunContext;
import kz.orleu.benefits.run.RunRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes a simulation's run without a trace: its partitions, its rows in every table that has a {@code run_id}
 * column, its {@code run} row, and its Spring Batch metadata. The tables are found in the catalogue rather than
 * listed here, so that a table added to the schema later cannot keep a simulation's rows by being forgotten.
 * Only a run registered as a simulation is ever deleted: a guard against disposing of a real version by mistake.
 */
@Component
public class ThrowawayRuns {

    private static final Logger log = LoggerFactory.getLogger(ThrowawayRuns.class);

    /** The tables of the schema with a {@code run_id} column, partitions left out (the parent reaches them). */
    private static final String TABLES_WITH_RUN_ID = """
            select c.relname
              from pg_class c
              join pg_attribute a on a.attrelid = c.oid and a.attname = 'run_id' and not a.attisdropped
             where c.relnamespace = current_schema()::regnamespace
               and c.relkind in ('r', 'p') and not c.relispartition and c.relname <> 'run'
             order by c.relname""";

    private final JdbcTemplate jdbc;
    private final JobRepository jobRepository;
    private final TransactionTemplate transaction;

    public ThrowawayRuns(JdbcTemplate jdbc, JobRepository jobRepository, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.jobRepository = jobRepository;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Deletes the run of the execution and the execution's job instance, whatever state the run ended in. */
    public void dispose(JobExecution execution) {
        dispose(execution.getJobInstance());
    }

    /**
     * Deletes the throwaway runs whose process is gone (a simulation killed mid-way: nothing reached its
     * {@code finally}), with their working folders; a simulation whose process lives, here or on another host,
     * is left to finish. Returns how many were deleted.
     */
    public int disposeAbandoned() {
        int disposed = 0;
        for (Long runId : jdbc.queryForList("select run_id from run where status = ? order by run_id", Long.class,
                RunRepository.SIMULATION)) {
            JobInstance instance = jobRepository.getJobInstance(runId);
            JobExecution last = instance == null ? null : jobRepository.getLastJobExecution(instance);
            if (last != null && ExecutionOwner.isAlive(last)) {
                continue;
            }
            log.warn("simulation run {} was left behind by a process that is gone ({}): deleting it", runId,
                    last == null ? "no execution" : ExecutionOwner.describe(last));
            if (instance != null) {
                dispose(instance);
            } else {
                deleteRun(runId);
            }
            if (last != null) {
                ScratchFolder.ofRunOutput(last.getJobParameters().getString(RunContext.OUTPUT))
                        .ifPresent(ScratchFolder::close);
            }
            disposed++;
        }
        return disposed;
    }

    private void dispose(JobInstance instance) {
        long runId = instance.getInstanceId();
        deleteRun(runId);
        jobRepository.deleteJobInstance(instance);
        log.info("simulation run {} deleted with its job instance", runId);
    }

    private void deleteRun(long runId) {
        transaction.executeWithoutResult(status -> {
            List<String> kinds = jdbc.queryForList("select status from run where run_id = ?", String.class, runId);
            if (!kinds.isEmpty() && !RunRepository.SIMULATION.equals(kinds.get(0))) {
                throw new IllegalStateException("run " + runId + " is " + kinds.get(0) + ", not a simulation: kept");
            }
            for (String table : RunRepository.PARTITIONED) {
                jdbc.execute("drop table if exists " + table + "_r" + runId);
            }
            for (String table : jdbc.queryForList(TABLES_WITH_RUN_ID, String.class)) {
                jdbc.update("delete from " + table + " where run_id = ?", runId);
            }
            jdbc.update("delete from run where run_id = ?", runId);
        });
    }
}
