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

    /** The breakdown code of the pie's slice that holds the suppressed categories together. */
    static final String OTHER_SLICE = "SUPPRESSED_CATEGORIES";
    /**
     * The chart's data starts in the third name column; its category labels wrap in that column's width rather than
     * widen it (a Kazakh category is twice as long as any region's name).
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
    private final Messages messages;

    private CompositionSheet(SheetBuilder sheet, Chart chart, String title, Messages messages) {
        this.sheet = sheet;
        this.chart = chart;
        this.title = title;
        this.messages = messages;
    }

    SheetBuilder sheet() {
        return sheet;
    }

    static CompositionSheet layout(QuarterStatistics statistics, CountGrid grid, Messages m) {
        QuarterStatistics.Run run = statistics.run();
        SheetBuilder sheet = new SheetBuilder(m.text("composition.sheet"), m);
        sheet.title(m.text("composition.titleCca", RegionTables.describe(run.benefitQuarter(), m)));
        sheet.subtitle(m.text("composition.subtitle", RegionTables.firstDay(run.benefitQuarter(), m)));
        sheet.blank();
        int firstData = table(sheet, grid, m, "CCA", CountGrid.CCA_CATEGORIES,
                QuarterStatistics.Summary.CCA_FAMILIES, QuarterStatistics.Summary.CCA_MEMBERS);
        sheet.freeze(1, firstData);
        sheet.note(RegionTables.legend(grid.threshold, m), columnCount());
        sheet.blank();
        sheet.title(m.text("composition.titleAsp", RegionTables.describe(run.benefitQuarter(), m)));
        sheet.blank();
        table(sheet, grid, m, "ASP", CountGrid.ASP_CATEGORIES, QuarterStatistics.Summary.ASP_FAMILIES,
                QuarterStatistics.Summary.ASP_MEMBERS);
        sheet.note(RegionTables.legend(grid.threshold, m), columnCount());
        sheet.note(m.text("composition.note"), columnCount());
        sheet.blank();

        sheet.pageBreak();
        sheet.title(m.text("composition.figureTitle", run.benefitQuarter()));
        Chart chart = chartData(sheet, grid, m);
        return new CompositionSheet(sheet, chart, m.text("composition.chartTitle", run.benefitQuarter()), m);
    }

    private static int columnCount() {
        return RegionTables.NAME_COLUMNS + 2 + 2 * CountGrid.CATEGORIES;
    }

    private static int table(SheetBuilder sheet, CountGrid grid, Messages m, String benefit, int categories,
            int families, int members) {
        List<SheetBuilder.Column> columns = RegionTables.nameColumns(m);
        columns.add(SheetBuilder.Column.of(m.text("composition.families")));
        columns.add(SheetBuilder.Column.of(m.text("composition.members")));
        for (Category category : Category.values()) {
            columns.add(new SheetBuilder.Column(category.label(m), m.text("heading.number")));
            columns.add(new SheetBuilder.Column(category.label(m), "%"));
        }
        List<SheetBuilder.TableRow> rows = new ArrayList<>();
        for (int r = 0; r < grid.lines.size(); r++) {
            RegionLine line = grid.lines.get(r);
            List<Value> cells = RegionTables.names(line, m);
            cells.add(grid.count(r, families).observed(line, Measure.RECIPIENT_FAMILIES, benefit));
            cells.add(grid.count(r, members).observed(line, Measure.RECIPIENT_MEMBERS, benefit));
            for (Category category : Category.values()) {
                String breakdown = benefit + "." + category.name();
                cells.add(grid.count(r, categories + category.ordinal())
                        .observed(line, Measure.MEMBERS_BY_CATEGORY, breakdown));
                cells.add(grid.share(r, categories + category.ordinal(), members)
                        .observed(line, Measure.MEMBERS_SHARE_BY_CATEGORY, breakdown));
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
    private static Chart chartData(SheetBuilder sheet, CountGrid grid, Messages m) {
        int republic = grid.lines.size() - 1;
        RegionLine line = grid.lines.get(republic);
        int total = QuarterStatistics.Summary.CCA_MEMBERS;
        List<SheetBuilder.TableRow> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> breakdowns = new ArrayList<>();
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
                labels.add(category.label(m));
                breakdowns.add("CCA." + category.name());
                members.add((double) count);
                shown += count;
            }
        }
        long all = grid.value(republic, total);
        if (anySuppressed && !totalHidden && all > shown) {
            labels.add(m.text("composition.otherSlice"));
            breakdowns.add("CCA." + OTHER_SLICE);
            members.add((double) (all - shown));
        }
        for (int i = 0; i < labels.size(); i++) {
            rows.add(new SheetBuilder.TableRow(List.of(Value.text(labels.get(i)),
                    Value.count(members.get(i).longValue())
                            .observed(line, Measure.MEMBERS_BY_CATEGORY, breakdowns.get(i)),
                    Value.shareOf(members.get(i), all)
                            .observed(line, Measure.MEMBERS_SHARE_BY_CATEGORY, breakdowns.get(i))), false));
        }
        if (rows.isEmpty()) {
            sheet.subtitle(m.text(totalHidden ? "composition.noChartSuppressed" : "composition.noChartNobody"));
            return new Chart(-1, labels, members);
        }
        int first = sheet.tableInPlace(List.of(SheetBuilder.Column.of(m.text("composition.category")),
                SheetBuilder.Column.of(m.text("composition.chartMembers")), SheetBuilder.Column.of("%")), rows,
                DATA_COLUMN);
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
        XSSFSheet xssfSheet = workbook.getXSSFWorkbook().getSheet(sheet.name());
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
        String labelRange = range(sheet.name(), DATA_COLUMN, chart.firstRow(), last);
        String valueRange = range(sheet.name(), DATA_COLUMN + 1, chart.firstRow(), last);
        XDDFDataSource<String> categories = XDDFDataSourcesFactory.fromArray(
                chart.labels().toArray(String[]::new), labelRange);
        XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromArray(
                chart.members().toArray(Double[]::new), valueRange);
        XDDFChartData data = pie.createData(ChartTypes.PIE, null, null);
        data.setVaryColors(true);
        XDDFChartData.Series series = data.addSeries(categories, values);
        series.setTitle(messages.text("composition.chartMembers"), null);
        pie.plot(data);
        // explicit colours: not every spreadsheet applies the theme's palette to a pie with varied colours
        for (int i = 0; i < chart.labels().size(); i++) {
            String label = chart.labels().get(i);
            byte[] rgb = messages.text("composition.otherSlice").equals(label) ? GREY : PALETTE[i % PALETTE.length];
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

    private static String range(String sheetName, int column, int firstRow, int lastRow) {
        return new CellRangeAddress(firstRow, lastRow, column, column).formatAsString(sheetName, true);
    }
}
