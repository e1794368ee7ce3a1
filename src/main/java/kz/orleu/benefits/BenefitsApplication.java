package kz.orleu.benefits;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The quarterly recalculation of ASP and Orleu CCA; started by {@link kz.orleu.benefits.cli.Launcher}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BenefitsApplication {
}
