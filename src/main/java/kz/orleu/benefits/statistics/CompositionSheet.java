package kz.orleu.benefits.statistics;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartLegend;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFPieChartData;
import org.apache.poi.xddf.usermodel.text.XDDFRunProperties;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTDLbls;

/**
 * Sheet 2: the guide's chart as a table. Members of CCA and of ASP recipient families by {@link Category}, counts
 * and shares by region, and a native pie chart of the republic's CCA composition.
 */
final class CompositionSheet {

    static final String NAME = "Composition";
    static final String OTHER_SLICE = "Suppressed categories";
    /**
     * The chart's data starts in the column of the Russian names, which is wide enough for the category labels
     * without widening the frozen first column.
     */
    private static final int DATA_COLUMN = 2;
    /** Rows the chart takes below its title. */
    private static final int CHART_ROWS = 20;

    /** The Okabe–Ito colours, told apart also by readers with colour-blindness; grey for the suppressed slice. */
    private static final byte[][] PALETTE = {rgb(0x0072B2), rgb(0xE69F00), rgb(0x009E73), rgb(0xCC79A7),
            rgb(0x56B4E9), rgb(0xD55E00), rgb(0xF0E442)};
    private static final byte[] GREY = rgb(0x999999);

    /** Where the chart's data went and what it holds, once laid out. */
    record Chart(int firstRow, List<String> labels, List<Double> members) {
    }

    private final SheetBuilder sheet;
    private final Chart chart;
    private final String title;

    private CompositionSheet(SheetBuilder sheet, Chart chart, String title) {
        this.sheet = sheet;
        this.chart = chart;
        this.title = title;
    }

    SheetBuilder sheet() {
        return sheet;
    }

    static CompositionSheet layout(QuarterStatistics statistics, CountGrid grid) {
        QuarterStatistics.Run run = statistics.run();
        SheetBuilder sheet = new SheetBuilder(NAME);
        sheet.title("Table 2.1. Members of CCA recipient families by category and region, benefit quarter "
                + RegionTables.describe(run.benefitQuarter()));
        sheet.subtitle("Members counted on " + RegionTables.firstDay(run.benefitQuarter())
                + "; each in one category, on that day: see the notes.");
        sheet.blank();
        int firstData = table(sheet, grid, CountGrid.CCA_CATEGORIES, QuarterStatistics.Summary.CCA_FAMILIES,
                QuarterStatistics.Summary.CCA_MEMBERS);
        sheet.freeze(1, firstData);
        sheet.note(RegionTables.legend(grid.threshold), columnCount());
        sheet.blank();
        sheet.title("Table 2.2. Members of ASP recipient families by category and region, benefit quarter "
                + RegionTables.describe(run.benefitQuarter()));
        sheet.blank();
        table(sheet, grid, CountGrid.ASP_CATEGORIES, QuarterStatistics.Summary.ASP_FAMILIES,
                QuarterStatistics.Summary.ASP_MEMBERS);
        sheet.note(RegionTables.legend(grid.threshold), columnCount());
        sheet.note("Categories, first match wins, age on the first day of the benefit quarter: children under 18; "
                + "pensioners (the pensioner flag: receiving a pension or of pension age); people with a disability "
                + "of any group; full-time students; carers at home of a child under 3, a person with a disability or "
                + "an elderly person; everyone else is able-bodied, employed or not (unemployed or self-employed) by "
                + "the employed flag. Shares are of the members of the row.", columnCount());
        sheet.blank();

        sheet.title("Figure 2.1. Members of CCA recipient families by category, Republic of Kazakhstan, benefit "
                + "quarter " + run.benefitQuarter());
        Chart chart = chartData(sheet, grid);
        return new CompositionSheet(sheet, chart, "CCA recipients by category, Republic of Kazakhstan, "
                + run.benefitQuarter());
    }

    private static int columnCount() {
        return RegionTables.NAME_COLUMNS + 2 + 2 * CountGrid.CATEGORIES;
    }

    private static int table(SheetBuilder sheet, CountGrid grid, int categories, int families, int members) {
        List<SheetBuilder.Column> columns = RegionTables.nameColumns();
        columns.add(SheetBuilder.Column.of("Recipient families"));
        columns.add(SheetBuilder.Column.of("Members, total"));
        for (Category category : Category.values()) {
            columns.add(new SheetBuilder.Column(category.label(), "Number"));
            columns.add(new SheetBuilder.Column(category.label(), "%"));
        }
        List<SheetBuilder.TableRow> rows = new ArrayList<>();
        for (int r = 0; r < grid.lines.size(); r++) {
            RegionLine line = grid.lines.get(r);
            List<Value> cells = RegionTables.names(line);
            cells.add(grid.count(r, families));
            cells.add(grid.count(r, members));
            for (Category category : Category.values()) {
                cells.add(grid.count(r, categories + category.ordinal()));
                cells.add(grid.share(r, categories + category.ordinal(), members));
            }
            rows.add(new SheetBuilder.TableRow(cells, RegionTables.isTotal(line)));
        }
        return sheet.table(columns, rows);
    }

