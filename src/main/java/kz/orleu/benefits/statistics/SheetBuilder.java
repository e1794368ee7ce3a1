package kz.orleu.benefits.statistics;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Lays out one sheet as a column of blocks (titles, tables, notes) and then streams it to the workbook top to
 * bottom. Blocks are collected first because a column's width must fit every block, and a header row's height
 * depends on the widths; their row positions are known as they are added, so a chart can point at a table
 * before anything is written.
 */
final class SheetBuilder {

    /** A column of a table: a group heading spanning consecutive columns (or {@code null}) and its own label. */
    record Column(String group, String label) {
        static Column of(String label) {
            return new Column(null, label);
        }
    }

    /** A table row: its cells left to right; total rows are bold. */
    record TableRow(List<Value> cells, boolean total) {
    }

    private interface Block {
        int height();

        void write(SheetBuilder sheet, int firstRow);
    }

    private static final int MAX_COLUMNS = 64;
    /** The narrowest number column, in characters, so that headers wrap into a few lines and not a dozen. */
    private static final int MIN_NUMBER_WIDTH = 9;
    private static final int MAX_HEADER_WORD = 16;
    private static final float LINE_POINTS = 12.75f;

    private final String name;
    private final Messages messages;
    /** The numbers of the tables with their place in {@code statistics.csv}, in the order they were laid out. */
    private final List<Value> observations = new ArrayList<>();
    private final List<Block> blocks = new ArrayList<>();
    private final int[] widths = new int[MAX_COLUMNS];
    private int rows;
    private int freezeColumns = -1;
    private int freezeRow = -1;
    private int repeatFirst = -1;
    private int repeatLast = -1;
    private final List<Integer> pageBreaks = new ArrayList<>();
    private SXSSFSheet sheet;
    private WorkbookStyles styles;

    SheetBuilder(String name, Messages messages) {
        this.name = name;
        this.messages = messages;
    }

    String name() {
        return name;
    }

    /** Every cell of the tables laid out so far that is an observation of {@code statistics.csv}. */
    List<Value> observations() {
        return List.copyOf(observations);
    }

    /** The index of the next row a block will take. */
    int nextRow() {
        return rows;
    }

    void title(String text) {
        line(text, s -> s.styles.title, 18f);
    }

    void subtitle(String text) {
        line(text, s -> s.styles.subtitle, 13f);
    }

    void blank() {
        add(new Block() {
            public int height() {
                return 1;
            }

            public void write(SheetBuilder sheet, int firstRow) {
                sheet.sheet.createRow(firstRow);
            }
        });
    }

    /** A paragraph of notes under a table, merged over {@code span} columns and wrapped. */
    void note(String text, int span) {
        add(new Block() {
            public int height() {
                return 1;
            }

            public void write(SheetBuilder sheet, int firstRow) {
                Row row = sheet.sheet.createRow(firstRow);
                Cell cell = row.createCell(0);
                cell.setCellValue(text);
                cell.setCellStyle(sheet.styles.note);
                int width = 0;
                for (int c = 0; c < span; c++) {
                    width += sheet.widthOf(c);
                }
                if (span > 1) {
                    sheet.sheet.addMergedRegion(new CellRangeAddress(firstRow, firstRow, 0, span - 1));
                }
                // italic 9 pt runs about as wide as the 10 pt digits a column width is measured in
                row.setHeightInPoints(lines(text, width) * 11.5f + 3f);
            }
        });
    }

    /**
     * A table with a two-row header: a column with a group shares a merged group heading with its neighbours of the
     * same group, a column without one has its label over both rows. Returns the row index of the first data row.
     */
    int table(List<Column> columns, List<TableRow> tableRows) {
        return table(columns, tableRows, 0);
    }

    /** A table whose first column is {@code firstColumn}. */
    int table(List<Column> columns, List<TableRow> tableRows, int firstColumn) {
        return table(columns, tableRows, firstColumn, false);
    }

    /**
     * A table whose text cells wrap into the widths the columns already have instead of widening them: a small
     * table beside a big one (the pie's data under the region names) must not stretch the big one's columns.
     */
    int tableInPlace(List<Column> columns, List<TableRow> tableRows, int firstColumn) {
        return table(columns, tableRows, firstColumn, true);
    }

