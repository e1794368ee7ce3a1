package kz.orleu.benefits.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import kz.orleu.benefits.support.CsvFiles;
import kz.orleu.benefits.support.Examples;
import kz.orleu.benefits.support.LauncherRun;
import kz.orleu.benefits.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worked examples of the rule book ({@code src/test/resources/examples}, a copy of {@code shared/examples}):
 * both quarters through the real job, in order, on a fresh database, then 2016Q2 again from the corrected 2016Q1
 * (a correction, after 2016Q3), compared as the examples' README says.
 * No family is excluded.
 */
class ExamplesConformanceTest {

    @TempDir
    static Path out;

    /** The output of the third run, 2016Q2 again from the corrected 2016Q1 (its own folder, to keep the first). */
    @TempDir
    static Path corrected;

    @BeforeAll
    static void runTheThreeRunsInOrder() {
        String db = TestDatabase.freshDatabase("conformance");
        assertThat(LauncherRun.run(db, "run", "--quarter", "2016Q2", "--input", Examples.input("2016Q1").toString(),
                "--output", out.toString()).exitCode()).isZero();
        assertThat(LauncherRun.run(db, "run", "--quarter", "2016Q3", "--input", Examples.input("2016Q2").toString(),
                "--output", out.toString()).exitCode()).isZero();
        assertThat(LauncherRun.run(db, "run", "--quarter", "2016Q2", "--input",
                Examples.input("2016Q1-corrected").toString(), "--output", corrected.toString()).exitCode()).isZero();
    }