    /**
     * The republic's CCA row as a small vertical table the chart reads: the categories shown, with their members,
     * and one slice for the suppressed ones together (their sum is the total less the others, no more than the
     * table itself gives). Categories with nobody are left out: a pie has no use for empty slices.
     */
    private static Chart chartData(SheetBuilder sheet, CountGrid grid) {
        int republic = grid.lines.size() - 1;
        int total = QuarterStatistics.Summary.CCA_MEMBERS;
        List<SheetBuilder.TableRow> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Double> members = new ArrayList<>();
        long shown = 0;
        boolean anySuppressed = false;
        boolean totalHidden = grid.hidden(republic, total);
        for (Category category : Category.values()) {
            int column = CountGrid.CCA_CATEGORIES + category.ordinal();
            long count = grid.value(republic, column);
            if (grid.hidden(republic, column)) {
                anySuppressed = true;
            } else if (count > 0) {
                labels.add(category.label());
                members.add((double) count);
                shown += count;
            }
        }
        long all = grid.value(republic, total);
        if (anySuppressed && !totalHidden && all > shown) {
            labels.add(OTHER_SLICE);
            members.add((double) (all - shown));
        }
        for (int i = 0; i < labels.size(); i++) {
            rows.add(new SheetBuilder.TableRow(List.of(Value.text(labels.get(i)),
                    Value.count(members.get(i).longValue()), Value.shareOf(members.get(i), all)), false));
        }
        if (rows.isEmpty()) {
            sheet.subtitle(totalHidden ? "Not shown: fewer CCA recipients than the suppression threshold."
                    : "No CCA recipients this quarter: no chart.");
            return new Chart(-1, labels, members);
        }
        int first = sheet.table(List.of(SheetBuilder.Column.of("Category"), SheetBuilder.Column.of("Members"),
                SheetBuilder.Column.of("%")), rows, DATA_COLUMN);
        for (int i = 0; i < CHART_ROWS - rows.size(); i++) {
            sheet.blank();
        }
        return new Chart(first, labels, members);
    }

    /** Draws the pie next to its data, on the underlying XSSF sheet (SXSSF streams cells, not drawings). */
    void drawChart(SXSSFWorkbook workbook) {
        if (chart.firstRow() < 0) {
            return;
        }
        XSSFSheet xssfSheet = workbook.getXSSFWorkbook().getSheet(NAME);
        XSSFDrawing drawing = xssfSheet.createDrawingPatriarch();
        int top = chart.firstRow() - 2;
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, DATA_COLUMN + 4, top, DATA_COLUMN + 13,
                top + CHART_ROWS + 2);
        XSSFChart pie = drawing.createChart(anchor);
        pie.setTitleText(title);
        pie.setTitleOverlay(false);
        XDDFRunProperties titleFont = pie.getTitle().getOrAddTextProperties();
        titleFont.setFontSize(11.0);
        titleFont.setBold(true);
        XDDFChartLegend legend = pie.getOrAddLegend();
        legend.setPosition(LegendPosition.RIGHT);

        int last = chart.firstRow() + chart.labels().size() - 1;
        String labelRange = range(DATA_COLUMN, chart.firstRow(), last);
        String valueRange = range(DATA_COLUMN + 1, chart.firstRow(), last);
        XDDFDataSource<String> categories = XDDFDataSourcesFactory.fromArray(
                chart.labels().toArray(String[]::new), labelRange);
        XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromArray(
                chart.members().toArray(Double[]::new), valueRange);
        XDDFChartData data = pie.createData(ChartTypes.PIE, null, null);
        data.setVaryColors(true);
        XDDFChartData.Series series = data.addSeries(categories, values);
        series.setTitle("Members of CCA recipient families", null);
        pie.plot(data);
        // explicit colours: not every spreadsheet applies the theme's palette to a pie with varied colours
        for (int i = 0; i < chart.labels().size(); i++) {
            String label = chart.labels().get(i);
            byte[] rgb = OTHER_SLICE.equals(label) ? GREY : PALETTE[i % PALETTE.length];
            series.getDataPoint(i).setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(rgb)));
        }

        CTDLbls labels = ((XDDFPieChartData.Series) series).getCTPieSer().addNewDLbls();
        labels.addNewShowLegendKey().setVal(false);
        labels.addNewShowVal().setVal(false);
        labels.addNewShowCatName().setVal(false);
        labels.addNewShowSerName().setVal(false);
        labels.addNewShowPercent().setVal(true);
        labels.addNewShowBubbleSize().setVal(false);
        labels.addNewShowLeaderLines().setVal(true);
    }

    private static byte[] rgb(int colour) {
        return new byte[] {(byte) (colour >> 16), (byte) (colour >> 8), (byte) colour};
    }

    private static String range(int column, int firstRow, int lastRow) {
        return new CellRangeAddress(firstRow, lastRow, column, column).formatAsString(NAME, true);
    }
}
