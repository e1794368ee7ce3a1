package kz.orleu.benefits.console;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of {@code benefits console}.
 *
 * @param users the users file, {@code BENEFITS_CONSOLE_USERS}
 * @param rejectsPageSize rejected rows per page
 */
@ConfigurationProperties("benefits.console")
public record ConsoleProperties(Path users, Integer rejectsPageSize) {

    public ConsoleProperties {
        rejectsPageSize = rejectsPageSize == null ? 50 : rejectsPageSize;
    }
}
