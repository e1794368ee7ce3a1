package kz.orleu.benefits.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import kz.orleu.benefits.generator.GeneratorOptions;
import kz.orleu.benefits.generator.QuarterGenerator;
import kz.orleu.benefits.support.LauncherRun;
import kz.orleu.benefits.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's yardstick does the job's central work, or its ratio would flatter the job: on a clean generated
 * quarter and a fresh history (so no contract can reach its second failure and be terminated, the one rule the
 * yardstick leaves out), it pays to the tenge what the job pays, per benefit. Lives with the product's tests
 * because it needs the job and a database; the benchmark module itself links to neither.
 */
class YardstickTest {

    @TempDir
    Path work;

    @Test
    void onACleanQuarterWithoutHistoryTheYardstickPaysWhatTheJobPays() throws Exception {
        Path input = work.resolve("2016Q1");
        QuarterGenerator.generate(GeneratorOptions.of(500, "2016Q1", 42, input));
        String db = TestDatabase.freshDatabase("yardstick");
        assertThat(LauncherRun.run(db, "run", "--quarter", "2016Q2", "--input", input.toString(), "--output",
                work.resolve("out").toString()).exitCode()).isZero();

        try (Connection connection = DriverManager.getConnection(db, TestDatabase.user(), TestDatabase.password())) {
            Yardstick.Result yardstick = new Yardstick(connection, input, Path.of("src/main/resources/reference"))
                    .run(LocalDate.of(2016, 4, 1), "2016Q1");

            Map<String, BigDecimal> job = new TreeMap<>();
            try (ResultSet rs = connection.createStatement()
                    .executeQuery("select benefit, sum(amount) from payment group by benefit")) {
                while (rs.next()) {
                    job.put(rs.getString(1), rs.getBigDecimal(2));
                }
            }
            assertThat(job).containsOnlyKeys("ASP", "CCA").allSatisfy((benefit, paid) -> assertThat(paid)
                    .isPositive().isEqualByComparingTo(yardstick.paidByBenefit().get(benefit)));
            assertThat(yardstick.rowsCopied()).as("the five files and three reference files").isGreaterThan(500);
            try (ResultSet rs = connection.createStatement()
                    .executeQuery("select count(*) from pg_namespace where nspname = 'yardstick'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("its schema is dropped").isZero();
            }
        }
    }
}
