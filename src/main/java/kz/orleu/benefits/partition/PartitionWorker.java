package kz.orleu.benefits.partition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.messaging.Message;

/**
 * {@code ops/benefits worker}: takes partition requests from {@link PartitionRequests} and executes them with
 * Spring Batch's {@link StepExecutionRequestHandler} against the same job repository as the manager, on
 * {@code threads} threads, until the process is stopped. Each request is taken by exactly one worker thread, and
 * only a partition never started is executed.
 */
public final class PartitionWorker {

    private static final Logger log = LoggerFactory.getLogger(PartitionWorker.class);
    private static final long RECEIVE_TIMEOUT_MILLIS = 1000;

    private final QueueChannel requests;
    private final JobRepository jobRepository;
    private final StepExecutionRequestHandler handler;
    private final int threads;
    private volatile boolean stopping;

    public PartitionWorker(DataSource dataSource, JobRepository jobRepository, Map<String, Step> workerSteps,
            int threads) {
        this.requests = PartitionRequests.channel(dataSource);
        this.jobRepository = jobRepository;
        this.handler = new StepExecutionRequestHandler();
        handler.setJobRepository(jobRepository);
        handler.setStepLocator(name -> {
            Step step = workerSteps.get(name);
            if (step == null) {
                throw new IllegalArgumentException("no worker step " + name);
            }
            return step;
        });
        this.threads = threads;
    }

    /** Serves until {@link #stop()} (or the thread is interrupted); a partition in progress is finished first. */
    public void serve() throws InterruptedException {
        log.info("worker serving partitions on {} threads", threads);
        List<Thread> running = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread thread = new Thread(this::loop, "partition-worker-" + i);
            thread.start();
            running.add(thread);
        }
        for (Thread thread : running) {
            thread.join();
        }
    }

    public void stop() {
        stopping = true;
    }

    private void pause() {
        try {
            Thread.sleep(RECEIVE_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    private void loop() {
        while (!stopping) {
            Message<?> message;
            try {
                message = requests.receive(RECEIVE_TIMEOUT_MILLIS);
            } catch (RuntimeException e) {
                // an unreadable request, or the database away for a moment: keep serving
                log.error("worker cannot take a request", e);
                pause();
                continue;
            }
            if (message == null) {
                continue;
            }
            StepExecutionRequest request = (StepExecutionRequest) message.getPayload();
            StepExecution partition = jobRepository.getStepExecution(request.getStepExecutionId());
            if (partition == null || partition.getStatus() != BatchStatus.STARTING) {
                // A request left in the queue after its manager gave up: the partition was marked FAILED and a
                // restart runs it as a new execution, so running this one too would write its rows twice.
                log.warn("worker drops {}: the partition is {}", request,
                        partition == null ? "unknown" : partition.getStatus());
                continue;
            }
            log.info("worker takes {}", request);
            try {
                handler.handle(request);
            } catch (RuntimeException e) {
                // the step execution records the failure; the manager sees it in the job repository
                log.error("partition {} failed", request, e);
            }
        }
    }
}
