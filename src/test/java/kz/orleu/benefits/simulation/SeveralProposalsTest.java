package kz.orleu.benefits.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.orleu.benefits.support.CsvFiles;
import kz.orleu.benefits.support.Examples;
import kz.orleu.benefits.support.LauncherRun;
import kz.orleu.benefits.support.TestDatabase;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several proposals in one {@code simulate} (contracts.md, "Simulation"): a repeated option or a folder of
 * proposal folders gives one sub-folder and one group of sheets per proposal, each what that proposal simulated
 * alone gives.
 */
class SeveralProposalsTest {

    /** The 2018 reform brought forward to 2016Q2: ASP and CCA both at 50 %. */
    static final String ASP_50 = SimulationTest.PROPOSED_RULES
            .replace("asp_share,0.50,2016-04-01\ncca_share,0.70,2016-04-01", "asp_share,0.50,2016-04-01\n"
                    + "cca_share,0.50,2016-04-01");

    @TempDir
    static Path work;
    static Path alone;
    static Path byOption;
    static Path byFolder;

    @BeforeAll
    static void simulateTwoProposalsTogetherAndEachAlone() throws IOException {
        assertThat(ASP_50).isNotEqualTo(SimulationTest.PROPOSED_RULES);
        Path reform = work.resolve("reform-50-70.csv");
        Files.writeString(reform, SimulationTest.PROPOSED_RULES);
        Path flat = work.resolve("asp-50.csv");
        Files.writeString(flat, ASP_50);
        Path folder = work.resolve("proposals");
        Files.createDirectories(folder.resolve("reform-50-70"));
        Files.createDirectories(folder.resolve("asp-50"));
        Files.copy(reform, folder.resolve("reform-50-70").resolve("rules.csv"));
        Files.copy(flat, folder.resolve("asp-50").resolve("rules.csv"));

        String db = TestDatabase.freshDatabase("several_proposals");
        assertThat(simulate(db, work.resolve("alone"), "--rules", reform.toString())).isZero();
        assertThat(simulate(db, work.resolve("by-option"), "--rules", reform.toString(), "--rules", flat.toString()))
                .isZero();
        assertThat(simulate(db, work.resolve("by-folder"), "--proposals", folder.toString())).isZero();
        alone = work.resolve("alone").resolve("2016Q2-simulation");
        byOption = work.resolve("by-option").resolve("2016Q2-simulation");
        byFolder = work.resolve("by-folder").resolve("2016Q2-simulation");
    }

    @Test
    void eachProposalHasAFolderNamedAfterItsFileBesideOneWorkbook() throws IOException {
        assertThat(names(byOption)).containsExactlyInAnyOrder("reform-50-70", "asp-50", "simulation.xlsx");
        for (String proposal : List.of("reform-50-70", "asp-50")) {
            assertThat(names(byOption.resolve(proposal))).containsExactlyInAnyOrder("entitlements.csv",
                    "payments.csv", "compliance.csv", "comparison.csv");
        }
    }

    @Test
    void aProposalSimulatedBesideAnotherGivesWhatItGivesAlone() throws IOException {
        for (String name : List.of("entitlements.csv", "payments.csv", "compliance.csv", "comparison.csv")) {
            assertThat(Files.readAllBytes(byOption.resolve("reform-50-70").resolve(name))).as(name)
                    .isEqualTo(Files.readAllBytes(alone.resolve(name)));
        }
        // the two proposals differ, or the side by side would prove nothing
        assertThat(Files.readAllBytes(byOption.resolve("asp-50").resolve("payments.csv")))
                .isNotEqualTo(Files.readAllBytes(alone.resolve("payments.csv")));
    }

    @Test
    void aFolderOfProposalFoldersGivesWhatTheRepeatedOptionGives() throws IOException {
        assertThat(names(byFolder)).containsExactlyInAnyOrderElementsOf(names(byOption));
        for (String proposal : List.of("reform-50-70", "asp-50")) {
            for (String name : List.of("entitlements.csv", "payments.csv", "compliance.csv", "comparison.csv")) {
                assertThat(Files.readAllBytes(byFolder.resolve(proposal).resolve(name))).as(proposal + "/" + name)
                        .isEqualTo(Files.readAllBytes(byOption.resolve(proposal).resolve(name)));
            }
        }
    }

