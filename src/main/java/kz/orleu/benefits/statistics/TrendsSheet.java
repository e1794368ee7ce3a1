package kz.orleu.benefits.statistics;

import static kz.orleu.benefits.statistics.QuarterStatistics.Summary.ASP_FAMILIES;
import static kz.orleu.benefits.statistics.QuarterStatistics.Summary.ASP_MEMBERS;
import static kz.orleu.benefits.statistics.QuarterStatistics.Summary.CCA_FAMILIES;
import static kz.orleu.benefits.statistics.QuarterStatistics.Summary.CCA_MEMBERS;
import static kz.orleu.benefits.statistics.QuarterStatistics.Summary.RECIPIENT_FAMILIES;
import static kz.orleu.benefits.statistics.QuarterStatistics.Summary.RECIPIENT_MEMBERS;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import kz.orleu.benefits.quarter.Quarter;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xddf.usermodel.text.XDDFRunProperties;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Sheet 6: the quarters side by side. For every benefit quarter of the history (the latest completed version of
 * each earlier quarter, and this run's own figures) the recipients, members, amounts, CCA composition shares and
 * social contracts of the pilot regions, their total and the republic, with a line chart of the republic's
 * recipient families by benefit.
 *
 * <p>Each quarter's cells come from that quarter's own {@link CountGrid}, suppressed under this workbook's threshold
 * exactly as that quarter's own sheets would be: no quarter adds a relation to another (nothing adds up over
 * quarters), so showing them side by side gives back nothing that each hides.
 */
final class TrendsSheet {

    /** A quarter of the history: its figures and its suppressed grid. */
    record QuarterFigures(QuarterStatistics statistics, CountGrid grid) {
        Quarter quarter() {
            return statistics.run().benefitQuarter();
        }
    }

    /** Columns of the table: the region's name, the quarter, then the numbers. */
    private static final int QUARTER_COLUMN = 1;
    private static final int FAMILIES_COLUMN = 2;
    /** Rows the chart takes below its title. */
    private static final int CHART_ROWS = 20;
    private static final int CHART_COLUMNS = 12;
    /** Okabe–Ito blue and orange, as on the Composition sheet. */
    private static final byte[][] COLOURS = {{(byte) 0x00, (byte) 0x72, (byte) 0xB2},
            {(byte) 0xE6, (byte) 0x9F, (byte) 0x00}};

    private final SheetBuilder sheet;
    private final int republicFirstRow;
    private final List<QuarterFigures> quarters;
    private final Messages messages;

    private TrendsSheet(SheetBuilder sheet, int republicFirstRow, List<QuarterFigures> quarters, Messages messages) {
        this.sheet = sheet;
        this.republicFirstRow = republicFirstRow;
        this.quarters = quarters;
        this.messages = messages;
    }

    SheetBuilder sheet() {
        return sheet;
    }

    /**
     * The lines of the table: the original pilot regions, their total and the republic, as in this run's regions
     * ({@link RegionLine#order} puts the pilot regions and their total first).
     */
    static List<RegionLine> lines(List<RegionLine> all) {
        List<RegionLine> lines = new ArrayList<>();
        int pilotTotal = all.indexOf(RegionLine.PILOT_TOTAL_LINE);
        if (pilotTotal >= 0) {
            lines.addAll(all.subList(0, pilotTotal + 1));
        }
        lines.add(RegionLine.REPUBLIC_LINE);
        return List.copyOf(lines);
    }