    private int table(List<Column> columns, List<TableRow> tableRows, int firstColumn, boolean wrapText) {
        for (int c = 0; c < columns.size(); c++) {
            int at = c;
            if (wrapText && widths[firstColumn + c] > 0
                    && tableRows.stream().allMatch(row -> row.cells().get(at).kind() == Value.Kind.TEXT)) {
                continue; // a text column that has a width keeps it; its cells wrap
            }
            int longest = 0;
            boolean numbers = false;
            for (TableRow row : tableRows) {
                Value value = row.cells().get(c);
                longest = Math.max(longest, value.display(messages.language()).length());
                numbers |= value.isNumber() || value.kind() == Value.Kind.SUPPRESSED;
            }
            int headerWord = 0;
            for (String word : columns.get(c).label().split("\\s+")) {
                headerWord = Math.max(headerWord, Math.min(word.length(), MAX_HEADER_WORD));
            }
            // wide enough for the longest value and word of the label, and for the label in three lines at most
            int label = (columns.get(c).label().length() + 2) / 3;
            int width = Math.max(Math.max(longest, headerWord), label) + 2;
            widen(firstColumn + c, numbers ? Math.max(width, MIN_NUMBER_WIDTH) : width);
        }
        for (TableRow row : tableRows) {
            row.cells().stream().filter(v -> v.observation() != null).forEach(observations::add);
        }
        int headerRow = rows;
        add(new Block() {
            public int height() {
                return 2 + tableRows.size();
            }

            public void write(SheetBuilder sheet, int firstRow) {
                sheet.writeHeader(columns, firstRow, firstColumn);
                for (int r = 0; r < tableRows.size(); r++) {
                    TableRow tableRow = tableRows.get(r);
                    Row row = sheet.sheet.createRow(firstRow + 2 + r);
                    int lines = 1;
                    for (int c = 0; c < tableRow.cells().size(); c++) {
                        Value value = tableRow.cells().get(c);
                        sheet.writeCell(row, firstColumn + c, value, tableRow.total());
                        if (wrapText && value.kind() == Value.Kind.TEXT) {
                            row.getCell(firstColumn + c).setCellStyle(sheet.styles.labelWrapped);
                            lines = Math.max(lines, lines(value.text(), sheet.widthOf(firstColumn + c)));
                        }
                    }
                    if (lines > 1) {
                        row.setHeightInPoints(lines * LINE_POINTS + 2f);
                    }
                }
            }
        });
        return headerRow + 2;
    }

    /** A two-column list of labels and values (the About sheet). */
    void keyValue(String key, Value value) {
        widen(0, Math.min(key.length() + 2, 45));
        widen(1, Math.min(value.display(messages.language()).length() + 2, 60));
        add(new Block() {
            public int height() {
                return 1;
            }

            public void write(SheetBuilder sheet, int firstRow) {
                Row row = sheet.sheet.createRow(firstRow);
                Cell cell = row.createCell(0);
                cell.setCellValue(key);
                cell.setCellStyle(sheet.styles.labelBold);
                sheet.writeCell(row, 1, value, false);
            }
        });
    }

    /**
     * Freezes the panes left of {@code columns} and above {@code firstDataRow}, the first data row of a table, whose
     * header then repeats on every printed page.
     */
    void freeze(int columns, int firstDataRow) {
        freezeColumns = columns;
        freezeRow = firstDataRow;
        repeatFirst = firstDataRow - 2;
        repeatLast = firstDataRow - 1;
    }

    /** Printing starts a new page at the next block: a chart must not be cut in two by a page break. */
    void pageBreak() {
        if (rows > 0) {
            pageBreaks.add(rows - 1);
        }
    }

    void widen(int column, int chars) {
        widths[column] = Math.max(widths[column], chars);
    }