    @Test
    void correctedEntitlementsOf2016Q2MatchFamilyByFamilyWithoutTheChange() {
        Map<String, String> expected = withoutChange(byFamily(Examples.expected("2016Q2-corrected")
                .resolve("entitlements.csv")));
        assertThat(withoutChange(byFamily(corrected.resolve("2016Q2").resolve("entitlements.csv"))))
                .containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void correctedPaymentsOf2016Q2MatchFamilyByFamily() {
        assertThat(payments(corrected.resolve("2016Q2").resolve("payments.csv"))).containsExactlyInAnyOrderEntriesOf(
                payments(Examples.expected("2016Q2-corrected").resolve("payments.csv")));
    }

    @Test
    void adjustmentsOfTheCorrected2016Q2MatchRowForRowOnTheirEightColumns() {
        assertThat(adjustments(corrected.resolve("2016Q2").resolve("adjustments.csv")))
                .isEqualTo(adjustments(Examples.expected("2016Q2-corrected").resolve("adjustments.csv")));
    }

    @Test
    void adjustmentsNameTheVersionTheyCompare() {
        assertThat(CsvFiles.read(corrected.resolve("2016Q2").resolve("adjustments.csv")))
                .allSatisfy(r -> assertThat(r).containsEntry("version_before", "1").containsEntry("version_now", "2"));
    }

    @Test
    void heldFamiliesHaveNoAdjustmentRowAndAnAdjustmentHeldWarning() {
        Set<String> held = CsvFiles.read(Examples.expected("2016Q2-corrected").resolve("held.csv")).stream()
                .map(r -> r.get("family_id")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(held).isNotEmpty();
        Set<String> adjusted = CsvFiles.read(corrected.resolve("2016Q2").resolve("adjustments.csv")).stream()
                .map(r -> r.get("family_id")).collect(Collectors.toSet());
        assertThat(adjusted).doesNotContainAnyElementsOf(held);
        assertThat(warnings(corrected.resolve("2016Q2"), "ADJUSTMENT_HELD")).isEqualTo(held);
    }

    @Test
    void theCorrectionNames2016Q3AsAStaleLaterQuarter() {
        assertThat(warnings(corrected.resolve("2016Q2"), "STALE_LATER_QUARTER")).containsExactly("2016Q3");
    }

    @Test
    void perFamilyTheDeltasAddUpToTheDifferenceOfTheQuarterAmounts() {
        Map<String, BigDecimal> before = quarterAmounts(out.resolve("2016Q2").resolve("entitlements.csv"));
        Map<String, BigDecimal> now = quarterAmounts(corrected.resolve("2016Q2").resolve("entitlements.csv"));
        Map<String, BigDecimal> deltas = CsvFiles.read(corrected.resolve("2016Q2").resolve("adjustments.csv"))
                .stream().collect(Collectors.groupingBy(r -> r.get("family_id"), TreeMap::new,
                        Collectors.reducing(BigDecimal.ZERO, r -> new BigDecimal(r.get("delta")), BigDecimal::add)));
        assertThat(deltas).isNotEmpty();
        deltas.forEach((family, delta) -> assertThat(delta).as(family)
                .isEqualByComparingTo(now.get(family).subtract(before.getOrDefault(family, BigDecimal.ZERO))));
    }

    @Test
    void entitlementsOf2016Q2MatchFamilyByFamily() {
        assertEntitlements("2016Q2");
    }

    @Test
    void entitlementsOf2016Q3MatchFamilyByFamily() {
        assertEntitlements("2016Q3");
    }

    @Test
    void paymentsOf2016Q2MatchFamilyByFamily() {
        assertPayments("2016Q2");
    }

    @Test
    void paymentsOf2016Q3MatchFamilyByFamily() {
        assertPayments("2016Q3");
    }

    @Test
    void sanctionsOf2016Q2Match() {
        assertSanctions("2016Q2");
    }

    @Test
    void sanctionsOf2016Q3Match() {
        assertSanctions("2016Q3");
    }

    @Test
    void rejectsOf2016Q2Match() {
        assertRejects("2016Q2");
    }

    @Test
    void rejectsOf2016Q3Match() {
        assertRejects("2016Q3");
    }

    private static void assertEntitlements(String quarter) {
        Map<String, String> expected = byFamily(Examples.expected(quarter).resolve("entitlements.csv"));
        Map<String, String> actual = byFamily(out.resolve(quarter).resolve("entitlements.csv"));
        assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
    }

    private static Map<String, String> byFamily(Path file) {
        Map<String, String> rows = new TreeMap<>();
        for (Map<String, String> row : CsvFiles.read(file)) {
            rows.put(row.get("family_id"), row.get("benefit") + " " + row.get("decision") + " "
                    + number(row.get("monthly_amount")) + " " + number(row.get("quarter_amount")) + " "
                    + row.get("change"));
        }
        return rows;
    }

    private static void assertPayments(String quarter) {
        assertThat(payments(out.resolve(quarter).resolve("payments.csv")))
                .containsExactlyInAnyOrderEntriesOf(payments(Examples.expected(quarter).resolve("payments.csv")));
    }

    private static Map<String, Set<String>> payments(Path file) {
        return CsvFiles.read(file).stream().collect(Collectors.groupingBy(r -> r.get("family_id"), TreeMap::new,
                Collectors.mapping(r -> r.get("month") + " " + r.get("benefit") + " " + number(r.get("amount"))
                        + " " + r.get("kind"), Collectors.toCollection(TreeSet::new))));
    }

    private static void assertSanctions(String quarter) {
        assertThat(sanctions(out.resolve(quarter).resolve("compliance.csv")))
                .isEqualTo(sanctions(Examples.expected(quarter).resolve("compliance.csv")));
    }

    private static Set<String> sanctions(Path file) {
        return CsvFiles.read(file).stream()
                .map(r -> r.get("contract_id") + " " + r.get("sanction") + " " + number(r.get("failure_number")))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static void assertRejects(String quarter) {
        assertThat(rejects(out.resolve(quarter).resolve("rejects.csv")))
                .isEqualTo(rejects(Examples.expected(quarter).resolve("rejects.csv")));
    }

    private static Set<String> rejects(Path file) {
        List<Map<String, String>> rows = CsvFiles.read(file);
        return rows.stream().map(r -> r.get("file") + ":" + r.get("line"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, String> withoutChange(Map<String, String> rows) {
        Map<String, String> stripped = new TreeMap<>();
        rows.forEach((family, row) -> stripped.put(family, row.substring(0, row.lastIndexOf(' '))));
        return stripped;
    }

    /** The eight compared columns of each row; the two version columns are not compared. */
    private static List<String> adjustments(Path file) {
        return CsvFiles.read(file).stream()
                .map(r -> r.get("family_id") + " " + r.get("month") + " " + r.get("benefit_before") + " "
                        + number(r.get("amount_before")) + " " + r.get("benefit_now") + " "
                        + number(r.get("amount_now")) + " " + number(r.get("delta")) + " " + r.get("kind"))
                .sorted().toList();
    }

    private static Set<String> warnings(Path folder, String reason) {
        return CsvFiles.read(folder.resolve("warnings.csv")).stream().filter(r -> reason.equals(r.get("reason")))
                .map(r -> r.get("value")).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, BigDecimal> quarterAmounts(Path entitlements) {
        Map<String, BigDecimal> amounts = new TreeMap<>();
        for (Map<String, String> row : CsvFiles.read(entitlements)) {
            amounts.put(row.get("family_id"), new BigDecimal(row.get("quarter_amount")));
        }
        return amounts;
    }

    /** Numbers compare as decimals: 28000, 28000.0 and 28000.00 are equal. */
    private static String number(String value) {
        return value == null || value.isEmpty() ? "" : new BigDecimal(value).stripTrailingZeros().toPlainString();
    }
}
