package kz.orleu.benefits.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kz.orleu.benefits.support.CsvFiles;
import kz.orleu.benefits.support.Examples;
import kz.orleu.benefits.support.LauncherRun;
import kz.orleu.benefits.support.Sql;
import kz.orleu.benefits.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Results over time: versions of a quarter, the sanction ladder across runs, and the payment file agreeing with
 * the entitlements, on the worked examples and the sample data.
 */
class QuarterHistoryTest {

    @TempDir
    Path work;

    @Test
    void reRunningTheFirstQuarterDoesNotTurnItsWarningIntoASecondFailure() throws SQLException {
        String db = TestDatabase.freshDatabase("history_ladder");
        Path out = work.resolve("out");
        run(db, "2016Q2", Examples.input("2016Q1"), out);
        run(db, "2016Q2", Examples.input("2016Q1"), out);
        // F000018's contract C00007 failed in the income quarter 2016Q1: the re-run replaces that failure.
        assertThat(sanction(out, "2016Q2", "C00007")).isEqualTo("WARNING 1");
        assertThat(Sql.text(db, "select string_agg(version::text, ',' order by version) from run where benefit_quarter = '2016Q2'"))
                .isEqualTo("1,2");

        run(db, "2016Q3", Examples.input("2016Q2"), out);
        // Second failure in 2016Q2's monitoring: terminated, no CCA from July, ASP rules from then on.
        assertThat(sanction(out, "2016Q3", "C00007")).isEqualTo("TERMINATED 2");
        Map<String, String> f18 = entitlement(out, "2016Q3", "F000018");
        assertThat(f18.get("decision")).isEqualTo("ASP_CONTRACT_TERMINATED");
        assertThat(f18.get("benefit")).isEqualTo("ASP");
        assertThat(payments(out, "2016Q3", "F000018")).containsExactly("2016-07 ASP 31387 MONTHLY",
                "2016-08 ASP 31387 MONTHLY", "2016-09 ASP 31387 MONTHLY");

        // Running 2016Q3 again counts the same history: still the second failure, not a third.
        run(db, "2016Q3", Examples.input("2016Q2"), out);
        assertThat(sanction(out, "2016Q3", "C00007")).isEqualTo("TERMINATED 2");
    }

    @Test
    void aTerminationPersistsInLaterQuartersAlthoughTheInputStillSaysActive() throws Exception {
        String db = TestDatabase.freshDatabase("history_persist");
        Path out = work.resolve("out");
        run(db, "2016Q2", Examples.input("2016Q1"), out);
        run(db, "2016Q3", Examples.input("2016Q2"), out);
        // 2016Q4 from the same families a quarter later: C00007 (2016-01..2016-12, ACTIVE in the input) stays
        // terminated, so F000018 is not paid CCA and is not judged again.
        Path q3 = work.resolve("2016Q3-input");
        copyShiftingMonths(Examples.input("2016Q2"), q3);
        run(db, "2016Q4", q3, out);
        assertThat(entitlement(out, "2016Q4", "F000018").get("decision")).isEqualTo("ASP_CONTRACT_TERMINATED");
        assertThat(CsvFiles.read(out.resolve("2016Q4").resolve("compliance.csv")))
                .noneMatch(r -> r.get("contract_id").equals("C00007"));
    }

    @Test
    void aCorrectedReRunMakesANewVersionAndTheNextQuarterComparesWithIt() throws Exception {
        String db = TestDatabase.freshDatabase("history_versions");
        Path out = work.resolve("out");
        run(db, "2016Q2", Examples.input("2016Q1"), out);
        assertThat(entitlement(out, "2016Q2", "F000015").get("decision")).isEqualTo("INCOMPLETE_DATA");

        // The department corrects F000015's amount "12,50" to 12.50: a new version, the old one kept.
        Path corrected = work.resolve("2016Q1-corrected");
        Files.createDirectories(corrected);
        for (Path file : Files.list(Examples.input("2016Q1")).toList()) {
            Files.copy(file, corrected.resolve(file.getFileName()));
        }
        Path incomes = corrected.resolve("incomes.csv");
        Files.writeString(incomes, Files.readString(incomes).replace("\"12,50\"", "12.50"));
        run(db, "2016Q2", corrected, out);
        assertThat(entitlement(out, "2016Q2", "F000015").get("decision")).isEqualTo("ASP");
        assertThat(Sql.text(db, "select count(*) from entitlement where family_id = 'F000015'")).isEqualTo("2");

        run(db, "2016Q3", Examples.input("2016Q2"), out);
        Map<String, String> f15 = entitlement(out, "2016Q3", "F000015");
        assertThat(f15.get("previous_benefit")).as("compared with the corrected version").isEqualTo("ASP");
        assertThat(f15.get("change")).isIn("CHANGED", "UNCHANGED");
    }

