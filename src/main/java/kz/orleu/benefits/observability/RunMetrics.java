package kz.orleu.benefits.observability;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import kz.orleu.benefits.entitlement.Benefit;
import kz.orleu.benefits.entitlement.Decision;
import org.springframework.batch.core.BatchStatus;

/**
 * How the latest execution of a benefits home ended, in the Prometheus text format that node exporter's textfile
 * collector and a Pushgateway read. It outlives the process, so a monitoring system that scrapes every minute
 * still sees a run that took ten seconds, or one that failed before anyone looked.
 *
 * <p>Families and payments are given for a completed execution only: the tables of a failed or stopped one hold
 * part of the families, and a partial count on a dashboard reads like a real drop. Rows read and rejected are
 * given whatever the outcome, as far as the ingest got.
 *
 * @param executionId the job execution, {@code null} when the run failed before it could be recorded
 * @param runId the run (job instance), {@code null} likewise
 * @param benefitQuarter the benefit quarter, {@code null} when unknown
 * @param exitCode the launcher's exit status for this outcome
 * @param start when the execution started, {@code null} when unknown
 * @param end when it ended
 * @param heapPeakBytes the sum of the peak usage of the JVM's heap memory pools, bytes: the heap the run needed,
 *        which {@code -Xmx} must leave room for
 */
public record RunMetrics(Long executionId, Long runId, String benefitQuarter, BatchStatus status, int exitCode,
        Instant start, Instant end, List<FileRows> inputFiles, Map<Decision, Long> familiesByDecision,
        Map<Benefit, BigDecimal> paidByBenefit, long heapPeakBytes) {

    /** Rows of one input file as the ingest counted them. */
    public record FileRows(String file, long read, long accepted, long rejected) {
    }

    /** Benefits that are paid (a payment is ASP or CCA; NONE is a decision, not money). */
    static final List<Benefit> PAID_BENEFITS = List.of(Benefit.ASP, Benefit.CCA);

    public RunMetrics {
        inputFiles = List.copyOf(inputFiles);
        familiesByDecision = Map.copyOf(familiesByDecision);
        paidByBenefit = Map.copyOf(paidByBenefit);
    }

    /** The exposition text: every series always present (0 where nothing happened), so that none vanishes. */
    public String prometheusText() {
        StringBuilder text = new StringBuilder();
        header(text, "benefits_run_info", "The latest execution of the quarterly recalculation in this "
                + "BENEFITS_HOME: which one and how it ended (always 1).");
        text.append("benefits_run_info{benefit_quarter=\"").append(escape(orDash(benefitQuarter)))
                .append("\",execution_id=\"").append(executionId == null ? "-" : executionId)
                .append("\",run_id=\"").append(runId == null ? "-" : runId)
                .append("\",status=\"").append(status.name()).append("\"} 1\n");
        header(text, "benefits_run_status", "1 for the status the latest execution ended with, 0 for the others.");
        for (BatchStatus each : BatchStatus.values()) {
            text.append("benefits_run_status{status=\"").append(each.name()).append("\"} ")
                    .append(each == status ? 1 : 0).append('\n');
        }
        header(text, "benefits_run_exit_code", "Exit status of the launcher: 0 completed, 1 failed or stopped.");
        text.append("benefits_run_exit_code ").append(exitCode).append('\n');
        if (executionId != null) {
            header(text, "benefits_run_execution_id", "Job execution id of the latest execution "
                    + "(benefits restart ID).");
            text.append("benefits_run_execution_id ").append(executionId).append('\n');
        }
        if (start != null) {
            header(text, "benefits_run_start_time_seconds", "When the latest execution started, Unix time.");
            text.append("benefits_run_start_time_seconds ").append(seconds(start)).append('\n');
        }
        header(text, "benefits_run_end_time_seconds", "When the latest execution ended, Unix time.");
        text.append("benefits_run_end_time_seconds ").append(seconds(end)).append('\n');
        if (start != null) {
            header(text, "benefits_run_duration_seconds", "How long the latest execution ran.");
            text.append("benefits_run_duration_seconds ")
                    .append(BigDecimal.valueOf(Duration.between(start, end).toMillis(), 3).toPlainString())
                    .append('\n');
        }
        header(text, "benefits_jvm_heap_peak_bytes", "Sum of the peak usage of the heap memory pools of the JVM "
                + "that ran the latest execution, bytes.");
        text.append("benefits_jvm_heap_peak_bytes ").append(heapPeakBytes).append('\n');
        if (!inputFiles.isEmpty()) {
            fileRows(text, "read", "Rows read from each input file.", FileRows::read);
            fileRows(text, "accepted", "Rows of each input file that passed validation.", FileRows::accepted);
            fileRows(text, "rejected", "Rows of each input file rejected (listed in rejects.csv).",
                    FileRows::rejected);
        }
        if (status == BatchStatus.COMPLETED) {
            header(text, "benefits_families", "Families of the completed execution by decision.");
            for (Decision decision : Decision.values()) {
                text.append("benefits_families{decision=\"").append(decision.name()).append("\"} ")
                        .append(familiesByDecision.getOrDefault(decision, 0L)).append('\n');
            }
            header(text, "benefits_paid_tenge", "Money paid for the benefit quarter by benefit, tenge.");
            for (Benefit benefit : PAID_BENEFITS) {
                text.append("benefits_paid_tenge{benefit=\"").append(benefit.name()).append("\"} ")
                        .append(paidByBenefit.getOrDefault(benefit, BigDecimal.ZERO).toPlainString()).append('\n');
            }
        }
        return text.toString();
    }

    private void fileRows(StringBuilder text, String what, String help,
            java.util.function.ToLongFunction<FileRows> count) {
        String name = "benefits_input_rows_" + what;
        header(text, name, help);
        for (FileRows file : inputFiles) {
            text.append(name).append("{file=\"").append(escape(file.file())).append("\"} ")
                    .append(count.applyAsLong(file)).append('\n');
        }
    }

    private static void header(StringBuilder text, String name, String help) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n');
        text.append("# TYPE ").append(name).append(" gauge\n");
    }

    private static String seconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3).toPlainString();
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }

    /** Label values escape backslash, double quote and line feed (the exposition format's only escapes). */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
