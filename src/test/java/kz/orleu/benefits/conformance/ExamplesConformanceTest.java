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
 * both quarters through the real job, in order, on a fresh database, compared as the examples' README says.
 * No family is excluded.
 */
class ExamplesConformanceTest {

    @TempDir
    static Path out;

    @BeforeAll
    static void runBothQuartersInOrder() {
        String db = TestDatabase.freshDatabase("conformance");
        assertThat(LauncherRun.run(db, "run", "--quarter", "2016Q2", "--input", Examples.input("2016Q1").toString(),
                "--output", out.toString()).exitCode()).isZero();
        assertThat(LauncherRun.run(db, "run", "--quarter", "2016Q3", "--input", Examples.input("2016Q2").toString(),
                "--output", out.toString()).exitCode()).isZero();
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

    /** Numbers compare as decimals: 28000, 28000.0 and 28000.00 are equal. */
    private static String number(String value) {
        return value == null || value.isEmpty() ? "" : new BigDecimal(value).stripTrailingZeros().toPlainString();
    }
}
