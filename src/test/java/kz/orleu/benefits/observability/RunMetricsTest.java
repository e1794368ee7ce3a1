package kz.orleu.benefits.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.orleu.benefits.entitlement.Benefit;
import kz.orleu.benefits.entitlement.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;

/** The textfile's text and how it is written and pushed, without a database. */
class RunMetricsTest {

    @TempDir
    Path folder;

    private static RunMetrics stopped() {
        return new RunMetrics(12L, 7L, "2016Q2", BatchStatus.STOPPED, 1, Instant.ofEpochSecond(1_000),
                Instant.ofEpochMilli(1_062_500), List.of(new RunMetrics.FileRows("members.csv", 100, 97, 3)),
                Map.of(), Map.of(), 300L << 20);
    }

    @Test
    void aStoppedRunSaysSoWithItsDurationAndRejectsButNoPartialFamilies() {
        PrometheusText text = PrometheusText.parse(stopped().prometheusText());
        assertThat(text.value("benefits_run_status{status=\"STOPPED\"}")).isEqualTo(1);
        assertThat(text.value("benefits_run_status{status=\"COMPLETED\"}")).isZero();
        assertThat(text.value("benefits_run_exit_code")).isEqualTo(1);
        assertThat(text.value("benefits_run_duration_seconds")).isEqualTo(62.5);
        assertThat(text.value("benefits_run_end_time_seconds")).isEqualTo(1_062.5);
        assertThat(text.value("benefits_input_rows_rejected{file=\"members.csv\"}")).isEqualTo(3);
        assertThat(text.value("benefits_jvm_heap_peak_bytes")).isEqualTo(300 << 20);
        assertThat(text.has("benefits_families")).isFalse();
    }

    @Test
    void aCompletedRunListsEveryDecisionAndBenefitEvenWhenNoFamilyHasIt() {
        RunMetrics completed = new RunMetrics(3L, 3L, "2016Q3", BatchStatus.COMPLETED, 0, null, Instant.now(),
                List.of(), Map.of(Decision.ASP, 4L), Map.of(Benefit.ASP, new BigDecimal("123456.78")), 0);
        PrometheusText text = PrometheusText.parse(completed.prometheusText());
        assertThat(text.value("benefits_families{decision=\"ASP\"}")).isEqualTo(4);
        assertThat(text.value("benefits_families{decision=\"INCOMPLETE_DATA\"}")).isZero();
        assertThat(text.value("benefits_paid_tenge{benefit=\"ASP\"}")).isEqualTo(123456.78);
        assertThat(text.value("benefits_paid_tenge{benefit=\"CCA\"}")).isZero();
        assertThat(text.has("benefits_run_duration_seconds")).as("no start, no duration").isFalse();
    }

    @Test
    void labelValuesAreEscapedSoAFileNameCannotBreakTheFormat() {
        RunMetrics odd = new RunMetrics(1L, 1L, "2016Q2", BatchStatus.FAILED, 1, null, Instant.now(),
                List.of(new RunMetrics.FileRows("a\"b\\c\nd.csv", 1, 1, 0)), Map.of(), Map.of(), 0);
        PrometheusText text = PrometheusText.parse(odd.prometheusText());
        assertThat(text.value("benefits_input_rows_read{file=\"a\\\"b\\\\c\\nd.csv\"}")).isEqualTo(1);
    }

    @Test
    void theTextfileIsReplacedWholeAndNoTemporaryFileIsLeft() throws Exception {
        Path file = folder.resolve("metrics").resolve("benefits.prom");
        RunMetricsPublisher.writeAtomically(file, "old\n");
        RunMetricsPublisher.writeAtomically(file, stopped().prometheusText());
        assertThat(Files.readString(file)).isEqualTo(stopped().prometheusText());
        assertThat(Files.list(file.getParent()).map(p -> p.getFileName().toString()).toList())
                .containsExactly("benefits.prom");
    }

    @Test
    void theSameTextIsPutToThePushgatewayGroupOfTheJob() throws Exception {
        List<String> received = new ArrayList<>();
        HttpServer gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/", exchange -> {
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + "\n"
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        gateway.start();
        try {
            RunMetricsPublisher.push("http://127.0.0.1:" + gateway.getAddress().getPort(), stopped().prometheusText());
        } finally {
            gateway.stop(0);
        }
        assertThat(received).containsExactly("PUT /metrics/job/benefits\n" + stopped().prometheusText());
    }
}