    /** @param quarters oldest first, the run's own quarter last */
    static TrendsSheet layout(List<QuarterFigures> quarters, CountGrid own, Messages m) {
        Quarter first = quarters.get(0).quarter();
        Quarter last = quarters.get(quarters.size() - 1).quarter();
        SheetBuilder sheet = new SheetBuilder(m.text("trends.sheet"), m);
        sheet.title(m.text("trends.title", first, last));
        sheet.subtitle(m.text("trends.subtitle", last));
        sheet.blank();

        String asp = m.text("benefit.ASP");
        String cca = m.text("benefit.CCA");
        String total = m.text("heading.total");
        List<SheetBuilder.Column> columns = new ArrayList<>();
        columns.add(SheetBuilder.Column.of(m.text("region.heading")));
        columns.add(SheetBuilder.Column.of(m.text("trends.quarter")));
        for (String key : List.of("summary.recipientFamilies", "summary.recipientMembers", "summary.paid")) {
            String group = m.text(key);
            columns.add(new SheetBuilder.Column(group, asp));
            columns.add(new SheetBuilder.Column(group, cca));
            columns.add(new SheetBuilder.Column(group, total));
        }
        for (Category category : Category.values()) {
            columns.add(new SheetBuilder.Column(m.text("trends.ccaShares"), category.label(m)));
        }
        columns.add(SheetBuilder.Column.of(m.text("compliance.inForce")));
        columns.add(SheetBuilder.Column.of(m.text("compliance.warned")));
        columns.add(SheetBuilder.Column.of(m.text("compliance.terminated")));

        List<RegionLine> lines = lines(own.lines);
        List<SheetBuilder.TableRow> rows = new ArrayList<>();
        for (RegionLine line : lines) {
            for (QuarterFigures figures : quarters) {
                rows.add(new SheetBuilder.TableRow(cells(line, figures, m), RegionTables.isTotal(line)));
            }
        }
        int firstData = sheet.table(columns, rows);
        sheet.freeze(2, firstData);
        sheet.note(RegionTables.legend(own.threshold, m), columns.size());
        sheet.note(m.text("trends.note"), columns.size());
        sheet.blank();
        sheet.pageBreak();
        sheet.title(m.text("trends.figureTitle", first, last));
        for (int i = 0; i < CHART_ROWS; i++) {
            sheet.blank();
        }
        int republicFirstRow = firstData + (lines.size() - 1) * quarters.size();
        return new TrendsSheet(sheet, republicFirstRow, quarters, m);
    }

    private static List<Value> cells(RegionLine line, QuarterFigures figures, Messages m) {
        Quarter quarter = figures.quarter();
        CountGrid grid = figures.grid();
        int r = rowOf(grid, line);
        List<Value> cells = new ArrayList<>();
        cells.add(Value.text(line.name(m.language().code())));
        cells.add(Value.text(quarter.toString()));
        BigDecimal[][] sums = RegionGrid.sums(grid.lines, QuarterStatistics.Summary.SUMS,
                figures.statistics().summary().sums());
        for (int column : new int[] {ASP_FAMILIES, CCA_FAMILIES, RECIPIENT_FAMILIES}) {
            cells.add(count(grid, r, column).observedIn(quarter, line, Measure.RECIPIENT_FAMILIES,
                    SummarySheet.BENEFITS.get(column - ASP_FAMILIES)));
        }
        for (int column : new int[] {ASP_MEMBERS, CCA_MEMBERS, RECIPIENT_MEMBERS}) {
            cells.add(count(grid, r, column).observedIn(quarter, line, Measure.RECIPIENT_MEMBERS,
                    SummarySheet.BENEFITS.get(column - ASP_MEMBERS)));
        }
        for (int column : new int[] {ASP_FAMILIES, CCA_FAMILIES, RECIPIENT_FAMILIES}) {
            Value paid = r < 0 ? Value.notApplicable() : SummarySheet.paid(grid, r, sums[r], column);
            cells.add(paid.observedIn(quarter, line, Measure.PAID, SummarySheet.BENEFITS.get(column - ASP_FAMILIES)));
        }
        for (Category category : Category.values()) {
            Value share = r < 0 ? Value.notApplicable()
                    : grid.share(r, CountGrid.CCA_CATEGORIES + category.ordinal(), CCA_MEMBERS);
            cells.add(share.observedIn(quarter, line, Measure.MEMBERS_SHARE_BY_CATEGORY, "CCA." + category.name()));
        }
        int at = CountGrid.COMPLIANCE;
        cells.add(count(grid, r, at + QuarterStatistics.Compliance.IN_FORCE)
                .observedIn(quarter, line, Measure.CONTRACTS_IN_FORCE, "TOTAL"));
        cells.add(count(grid, r, at + QuarterStatistics.Compliance.FAMILIES_WARNED)
                .observedIn(quarter, line, Measure.FAMILIES_WARNED, "TOTAL"));
        cells.add(count(grid, r, at + QuarterStatistics.Compliance.TERMINATED)
                .observedIn(quarter, line, Measure.CONTRACTS_TERMINATED, "TOTAL"));
        return cells;
    }

