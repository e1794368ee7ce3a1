package kz.orleu.benefits.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import kz.orleu.benefits.support.CsvFiles;
import kz.orleu.benefits.support.Examples;
import kz.orleu.benefits.support.LauncherRun;
import kz.orleu.benefits.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What leaves the job is safe to open and to store: text cells that a spreadsheet would run as formulas are
 * neutralised while amounts stay numbers; output files are readable by owner and group only; the database
 * password, read from a file, never appears in the logs.
 */
class SecurityTest {

    @TempDir
    Path work;

    @Test
    void outputsNeutraliseFormulasKeepNumbersAndAreNotWorldReadableAndThePasswordIsNeverLogged() throws Exception {
        Path input = work.resolve("2016Q1");
        Files.createDirectories(input);
        for (Path file : Files.list(Examples.input("2016Q1")).toList()) {
            Files.copy(file, input.resolve(file.getFileName()));
        }
        // F000018 is warned in this quarter, so its district reaches worklist.csv.
        replaceDistrict(input.resolve("families.csv"), "F000018,", "\"=HYPERLINK(\"\"http://evil\"\")\"");
        // A bad amount whose text starts like a formula reaches rejects.csv.
        Path incomes = input.resolve("incomes.csv");
        Files.writeString(incomes, Files.readString(incomes).stripTrailing() + "\r\nF000024,@SUM(A1),2016-01,WAGE,-1+2\r\n");
        Path passwordFile = work.resolve("db-password");
        // the test server asks for its real password (it trusts nobody), so that is the one to keep out of the logs
        String password = TestDatabase.password();
        Files.writeString(passwordFile, password + "\n");

        String db = TestDatabase.freshDatabase("security");
        Path out = work.resolve("out");
        PrintStream stdout = System.out;
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        System.setOut(new PrintStream(logs, true, StandardCharsets.UTF_8));
        LauncherRun.Result result;
        try {
            System.setProperty("benefits.db-password-file", passwordFile.toString());
            result = LauncherRun.run(db, "run", "--quarter", "2016Q2", "--input", input.toString(), "--output",
                    out.toString());
        } finally {
            System.clearProperty("benefits.db-password-file");
            System.setOut(stdout);
        }
        assertThat(result.exitCode()).isZero();
        assertThat(logs.toString(StandardCharsets.UTF_8) + result.stderr()).contains("execution")
                .doesNotContain(password);

        Path quarter = out.resolve("2016Q2");
        List<Map<String, String>> worklist = CsvFiles.read(quarter.resolve("worklist.csv"));
        assertThat(worklist).anySatisfy(r -> assertThat(r.get("district")).isEqualTo("'=HYPERLINK(\"http://evil\")"));
        List<Map<String, String>> rejects = CsvFiles.read(quarter.resolve("rejects.csv"));
        assertThat(rejects).anySatisfy(r -> assertThat(r.get("value")).isEqualTo("'-1+2"));
        for (Map<String, String> row : CsvFiles.read(quarter.resolve("entitlements.csv"))) {
            assertThat(row.get("quarter_amount")).matches("\\d+");
            assertThat(row.get("monthly_amount")).matches("\\d+");
        }
        assertThat(Files.readString(quarter.resolve("payments.csv"))).doesNotContain("'");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(quarter))).isEqualTo("rwxr-x---");
        for (Path file : Files.list(quarter).toList()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                    .isEqualTo("rw-r-----");
        }
        assertThat(Files.list(out).map(p -> p.getFileName().toString()).toList()).containsExactly("2016Q2");
    }

    private static void replaceDistrict(Path csv, String linePrefix, String newDistrict) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).replace("\uFEFF", "").startsWith(linePrefix)) {
                String[] fields = lines.get(i).split(",", -1);
                fields[2] = newDistrict;
                lines.set(i, String.join(",", fields));
            }
        }
        Files.write(csv, lines);
    }
}
