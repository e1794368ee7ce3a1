package kz.orleu.benefits.observability;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import kz.orleu.benefits.BenefitsProperties;
import kz.orleu.benefits.entitlement.Benefit;
import kz.orleu.benefits.entitlement.Decision;
import kz.orleu.benefits.run.RunContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Leaves the outcome of every run and restart where a monitoring system finds it after the process is gone: a
 * Prometheus textfile for node exporter's textfile collector, replaced atomically (written beside it under a name
 * the collector ignores, then renamed, so a scrape never reads half a file), and, when a Pushgateway is
 * configured, the same text pushed there. Monitoring must never fail a run that paid families: a problem here is
 * logged as a warning and the run's exit status stays what it was.
 */
@Component
public class RunMetricsPublisher {

    private static final Logger log = LoggerFactory.getLogger(RunMetricsPublisher.class);
    /** The Pushgateway grouping key: one group, the latest execution of this home replaces the previous one. */
    static final String PUSH_PATH = "/metrics/job/benefits";

    private final JdbcTemplate jdbc;
    private final Path file;
    private final String pushgatewayUrl;

    public RunMetricsPublisher(JdbcTemplate jdbc, BenefitsProperties benefits, RunMetricsProperties properties) {
        this.jdbc = jdbc;
        this.file = properties.file() == null || properties.file().isBlank()
                ? benefits.home().resolve("metrics").resolve("benefits.prom")
                : Path.of(properties.file());
        this.pushgatewayUrl = properties.pushgatewayUrl() == null || properties.pushgatewayUrl().isBlank() ? null
                : properties.pushgatewayUrl().strip().replaceAll("/+$", "");
    }

    /** The outcome of an execution that ended (completed, failed or stopped), with its counts from the database. */
    public void publish(JobExecution execution, int exitCode) {
        RunMetrics metrics;
        try {
            metrics = gather(execution, exitCode);
        } catch (RuntimeException e) {
            // the database may be what failed: the outcome is still worth reporting
            log.warn("run metrics without counts: {}", e.getMessage());
            metrics = outcomeOnly(execution.getId(), execution.getJobInstance().getInstanceId(),
                    execution.getJobParameters().getString(RunContext.QUARTER), execution.getStatus(), exitCode,
                    instant(execution.getStartTime()));
        }
        publish(metrics);
    }

    /** The outcome of a run that failed without being able to record it (the database went away). */
    public void publishLost(Long executionId, String benefitQuarter, int exitCode) {
        publish(outcomeOnly(executionId, null, benefitQuarter, BatchStatus.FAILED, exitCode, null));
    }

    Path file() {
        return file;
    }

    private void publish(RunMetrics metrics) {
        String text = metrics.prometheusText();
        try {
            writeAtomically(file, text);
        } catch (IOException | RuntimeException e) {
            log.warn("cannot write the run metrics to {}: {}", file, e.toString());
        }
        if (pushgatewayUrl != null) {
            push(pushgatewayUrl, text);
        }
    }

    private RunMetrics gather(JobExecution execution, int exitCode) {
        long runId = execution.getJobInstance().getInstanceId();
        List<RunMetrics.FileRows> files = new ArrayList<>();
        jdbc.query("select file, read, accepted, rejected from ingest_count where run_id = ? order by file", rs -> {
            files.add(new RunMetrics.FileRows(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
        }, runId);
        Map<Decision, Long> families = new EnumMap<>(Decision.class);
        Map<Benefit, BigDecimal> paid = new EnumMap<>(Benefit.class);
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            jdbc.query("select decision, count(*) from entitlement where run_id = ? group by decision", rs -> {
                families.put(Decision.valueOf(rs.getString(1)), rs.getLong(2));
            }, runId);
            jdbc.query("select benefit, sum(amount) from payment where run_id = ? group by benefit", rs -> {
                paid.put(Benefit.valueOf(rs.getString(1)), rs.getBigDecimal(2));
            }, runId);
        }
        return new RunMetrics(execution.getId(), runId, execution.getJobParameters().getString(RunContext.QUARTER),
                execution.getStatus(), exitCode, instant(execution.getStartTime()), endOf(execution), files,
                families, paid, heapPeakBytes());
    }

    private static RunMetrics outcomeOnly(Long executionId, Long runId, String quarter, BatchStatus status,
            int exitCode, Instant start) {
        return new RunMetrics(executionId, runId, quarter, status, exitCode, start, Instant.now(), List.of(),
                Map.of(), Map.of(), heapPeakBytes());
    }

    /**
     * The heap's peak over this process's life, which is one run or restart: the sum of each heap pool's own
     * peak (eden, survivor, old), so at least the true peak of the whole heap, never less.
     */
    static long heapPeakBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    private static Instant endOf(JobExecution execution) {
        Instant end = instant(execution.getEndTime());
        return end == null ? Instant.now() : end;
    }

    /** The job repository keeps local date-times of this machine's zone. */
    private static Instant instant(LocalDateTime time) {
        return time == null ? null : time.atZone(ZoneId.systemDefault()).toInstant();
    }

    /**
     * Writes beside the target under a name that does not end in {@code .prom} (the collector reads only those),
     * then renames over the target: a reader sees the old file or the new one, never a part.
     */
    static void writeAtomically(Path file, String text) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = folder.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file.toAbsolutePath(), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** PUT replaces the whole group on the Pushgateway, as the textfile is replaced. */
    static void push(String baseUrl, String text) {
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + PUSH_PATH))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                    .PUT(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)).build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                log.warn("the Pushgateway at {} answered {}: {}", baseUrl, response.statusCode(),
                        response.body().strip());
            }
        } catch (IOException | RuntimeException e) {
            log.warn("cannot push the run metrics to {}: {}", baseUrl, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("pushing the run metrics to {} was interrupted", baseUrl);
        }
    }
}
