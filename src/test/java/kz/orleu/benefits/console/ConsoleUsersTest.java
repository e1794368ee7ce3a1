package kz.orleu.benefits.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import kz.orleu.benefits.cli.UsageException;
import org.junit.jupiter.api.Test;

class ConsoleUsersTest {

    @Test
    void eachLineGivesAUserWithHisBcryptHashAndRole() {
        List<ConsoleUser> users = ConsoleUsers.parse(List.of("# admins", "",
                "aigerim:{bcrypt}$2a$10$dXJ3SW6G7P50lGmMkkmwe.20cQQubK3.HZWzG3YB1tlRy.fqvM/BG:OPERATOR",
                "daulet:{noop}test:VIEWER"), "users");
        assertThat(users).containsExactly(
                new ConsoleUser("aigerim", "{bcrypt}$2a$10$dXJ3SW6G7P50lGmMkkmwe.20cQQubK3.HZWzG3YB1tlRy.fqvM/BG",
                        ConsoleRole.OPERATOR),
                new ConsoleUser("daulet", "{noop}test", ConsoleRole.VIEWER));
    }

    @Test
    void aWrongLineStopsTheConsoleNamingTheLine() {
        assertThatThrownBy(() -> ConsoleUsers.parse(List.of("a:{noop}x:ADMIN"), "users"))
                .isInstanceOf(UsageException.class).hasMessageContaining("users line 1").hasMessageContaining("ADMIN");
        assertThatThrownBy(() -> ConsoleUsers.parse(List.of("a:plain:VIEWER"), "users"))
                .hasMessageContaining("{bcrypt}");
        assertThatThrownBy(() -> ConsoleUsers.parse(List.of("a:{noop}x:VIEWER", "a:{noop}y:OPERATOR"), "users"))
                .hasMessageContaining("line 2").hasMessageContaining("twice");
        assertThatThrownBy(() -> ConsoleUsers.read(null)).hasMessageContaining("BENEFITS_CONSOLE_USERS");
    }
}