    /** The row of {@code line} in a quarter's grid; -1 when that quarter's regions did not have it. */
    private static int rowOf(CountGrid grid, RegionLine line) {
        for (int r = 0; r < grid.lines.size(); r++) {
            if (grid.lines.get(r).statisticsCode().equals(line.statisticsCode())) {
                return r;
            }
        }
        return -1;
    }

    private static Value count(CountGrid grid, int row, int column) {
        return row < 0 ? Value.notApplicable() : grid.count(row, column);
    }

    /**
     * Draws the line chart of the republic's recipient families by benefit, reading the republic's rows of the
     * table; a suppressed quarter is a gap in its line, never its hidden number.
     */
    void drawChart(SXSSFWorkbook workbook) {
        XSSFSheet xssfSheet = workbook.getXSSFWorkbook().getSheet(sheet.name());
        XSSFDrawing drawing = xssfSheet.createDrawingPatriarch();
        int top = sheet.nextRow() - CHART_ROWS;
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, top, CHART_COLUMNS, top + CHART_ROWS);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(messages.text("trends.chartTitle"));
        chart.setTitleOverlay(false);
        XDDFRunProperties titleFont = chart.getTitle().getOrAddTextProperties();
        titleFont.setFontSize(11.0);
        titleFont.setBold(true);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);

        XDDFCategoryAxis quartersAxis = chart.createCategoryAxis(AxisPosition.BOTTOM);
        quartersAxis.setTitle(messages.text("trends.quarter"));
        XDDFValueAxis familiesAxis = chart.createValueAxis(AxisPosition.LEFT);
        familiesAxis.setTitle(messages.text("summary.recipientFamilies"));
        familiesAxis.setCrosses(AxisCrosses.AUTO_ZERO);
        familiesAxis.setMinimum(0);

        int last = republicFirstRow + quarters.size() - 1;
        XDDFDataSource<String> categories = XDDFDataSourcesFactory.fromArray(
                quarters.stream().map(q -> q.quarter().toString()).toArray(String[]::new),
                range(QUARTER_COLUMN, last));
        XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, quartersAxis, familiesAxis);
        data.setVaryColors(false);
        int[] benefits = {ASP_FAMILIES, CCA_FAMILIES};
        for (int b = 0; b < benefits.length; b++) {
            Double[] families = new Double[quarters.size()];
            for (int q = 0; q < quarters.size(); q++) {
                CountGrid grid = quarters.get(q).grid();
                int r = rowOf(grid, RegionLine.REPUBLIC_LINE);
                families[q] = grid.hidden(r, benefits[b]) ? null : (double) grid.value(r, benefits[b]);
            }
            XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromArray(families,
                    range(FAMILIES_COLUMN + benefits[b] - ASP_FAMILIES, last));
            XDDFLineChartData.Series series = (XDDFLineChartData.Series) data.addSeries(categories, values);
            series.setTitle(messages.text("benefit." + SummarySheet.BENEFITS.get(b)), null);
            series.setSmooth(false);
            // no marker size: poi-ooxml-lite lacks the schema of its type, and the default size reads well
            series.setMarkerStyle(MarkerStyle.CIRCLE);
            XDDFLineProperties stroke = new XDDFLineProperties(
                    new XDDFSolidFillProperties(XDDFColor.from(COLOURS[b])));
            stroke.setWidth(2.25);
            series.setLineProperties(stroke);
        }
        chart.plot(data);
    }

    private String range(int column, int lastRow) {
        return new CellRangeAddress(republicFirstRow, lastRow, column, column).formatAsString(sheet.name(), true);
    }
}
