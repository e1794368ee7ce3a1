package kz.orleu.benefits.statistics;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * A table of the workbook as a reader finds it: under a title that starts with a given text, a two-row header
 * ({@code Group / Label}, or a label alone), then rows keyed by the text of their first column.
 */
final class WorkbookTable {

    final Sheet sheet;
    final int headerRow;
    final Map<String, Integer> columns = new LinkedHashMap<>();
    final Map<String, Integer> rows = new LinkedHashMap<>();

    WorkbookTable(Sheet sheet, String titleStart) {
        this.sheet = sheet;
        int title = -1;
        for (int r = 0; r <= sheet.getLastRowNum() && title < 0; r++) {
            if (text(sheet, r, 0).startsWith(titleStart)) {
                title = r;
            }
        }
        if (title < 0) {
            throw new AssertionError("no table titled '" + titleStart + "' on " + sheet.getSheetName());
        }
        int header = title + 1;
        while (sheet.getRow(header) == null || sheet.getRow(header).getCell(0) == null
                || sheet.getRow(header).getCell(0).getCellStyle().getFillPattern().getCode() == 0) {
            if (++header > sheet.getLastRowNum()) {
                throw new AssertionError("no header under '" + titleStart + "' on " + sheet.getSheetName());
            }
        }
        headerRow = header;
        Row top = sheet.getRow(header);
        for (int c = 0; c < top.getLastCellNum(); c++) {
            String group = mergedText(sheet, header, c);
            String label = text(sheet, header + 1, c);
            columns.put(label.isEmpty() ? group : group + " / " + label, c);
        }
        for (int r = header + 2; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null || row.getCell(0) == null || row.getCell(0).getCellStyle().getBorderTop().getCode() == 0) {
                break;
            }
            rows.put(text(sheet, r, 0), r);
        }
    }

    int column(String key) {
        Integer c = columns.get(key);
        if (c == null) {
            throw new AssertionError("no column '" + key + "' in " + columns.keySet());
        }
        return c;
    }

    int row(String firstColumn) {
        Integer r = rows.get(firstColumn);
        if (r == null) {
            throw new AssertionError("no row '" + firstColumn + "' in " + rows.keySet());
        }
        return r;
    }

    Cell cell(String row, String column) {
        Row r = sheet.getRow(row(row));
        return r == null ? null : r.getCell(column(column));
    }

    /** The number in a cell; {@code null} for a blank one. Fails on a suppressed or text cell. */
    Double number(String row, String column) {
        Cell cell = cell(row, column);
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return null;
        }
        if (cell.getCellType() != CellType.NUMERIC) {
            throw new AssertionError(row + " / " + column + " is not a number: " + cell);
        }
        return cell.getNumericCellValue();
    }

    static String text(Sheet sheet, int row, int column) {
        Row r = sheet.getRow(row);
        if (r == null || r.getCell(column) == null) {
            return "";
        }
        Cell cell = r.getCell(column);
        return cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : "";
    }

    private static String mergedText(Sheet sheet, int row, int column) {
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            if (region.isInRange(row, column)) {
                return text(sheet, region.getFirstRow(), region.getFirstColumn());
            }
        }
        return text(sheet, row, column);
    }
}