    @Test
    void paymentsAddUpToTheQuarterAmountsPerRegionAndOverall() {
        String db = TestDatabase.freshDatabase("history_sums");
        Path out = work.resolve("out");
        Path sample = Path.of("sample-data");
        run(db, "2016Q2", sample.resolve("2016Q1"), out);
        run(db, "2016Q3", sample.resolve("2016Q2"), out);
        for (String quarter : List.of("2016Q2", "2016Q3")) {
            List<Map<String, String>> entitlements = CsvFiles.read(out.resolve(quarter).resolve("entitlements.csv"));
            Map<String, String> regionOf = new TreeMap<>();
            Map<String, BigDecimal> expected = new TreeMap<>();
            for (Map<String, String> e : entitlements) {
                regionOf.put(e.get("family_id"), e.get("region_code"));
                expected.merge(e.get("region_code"), new BigDecimal(e.get("quarter_amount")), BigDecimal::add);
            }
            Map<String, BigDecimal> paid = new TreeMap<>();
            for (Map<String, String> p : CsvFiles.read(out.resolve(quarter).resolve("payments.csv"))) {
                paid.merge(regionOf.get(p.get("family_id")), new BigDecimal(p.get("amount")), BigDecimal::add);
            }
            expected.replaceAll((region, amount) -> amount.stripTrailingZeros());
            paid.replaceAll((region, amount) -> amount.stripTrailingZeros());
            expected.entrySet().removeIf(e -> e.getValue().signum() == 0 && !paid.containsKey(e.getKey()));
            assertThat(paid).as("payments per region of " + quarter).isEqualTo(expected);
            assertThat(paid.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo(expected.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isPositive();
        }
        // A few families end to end (see sample-data/README.md).
        assertThat(entitlement(out, "2016Q2", "F0000001")).containsEntry("decision", "ASP")
                .containsEntry("monthly_amount", "28000").containsEntry("change", "NEW");
        assertThat(entitlement(out, "2016Q2", "F0000004")).containsEntry("decision", "CCA_LUMP_SUM");
        assertThat(entitlement(out, "2016Q3", "F0000012")).containsEntry("decision", "ASP_CONTRACT_TERMINATED");
        assertThat(entitlement(out, "2016Q3", "F0000002")).containsEntry("decision", "CCA_CANDIDATE")
                .containsEntry("change", "STOPPED");
    }

    private static void run(String db, String quarter, Path input, Path out) {
        assertThat(LauncherRun.run(db, "run", "--quarter", quarter, "--input", input.toString(), "--output",
                out.toString()).exitCode()).as("run of " + quarter).isZero();
    }

    private static String sanction(Path out, String quarter, String contract) {
        return CsvFiles.read(out.resolve(quarter).resolve("compliance.csv")).stream()
                .filter(r -> r.get("contract_id").equals(contract))
                .map(r -> r.get("sanction") + " " + r.get("failure_number")).distinct()
                .reduce((a, b) -> a + " / " + b).orElse("none");
    }

    private static Map<String, String> entitlement(Path out, String quarter, String family) {
        return CsvFiles.read(out.resolve(quarter).resolve("entitlements.csv")).stream()
                .filter(r -> r.get("family_id").equals(family)).findFirst().orElseThrow();
    }

    private static List<String> payments(Path out, String quarter, String family) {
        return CsvFiles.read(out.resolve(quarter).resolve("payments.csv")).stream()
                .filter(r -> r.get("family_id").equals(family))
                .map(r -> r.get("month") + " " + r.get("benefit") + " " + r.get("amount") + " " + r.get("kind"))
                .sorted().toList();
    }

    /** The same families one quarter later: every month of 2016Q2 becomes the same month of 2016Q3. */
    private static void copyShiftingMonths(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (Path file : Files.list(from).toList()) {
            String text = Files.readString(file);
            if (file.getFileName().toString().equals("incomes.csv")
                    || file.getFileName().toString().equals("monitoring.csv")) {
                text = text.replace("2016-04", "2016-07").replace("2016-05", "2016-08").replace("2016-06", "2016-09");
            }
            if (file.getFileName().toString().equals("subsistence-minimum.csv")) {
                text = text + text.lines().filter(l -> l.contains("2016Q2")).map(l -> l.replace("2016Q2", "2016Q3"))
                        .reduce("", (a, b) -> a + b + "\n");
            }
            Files.writeString(to.resolve(file.getFileName()), text);
        }
    }
}
