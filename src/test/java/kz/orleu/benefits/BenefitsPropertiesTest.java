package kz.orleu.benefits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The settings an operator gives in the environment reach the job under the names the runbook documents. */
class BenefitsPropertiesTest {

    @Test
    void theDatabaseWaitComesFromTheEnvironmentAndIsTenSecondsWithout() {
        assertThat(bind(Map.of("BENEFITS_DB_WAIT", "1500ms")).dbWait()).isEqualTo(Duration.ofMillis(1500));
        assertThat(bind(Map.of("BENEFITS_DB_WAIT", "3s")).dbWait()).isEqualTo(Duration.ofSeconds(3));
        assertThat(bind(Map.of("BENEFITS_DB_URL", "jdbc:postgresql://db/benefits")).dbWait())
                .isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void theChunkSizeIsTwentyThousandRowsUnlessSet() {
        assertThat(bind(Map.of()).chunkSize()).isEqualTo(20_000);
        assertThat(bind(Map.of("BENEFITS_CHUNK_SIZE", "500")).chunkSize()).isEqualTo(500);
    }

    private static BenefitsProperties bind(Map<String, Object> environment) {
        StandardEnvironment spring = new StandardEnvironment();
        MutablePropertySources sources = spring.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        sources.addFirst(new SystemEnvironmentPropertySource("environment", environment));
        ConfigurationPropertySources.attach(spring);
        return Binder.get(spring).bindOrCreate("benefits", BenefitsProperties.class);
    }
}
