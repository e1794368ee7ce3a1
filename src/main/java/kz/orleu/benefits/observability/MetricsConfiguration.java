package kz.orleu.benefits.observability;

import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Batch's Micrometer metrics ({@code spring.batch.job}, {@code spring.batch.step},
 * {@code spring.batch.item.read}, …) recorded in a Prometheus registry, served for scraping on
 * {@code BENEFITS_METRICS_PORT} while the job runs.
 */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    @Bean
    PrometheusMeterRegistry prometheusMeterRegistry() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    @Bean
    ObservationRegistry observationRegistry(PrometheusMeterRegistry meterRegistry) {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meterRegistry));
        return registry;
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    MetricsEndpoint metricsEndpoint(PrometheusMeterRegistry meterRegistry,
            @Value("${BENEFITS_METRICS_PORT:}") String port) {
        return new MetricsEndpoint(meterRegistry, port == null || port.isBlank() ? -1 : Integer.parseInt(port));
    }
}
