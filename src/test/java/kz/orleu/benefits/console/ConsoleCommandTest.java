package kz.orleu.benefits.console;

import static org.assertj.core.api.Assertions.assertThat;

import kz.orleu.benefits.support.LauncherRun;
import kz.orleu.benefits.support.TestDatabase;
import org.junit.jupiter.api.Test;

/** {@code ops/benefits console} on the command line: what it refuses before serving anything. */
class ConsoleCommandTest {

    @Test
    void theConsoleWithoutAUsersFileStopsWithExitTwoAndSaysWhatToSet() {
        LauncherRun.Result result = LauncherRun.run(TestDatabase.freshDatabase("console_command"), "console",
                "--port", "0");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("BENEFITS_CONSOLE_USERS").doesNotContain("\tat ");
    }

    @Test
    void aPortThatIsNoPortIsABadArgument() {
        LauncherRun.Result result = LauncherRun.run(TestDatabase.freshDatabase("console_port"), "console",
                "--port", "http");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).isEqualTo("benefits: --port must be a TCP port, 1 to 65535 (0: any free one): http\n");
    }
}
