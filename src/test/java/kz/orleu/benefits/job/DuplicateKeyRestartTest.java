package kz.orleu.benefits.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import kz.orleu.benefits.support.LauncherRun;
import kz.orleu.benefits.support.Sql;
import kz.orleu.benefits.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ingest step restarted mid-file still sees a key repeated across the point it resumes at: its duplicate-key
 * screen starts from the keys staged before that point, so the exact check is not skipped and the run rejects what
 * an uninterrupted run rejects.
 */
class DuplicateKeyRestartTest {

    private static final List<String> COUNTED_TYPES = List.of("WAGE", "SELF_EMPLOYMENT", "SUBSIDIARY_FARMING",
            "PENSION", "DISABILITY_BENEFIT", "UNEMPLOYMENT_BENEFIT", "ALIMONY", "SCHOLARSHIP", "CHILD_BENEFIT",
            "OTHER");

    @TempDir
    static Path work;

    @AfterEach
    void disarm() {
        FaultInjection.disarm();
    }

    @Test
    void aKeyRepeatedAfterTheRestartPointOfARowStagedBeforeItIsADuplicate() throws Exception {
        Path input = inputWithARepeatedIncome();
        String uninterrupted = TestDatabase.freshDatabase("duplicate_keys_uninterrupted");
        assertThat(run(uninterrupted, "uninterrupted", input)).isZero();

        String db = TestDatabase.freshDatabase("duplicate_keys_restarted");
        // chunks of 10 rows: lines 2-11 are committed, the write of lines 12-21 fails
        FaultInjection.arm("ingestIncomes", 2);
        assertThat(run(db, "restarted", input)).as("the injected fault fails the run").isEqualTo(1);
        assertThat(screened(db)).as("the failed step left no answer for its file").containsExactly(
                "families.csv false", "members.csv false");
        long failed = Long.parseLong(Sql.text(db, "select max(job_execution_id) from batch_job_execution"));
        assertThat(LauncherRun.run(db, "restart", Long.toString(failed)).exitCode()).isZero();

        assertThat(Sql.text(db, """
                select read_count from batch_step_execution
                 where step_name = 'ingestIncomes' and job_execution_id <> %d""".formatted(failed)))
                .as("the restarted step read on from line 12").isEqualTo("20");
        assertThat(rejects(db)).isEqualTo(rejects(uninterrupted))
                .containsExactly("incomes.csv 27 DUPLICATE_KEY", "incomes.csv 3 NEGATIVE_AMOUNT");
        assertThat(screened(db)).isEqualTo(screened(uninterrupted)).containsExactly("contracts.csv false",
                "families.csv false", "incomes.csv true", "members.csv false", "monitoring.csv false",
                "obligations.csv false");
    }

    /**
     * The base quarter of the bad-input corpus with 30 incomes of one member (ten types, three months), line 3
     * rejected (a negative amount, its key still staged) and its key again on line 27.
     */
    private static Path inputWithARepeatedIncome() throws Exception {
        Path base = Path.of(DuplicateKeyRestartTest.class.getResource("/bad-input/base").toURI());
        Path input = Files.createDirectories(work.resolve("input"));
        try (Stream<Path> files = Files.list(base)) {
            for (Path file : files.toList()) {
                Files.copy(file, input.resolve(file.getFileName()));
            }
        }
        List<String> keys = new ArrayList<>();
        for (String type : COUNTED_TYPES) {
            for (int month = 1; month <= 3; month++) {
                keys.add("F1,800101310003,2016-0" + month + "," + type);
            }
        }
        StringBuilder incomes = new StringBuilder("family_id,iin,month,income_type,amount\n");
        for (int line = 2; line <= 31; line++) {
            String key = line == 27 ? keys.get(1) : keys.get(line - 2);
            incomes.append(key).append(line == 3 ? ",-100" : ",1000").append('\n');
        }
        Files.writeString(input.resolve("incomes.csv"), incomes);
        return input;
    }

    private static int run(String db, String name, Path input) {
        return LauncherRun.run(db, "run", "--quarter", "2016Q2", "--input", input.toString(), "--output",
                work.resolve(name).toString()).exitCode();
    }

    private static List<String> rejects(String db) throws SQLException {
        return Sql.strings(db, "select file || ' ' || line || ' ' || reason from reject order by 1");
    }

    private static List<String> screened(String db) throws SQLException {
        return Sql.strings(db, "select file || ' ' || duplicates_possible from duplicate_key_screen order by 1");
    }
}
