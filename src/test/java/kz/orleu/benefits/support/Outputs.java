package kz.orleu.benefits.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Compares two output folders: CSV files byte for byte, the statistics workbook cell by cell. */
public final class Outputs {

    private Outputs() {
    }

    public static void assertSame(Path expected, Path actual) throws IOException {
        List<String> names = names(expected);
        assertThat(names(actual)).as("files of " + actual).isEqualTo(names);
        for (String name : names) {
            if (name.endsWith(".csv")) {
                assertThat(Files.readAllBytes(actual.resolve(name))).as(name)
                        .isEqualTo(Files.readAllBytes(expected.resolve(name)));
            } else if (name.endsWith(".xlsx")) {
                assertThat(cells(actual.resolve(name))).as(name).isEqualTo(cells(expected.resolve(name)));
            }
        }
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * Every cell as "sheet!ref=value"; cells that say when or by which run the workbook was made are left out,
     * as two runs differ there by design.
     */
    public static List<String> cells(Path workbook) throws IOException {
        List<String> cells = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (Workbook book = new XSSFWorkbook(Files.newInputStream(workbook))) {
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    String label = row.getCell(0) == null ? "" : formatter.formatCellValue(row.getCell(0)).toLowerCase();
                    boolean volatileRow = label.contains("generat") || label.contains("run id")
                            || label.contains("execution") || label.contains("created");
                    for (Cell cell : row) {
                        if (volatileRow && cell.getColumnIndex() > 0) {
                            continue;
                        }
                        cells.add(sheet.getSheetName() + "!" + cell.getAddress() + "=" + formatter.formatCellValue(cell));
                    }
                }
            }
        }
        return cells;
    }
}