    @Test
    void theWorkbookHasAnOverviewThenCostMembersAndGainsSheetsPerProposal() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(byOption.resolve("simulation.xlsx")))) {
            List<String> sheets = new ArrayList<>();
            book.forEach(sheet -> sheets.add(sheet.getSheetName()));
            assertThat(sheets).containsExactly("Overview", "Cost reform-50-70", "Members reform-50-70",
                    "Gains reform-50-70", "Cost asp-50", "Members asp-50", "Gains asp-50", "About");
        }
    }

    @Test
    void theOverviewTotalsOfEachProposalAreThoseOfItsComparison() throws IOException {
        Map<String, String> now = overviewRow("Now");
        for (String proposal : List.of("reform-50-70", "asp-50")) {
            List<Map<String, String>> comparison = CsvFiles.read(byOption.resolve(proposal).resolve("comparison.csv"));
            assertThat(overviewRow(proposal).get("Total tenge")).as(proposal)
                    .isEqualTo(sum(comparison, "quarter_amount_proposed"));
            assertThat(now.get("Total tenge")).isEqualTo(sum(comparison, "quarter_amount_now"));
        }
        assertThat(overviewRow("asp-50").get("Total tenge")).isNotEqualTo(overviewRow("reform-50-70")
                .get("Total tenge"));
    }

    @Test
    void twoRepeatedOptionsOrAStrayFileInAProposalFolderAreRefusedWithExitTwo() throws IOException {
        Path rules = work.resolve("asp-50.csv");
        Path types = work.resolve("types.csv");
        Files.writeString(types, "income_type,counted,valid_from\n");
        String db = TestDatabase.freshDatabase("several_proposals_refused");
        LauncherRun.Result both = LauncherRun.run(db, "simulate", "--quarter", "2016Q2", "--input",
                Examples.input("2016Q1").toString(), "--output", work.resolve("refused").toString(), "--rules",
                rules.toString(), "--rules", rules.toString(), "--income-types", types.toString(), "--income-types",
                types.toString());
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.stderr()).contains("only one of");

        Path folder = work.resolve("misspelt");
        Files.createDirectories(folder.resolve("asp-50"));
        Files.copy(rules, folder.resolve("asp-50").resolve("rule.csv"));
        LauncherRun.Result stray = LauncherRun.run(db, "simulate", "--quarter", "2016Q2", "--input",
                Examples.input("2016Q1").toString(), "--output", work.resolve("refused").toString(), "--proposals",
                folder.toString());
        assertThat(stray.exitCode()).isEqualTo(2);
        assertThat(stray.stderr()).contains("rule.csv");
        assertThat(work.resolve("refused")).doesNotExist();
    }

    private static Map<String, String> overviewRow(String label) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(byOption.resolve("simulation.xlsx")))) {
            var sheet = book.getSheet("Overview");
            var formatter = new DataFormatter();
            var header = sheet.getRow(0);
            for (var row : sheet) {
                if (label.equals(formatter.formatCellValue(row.getCell(0)))) {
                    Map<String, String> values = new java.util.TreeMap<>();
                    for (int c = 1; c < header.getLastCellNum(); c++) {
                        values.put(formatter.formatCellValue(header.getCell(c)),
                                formatter.formatCellValue(row.getCell(c)).replace(",", ""));
                    }
                    return values;
                }
            }
        }
        throw new AssertionError("no row " + label + " on Overview");
    }

    private static String sum(List<Map<String, String>> rows, String column) {
        return Long.toString(rows.stream().mapToLong(r -> Long.parseLong(r.get(column))).sum());
    }

    private static int simulate(String db, Path output, String... proposal) {
        List<String> args = new ArrayList<>(List.of("simulate", "--quarter", "2016Q2", "--input",
                Examples.input("2016Q1").toString(), "--output", output.toString()));
        args.addAll(List.of(proposal));
        LauncherRun.Result result = LauncherRun.run(db, args.toArray(String[]::new));
        assertThat(result.stderr()).isEmpty();
        return result.exitCode();
    }

    private static List<String> names(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
