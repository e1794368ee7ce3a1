package kz.orleu.benefits.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import kz.orleu.benefits.cli.Command;
import kz.orleu.benefits.cli.UsageException;
import org.junit.jupiter.api.Test;

class PartitionOptionsTest {

    private static final String FOLDER = System.getProperty("java.io.tmpdir");

    @Test
    void theRunCommandTakesPartitionsAndRemoteWorkers() {
        Command.Run run = run("--partitions", "16", "--workers", "remote");
        assertThat(run.partitions()).isEqualTo(16);
        assertThat(run.remoteWorkers()).isTrue();
        Command.Run plain = run();
        assertThat(plain.partitions()).as("one per core, decided when the step runs").isNull();
        assertThat(plain.remoteWorkers()).isFalse();
        assertThat(run("--workers", "local").remoteWorkers()).isFalse();
    }

    @Test
    void theRunCommandRefusesPartitionCountsOutsideOneTo1024AndUnknownWorkers() {
        for (String bad : new String[] {"0", "-2", "1025", "two", ""}) {
            assertThatThrownBy(() -> run("--partitions", bad)).as(bad).isInstanceOf(UsageException.class)
                    .hasMessageContaining("--partitions");
        }
        assertThatThrownBy(() -> run("--workers", "cloud")).isInstanceOf(UsageException.class)
                .hasMessageContaining("--workers");
    }

    @Test
    void theWorkerCommandTakesOnlyTheDatabase() {
        assertThat(Command.parse("worker", "--db-url", "jdbc:postgresql://db/benefits"))
                .isEqualTo(new Command.Worker(new Command.Common("jdbc:postgresql://db/benefits")));
        assertThatThrownBy(() -> Command.parse("worker", "--partitions", "2")).isInstanceOf(UsageException.class);
    }

    private static Command.Run run(String... options) {
        List<String> args = new ArrayList<>(List.of("run", "--quarter", "2016Q2", "--input", FOLDER, "--output",
                FOLDER));
        args.addAll(List.of(options));
        return (Command.Run) Command.parse(args.toArray(String[]::new));
    }
}
