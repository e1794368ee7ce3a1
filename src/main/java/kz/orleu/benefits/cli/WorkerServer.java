package kz.orleu.benefits.cli;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import kz.orleu.benefits.job.QuarterlyRecalculationJobConfiguration.WorkerSteps;
import kz.orleu.benefits.partition.PartitionWorker;
import kz.orleu.benefits.partition.Partitions;
import kz.orleu.benefits.store.DatabaseConfiguration;
import kz.orleu.benefits.store.DatabaseConfiguration.EmbeddedServerHolder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ops/benefits worker}: serves partitions of remote runs until SIGTERM, then finishes the partitions in
 * progress (at most {@link #FINISH_MINUTES} minutes) and exits 0. Only against a configured PostgreSQL server:
 * an embedded one is private to the process that started it.
 */
final class WorkerServer {

    static final long FINISH_MINUTES = 10;

    private WorkerServer() {
    }

    static int serve(ConfigurableApplicationContext context, PrintStream err) {
        try (context) {
            if (context.getBean(EmbeddedServerHolder.class).embedded()) {
                err.println("benefits: a worker needs the PostgreSQL server of the runs it serves"
                        + " (BENEFITS_DB_URL or --db-url), not an embedded one");
                return ExitCode.USAGE.status();
            }
            int threads = Math.min(Partitions.defaultCount(),
                    Partitions.concurrencyFor(DatabaseConfiguration.POOL_SIZE));
            PartitionWorker worker = new PartitionWorker(context.getBean(DataSource.class),
                    context.getBean(JobRepository.class), context.getBean(WorkerSteps.class).byName(), threads);
            CountDownLatch done = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                worker.stop();
                try {
                    done.await(FINISH_MINUTES, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "benefits-worker-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                worker.serve();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                done.countDown();
            }
            return ExitCode.COMPLETED.status();
        }
    }
}
