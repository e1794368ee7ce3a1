package kz.orleu.benefits.observability;

import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Batch's Micrometer metrics ({@code spring.batch.job}, {@code spring.batch.step},
 * {@code spring.batch.chunk.write}, …) recorded in a Prometheus registry, served for scraping on
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
        registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meterRegistry))
                .observationPredicate((name, context) -> !PER_ITEM.contains(name));
        return registry;
    }

    /**
     * Observations Spring Batch makes of every item read and processed: a timer and a long-task timer per row,
     * which took half the CPU of reading a file of millions of rows. What they would tell, the chunk's write
     * timer and the step's read and filter counts tell per chunk.
     */
    static final Set<String> PER_ITEM = Set.of("spring.batch.item.read", "spring.batch.item.process");

    @Bean(initMethod = "start", destroyMethod = "stop")
    MetricsEndpoint metricsEndpoint(PrometheusMeterRegistry meterRegistry,
            @Value("${BENEFITS_METRICS_PORT:}") String port) {
        return new MetricsEndpoint(meterRegistry, port == null || port.isBlank() ? -1 : Integer.parseInt(port));
    }
}