    /** Creates the sheet and writes every block, top to bottom. */
    SXSSFSheet write(SXSSFWorkbook workbook, WorkbookStyles workbookStyles) {
        sheet = workbook.createSheet(name);
        styles = workbookStyles;
        for (int c = 0; c < MAX_COLUMNS; c++) {
            if (widths[c] > 0) {
                sheet.setColumnWidth(c, Math.min(widths[c], 255) * 256);
            }
        }
        int row = 0;
        for (Block block : blocks) {
            block.write(this, row);
            row += block.height();
        }
        if (freezeRow >= 0) {
            sheet.createFreezePane(freezeColumns, freezeRow);
        }
        pageBreaks.forEach(sheet::setRowBreak);
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setHorizontallyCenter(false);
        if (repeatFirst >= 0) {
            sheet.setRepeatingRows(new CellRangeAddress(repeatFirst, repeatLast, -1, -1));
        }
        sheet.getFooter().setCenter(messages.text("footer.page", "&P", "&N"));
        return sheet;
    }

    private int widthOf(int column) {
        return widths[column] == 0 ? 9 : widths[column];
    }

    private void writeHeader(List<Column> columns, int firstRow, int firstColumn) {
        Row groups = sheet.createRow(firstRow);
        Row labels = sheet.createRow(firstRow + 1);
        int groupLines = 1;
        int labelLines = 1;
        int c = 0;
        while (c < columns.size()) {
            Column column = columns.get(c);
            int at = firstColumn + c;
            if (column.group() == null) {
                headerCell(groups, at, column.label());
                headerCell(labels, at, "");
                sheet.addMergedRegion(new CellRangeAddress(firstRow, firstRow + 1, at, at));
                // the label has both rows: count half its lines against each
                int lines = lines(column.label(), widthOf(at));
                labelLines = Math.max(labelLines, (lines + 1) / 2);
                groupLines = Math.max(groupLines, lines - (lines + 1) / 2);
                c++;
                continue;
            }
            int end = c;
            int width = 0;
            while (end < columns.size() && column.group().equals(columns.get(end).group())) {
                width += widthOf(firstColumn + end);
                headerCell(groups, firstColumn + end, end == c ? column.group() : "");
                headerCell(labels, firstColumn + end, columns.get(end).label());
                labelLines = Math.max(labelLines, lines(columns.get(end).label(), widthOf(firstColumn + end)));
                end++;
            }
            if (end - c > 1) {
                sheet.addMergedRegion(new CellRangeAddress(firstRow, firstRow, at, firstColumn + end - 1));
            }
            groupLines = Math.max(groupLines, lines(column.group(), width));
            c = end;
        }
        groups.setHeightInPoints(groupLines * LINE_POINTS + 4f);
        labels.setHeightInPoints(labelLines * LINE_POINTS + 4f);
    }

    private void headerCell(Row row, int column, String text) {
        Cell cell = row.createCell(column);
        cell.setCellValue(text);
        cell.setCellStyle(styles.header);
    }

    private void writeCell(Row row, int column, Value value, boolean total) {
        Cell cell = row.createCell(column);
        if (value.isNumber()) {
            cell.setCellValue(value.number());
        } else if (value.kind() != Value.Kind.NOT_APPLICABLE) {
            cell.setCellValue(value.text()); // a string cell: never parsed, never a formula
        }
        CellStyle style = value.kind() == Value.Kind.TEXT ? (total ? styles.labelBold : styles.label)
                : styles.of(value, total);
        cell.setCellStyle(style);
    }

    private void line(String text, java.util.function.Function<SheetBuilder, CellStyle> style, float points) {
        add(new Block() {
            public int height() {
                return 1;
            }

            public void write(SheetBuilder sheet, int firstRow) {
                Row row = sheet.sheet.createRow(firstRow);
                row.setHeightInPoints(points);
                Cell cell = row.createCell(0);
                cell.setCellValue(text);
                cell.setCellStyle(style.apply(sheet));
            }
        });
    }

    private void add(Block block) {
        blocks.add(block);
        rows += block.height();
    }

    /** How many lines {@code text} takes when wrapped at word boundaries into {@code width} characters. */
    static int lines(String text, int width) {
        int usable = Math.max(1, width - 1);
        int lines = 1;
        int used = 0;
        for (String word : text.split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            int length = word.length();
            if (used == 0) {
                used = length;
            } else if (used + 1 + length <= usable) {
                used += 1 + length;
            } else {
                lines++;
                used = length;
            }
            while (used > usable) {
                lines++;
                used -= usable;
            }
        }
        return lines;
    }
}
