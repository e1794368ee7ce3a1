package kz.orleu.benefits.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kz.orleu.benefits.support.LauncherRun;
import kz.orleu.benefits.support.TestDatabase;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A quarter in which nobody is paid still gets its workbook, with every table there and empty. */
class ZeroRecipientsWorkbookTest {

    @TempDir
    Path input;
    @TempDir
    Path out;

    @Test
    void quarterWithoutRecipientsGetsAWorkbookOfZeros() throws Exception {
        // one family of one, 300,000 tenge a month: far above every line of Akmola
        write("families.csv", "family_id,region_code,district,settlement,declared_on",
                "F1,11,Зеренді ауданы,RURAL,2016-03-20");
        write("members.csv", "family_id,iin,last_name,first_name,birth_date,relation,disability_group,pensioner,"
                + "student,carer,employed,joined_on,left_on",
                "F1,651013362088,Жұмабаев,Әсел,1965-10-13,HEAD,,false,false,false,true,2010-01-01,");
        write("incomes.csv", "family_id,iin,month,income_type,amount", "F1,651013362088,2016-01,WAGE,300000",
                "F1,651013362088,2016-02,WAGE,300000", "F1,651013362088,2016-03,WAGE,300000");
        write("contracts.csv", "contract_id,family_id,signed_on,start_date,end_date,payment_mode,status");
        write("obligations.csv", "contract_id,iin,obligation");
        write("monitoring.csv", "contract_id,iin,month,obligation,outcome,spending_purpose");

        String db = TestDatabase.freshDatabase("statistics_empty");
        LauncherRun.Result result = LauncherRun.run(db, "run", "--quarter", "2016Q2", "--input", input.toString(),
                "--output", out.toString());
        assertThat(result.exitCode()).as(result.stderr()).isZero();

        Path file = out.resolve("2016Q2").resolve(StatisticsWorkbook.FILE_NAME);
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(6);
            WorkbookTable summary = new WorkbookTable(workbook.getSheet("Summary"), "Table 1.");
            String republic = "Republic of Kazakhstan";
            assertThat(summary.number(republic, "Recipient families / Total")).isZero();
            assertThat(summary.number(republic, "Members of recipient families / Total")).isZero();
            assertThat(summary.number(republic, "Paid in the quarter, tenge / Total")).isZero();
            assertThat(summary.number(republic, "Average family size, persons / All recipients"))
                    .as("an average over nobody is blank").isNull();
            // one family assessed: fewer than 5, so suppressed
            assertThat(summary.cell("Akmola", "Families assessed").getStringCellValue()).isEqualTo("x");

            XSSFSheet composition = workbook.getSheet("Composition");
            WorkbookTable cca = new WorkbookTable(composition, "Table 2.1.");
            assertThat(cca.number(republic, "Members, total")).isZero();
            assertThat(cca.number(republic, "Children under 18 / Number")).isZero();
            assertThat(cca.number(republic, "Children under 18 / %")).isNull();
            assertThat(composition.getDrawingPatriarch()).as("no chart of nobody").isNull();

            WorkbookTable changes = new WorkbookTable(workbook.getSheet("Changes"), "Table 4.");
            assertThat(changes.number(republic, "Families by change / New")).isZero();
            WorkbookTable compliance = new WorkbookTable(workbook.getSheet("Compliance"), "Table 3.");
            assertThat(compliance.number(republic, "Contracts in force")).isZero();
        }
    }

    private void write(String name, String... lines) throws Exception {
        Files.writeString(input.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }
}
