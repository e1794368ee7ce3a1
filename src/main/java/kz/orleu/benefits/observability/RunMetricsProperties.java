package kz.orleu.benefits.observability;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the outcome of each run is left for monitoring ({@link RunMetricsPublisher}).
 *
 * @param file the Prometheus textfile ({@code BENEFITS_METRICS_FILE}); blank for
 *        {@code $BENEFITS_HOME/metrics/benefits.prom}
 * @param pushgatewayUrl base URL of a Prometheus Pushgateway ({@code BENEFITS_PUSHGATEWAY_URL}), blank for none
 */
@ConfigurationProperties("benefits.metrics")
public record RunMetricsProperties(String file, String pushgatewayUrl) {
}
