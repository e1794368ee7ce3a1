package kz.orleu.benefits.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kz.orleu.benefits.support.CsvFiles;
import kz.orleu.benefits.support.LauncherRun;
import kz.orleu.benefits.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped rule rows of the two reforms ({@code domain.md}, "Rules change over time"), read by the job itself:
 * 2018, a single ASP at 50 % of the subsistence minimum; April 2019, 70 % and CHILD_BENEFIT no longer counted.
 * The same two families (src/test/resources/reforms) run as 2018Q2 and as 2019Q2 with the shipped reference
 * files only; the shipped subsistence minimum is 28,284.00 for 2018Q1 and 29,698.00 for 2019Q1 in Zhambyl (31).
 * R1: 5 members, wages 60,000 and child benefit 8,000 a month. R2: 4 members, wages 50,000 and child benefit
 * 10,000 a month.
 */
class ShippedReformsTest {

    @TempDir
    static Path out;
    static Map<String, Map<String, String>> quarter2018;
    static Map<String, Map<String, String>> quarter2019;

    @BeforeAll
    static void runBothQuarters() throws URISyntaxException {
        String db = TestDatabase.freshDatabase("shipped_reforms");
        assertThat(run(db, "2018Q2", "2018Q1")).isZero();
        assertThat(run(db, "2019Q2", "2019Q1")).isZero();
        quarter2018 = entitlements("2018Q2");
        quarter2019 = entitlements("2019Q2");
    }

    @Test
    void in2018TheSingleAspLineIsHalfTheSubsistenceMinimumAndChildBenefitStillCounts() {
        // line 28,284.00 × 0.50 = 14,142.00; R1 counted (60,000 + 8,000) × 3 = 204,000 → 204,000 / 15 = 13,600.00
        // → (14,142.00 − 13,600.00) × 5 = 2,710 a month, 8,130 in the quarter
        assertThat(quarter2018.get("R1")).containsEntry("asp_line", "14142.00").containsEntry("cca_line", "14142.00")
                .containsEntry("counted_income", "204000.00").containsEntry("per_capita_income", "13600.00")
                .containsEntry("benefit", "ASP").containsEntry("decision", "ASP")
                .containsEntry("monthly_amount", "2710").containsEntry("quarter_amount", "8130");
        // R2 counted (50,000 + 10,000) × 3 = 180,000 → 180,000 / 12 = 15,000.00, not below 14,142.00
        assertThat(quarter2018.get("R2")).containsEntry("counted_income", "180000.00")
                .containsEntry("per_capita_income", "15000.00").containsEntry("benefit", "NONE")
                .containsEntry("decision", "ABOVE_LINE").containsEntry("quarter_amount", "0");
    }

    @Test
    void fromApril2019TheLineIsSeventyPercentAndChildBenefitIsNotCounted() {
        // line 29,698.00 × 0.70 = 20,788.60; R1 counted 60,000 × 3 = 180,000 → 180,000 / 15 = 12,000.00
        // → (20,788.60 − 12,000.00) × 5 = 43,943.00 → 43,943 a month, 131,829 in the quarter
        assertThat(quarter2019.get("R1")).containsEntry("asp_line", "20788.60")
                .containsEntry("counted_income", "180000.00").containsEntry("per_capita_income", "12000.00")
                .containsEntry("benefit", "ASP").containsEntry("monthly_amount", "43943")
                .containsEntry("quarter_amount", "131829");
        // R2 counted 50,000 × 3 = 150,000 → 150,000 / 12 = 12,500.00 → (20,788.60 − 12,500.00) × 4 = 33,154.40
        // → 33,154 a month, 99,462 in the quarter: a family above the 2018 line is paid once child benefit stops
        // counting
        assertThat(quarter2019.get("R2")).containsEntry("counted_income", "150000.00")
                .containsEntry("per_capita_income", "12500.00").containsEntry("benefit", "ASP")
                .containsEntry("monthly_amount", "33154").containsEntry("quarter_amount", "99462");
    }

    private static int run(String db, String benefitQuarter, String incomeQuarter) throws URISyntaxException {
        Path input = Path.of(ShippedReformsTest.class.getResource("/reforms/" + incomeQuarter + "/families.csv")
                .toURI()).getParent();
        return LauncherRun.run(db, "run", "--quarter", benefitQuarter, "--input", input.toString(), "--output",
                out.toString()).exitCode();
    }

    private static Map<String, Map<String, String>> entitlements(String quarter) {
        Map<String, Map<String, String>> rows = new TreeMap<>();
        List<Map<String, String>> read = CsvFiles.read(out.resolve(quarter).resolve("entitlements.csv"));
        read.forEach(r -> rows.put(r.get("family_id"), r));
        return rows;
    }
}
