package kz.orleu.benefits.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import kz.orleu.benefits.job.FaultInjection;
import kz.orleu.benefits.support.Examples;
import kz.orleu.benefits.support.LauncherRun;
import kz.orleu.benefits.support.Sql;
import kz.orleu.benefits.support.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A database as an administrator finds it on a bad morning: the examples' 2016Q2 run failed in
 * computeEntitlements (after its rows were read and some rejected), and a users file with one operator and one
 * viewer ({@code {noop}} passwords, as the users file accepts for tests).
 */
final class ConsoleFixture {

    static final String OPERATOR = "aigerim";
    static final String VIEWER = "daulet";
    static final String PASSWORD = "s3cret-pass";
    /** The README's example line: password change-me. */
    static final String BCRYPT_USER = "aliya";
    static final String BCRYPT_HASH = "{bcrypt}$2a$10$yS8DLCKsO6MusUz3emm41.ZWA4e.aKDcM33gDI1z/16rSJmCKUUWi";

    final String db;
    final long failedExecution;
    final Path users;
    final Path output;

    private ConsoleFixture(String db, long failedExecution, Path users, Path output) {
        this.db = db;
        this.failedExecution = failedExecution;
        this.users = users;
        this.output = output;
    }

    static ConsoleFixture failedRun(String purpose) {
        try {
            String db = TestDatabase.freshDatabase(purpose);
            Path work = Files.createTempDirectory("console-" + purpose);
            Path output = work.resolve("out");
            FaultInjection.arm("computeEntitlements", 1);
            try {
                int exit = LauncherRun.run(db, "run", "--quarter", "2016Q2", "--input",
                        Examples.input("2016Q1").toString(), "--output", output.toString()).exitCode();
                if (exit != 1) {
                    throw new IllegalStateException("the fixture's run should have failed, exit " + exit);
                }
            } finally {
                FaultInjection.disarm();
            }
            long id = Long.parseLong(Sql.text(db, "select max(job_execution_id) from batch_job_execution"));
            Path users = work.resolve("console-users");
            Files.writeString(users, "# the console's users\n" + OPERATOR + ":{noop}" + PASSWORD + ":OPERATOR\n"
                    + VIEWER + ":{noop}" + PASSWORD + ":VIEWER\n"
                    + BCRYPT_USER + ":" + BCRYPT_HASH + ":VIEWER\n", StandardCharsets.UTF_8);
            return new ConsoleFixture(db, id, users, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void register(DynamicPropertyRegistry registry) {
        registry.add("benefits.db-url", () -> db);
        registry.add("benefits.db-user", TestDatabase::user);
        registry.add("benefits.db-password", TestDatabase::password);
        registry.add("benefits.chunk-size", () -> "10");
        registry.add("benefits.console.users", users::toString);
    }

    /** The last names of the examples' members: none may reach a viewer. */
    static List<String> memberNames() {
        try {
            return Files.readAllLines(Examples.input("2016Q1").resolve("members.csv"), StandardCharsets.UTF_8)
                    .stream().skip(1).map(line -> line.split(",")).filter(f -> f.length > 3)
                    .flatMap(f -> java.util.stream.Stream.of(f[2], f[3])).filter(n -> n.length() > 2).distinct()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String audit() {
        try {
            return String.join("\n", Sql.strings(db,
                    "select username || ' ' || action || ' ' || coalesce(execution_id::text, quarter) || ' ' || outcome"
                            + " from console_audit order by audit_id"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
