package kz.orleu.benefits.simulation;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kz.orleu.benefits.output.OutputFiles;
import kz.orleu.benefits.quarter.Quarter;
import kz.orleu.benefits.reference.RunReferenceRepository;
import kz.orleu.benefits.statistics.Category;
import kz.orleu.benefits.statistics.Suppression;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code simulation.xlsx} for the ministry: the quarter now and under the proposal, aggregates only. Counts of
 * families and members are suppressed as in {@code statistics.xlsx} ({@link Suppression}: below the threshold of
 * the rules in force, and secondarily so that no region can be recovered from the republic's total); an amount
 * is shown only where the count of the families it sums is. The differences between now and proposed are given
 * as counts of families in bands, never one family's value.
 */
@Component
public class SimulationWorkbook {

    public static final String FILE_NAME = "simulation.xlsx";
    static final String REPUBLIC = "Republic";
    static final String SUPPRESSED = "x";

    /** Bands of the difference in tenge over the quarter (lower bound inclusive, upper exclusive). */
    static final long[] BANDS = {Long.MIN_VALUE, -100_000, -50_000, -10_000, 0, 1, 10_000, 50_000, 100_000};
    static final String[] BAND_LABELS = {"below -100,000", "-100,000 to -50,001", "-50,000 to -10,001",
            "-10,000 to -1", "no change", "1 to 9,999", "10,000 to 49,999", "50,000 to 99,999", "100,000 or more"};

    private static final String COST = """
            select e.region_code, e.run_id = ? as proposed, e.benefit, count(*) as families,
                   sum(e.quarter_amount) as cost,
                   coalesce(sum(greatest(0, e.subsistence_minimum * e.members
                                            - (e.per_capita_income * e.members + e.monthly_amount))), 0) as gap,
                   count(*) filter (where e.members is not null) as computed
              from entitlement e where e.run_id in (?, ?)
             group by 1, 2, 3""";

    private static final String MEMBERS = """
            select e.run_id = ? as proposed, m.birth_date > ? as child, m.pensioner,
                   m.disability_group is not null, m.student, m.carer, m.employed, count(*)
              from entitlement e
              join fact_member m on m.run_id = e.run_id and m.family_id = e.family_id and m.counted
             where e.run_id in (?, ?) and e.benefit in ('ASP', 'CCA')
             group by 1, 2, 3, 4, 5, 6, 7""";

    private static final String MOVES = """
            select coalesce(n.benefit, 'NONE') as now, p.benefit as proposed,
                   p.quarter_amount - coalesce(n.quarter_amount, 0) as difference
              from entitlement p left join entitlement n on n.run_id = ? and n.family_id = p.family_id
             where p.run_id = ?""";

    private final JdbcTemplate jdbc;
    private final RunReferenceRepository reference;

    public SimulationWorkbook(JdbcTemplate jdbc, RunReferenceRepository reference) {
        this.jdbc = jdbc;
        this.reference = reference;
    }

    /** A proposal simulated: its throwaway run, and the folder that run published to. */
    public record Proposed(Proposal proposal, long run, Path folder) {
    }

    /**
     * One proposal: sheets Cost, Members, Gains and losses, About. Several: those three sheets per proposal, named
     * "Cost NAME", "Members NAME", "Gains NAME", after an Overview sheet that sets the republic's totals of every
     * proposal side by side (the values shown on each Cost sheet, suppressed alike), and one About.
     */
    public void write(Quarter quarter, long nowRun, List<Proposed> proposals, Path file) throws IOException {
        // privacy is the rules in force's, not the proposal's to relax
        int threshold = reference.load(nowRun).ruleSetFor(quarter).suppressBelow();
        boolean several = proposals.size() > 1;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = OutputFiles.newFile(file)) {
            Map<String, RepublicRow> republic = new LinkedHashMap<>();
            for (Proposed proposed : proposals) {
                String suffix = several ? " " + proposed.proposal().name() : "";
                republic.put(proposed.proposal().name(),
                        writeCost(workbook, "Cost" + suffix, proposed.run(), nowRun, threshold));
                writeMembers(workbook, "Members" + suffix, quarter, proposed.run(), nowRun, threshold);
                writeMoves(workbook, several ? "Gains" + suffix : "Gains and losses", proposed.run(), nowRun,
                        threshold);
            }
            if (several) {
                writeOverview(workbook, republic);
            }
            writeAbout(workbook, quarter, proposals, threshold);
            workbook.forEach(sheet -> printable((XSSFSheet) sheet));
            workbook.write(out);
        }
    }

    /** Printed (or turned into a PDF for a minister's briefing) landscape, each sheet one page wide. */
    private static void printable(XSSFSheet sheet) {
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
    }

    /** The republic's row of a Cost sheet as shown: counts and amounts, with which of them are suppressed. */
    record RepublicRow(long[] counts, BigDecimal[] money, boolean[] hidden) {
    }

    static final String[] OVERVIEW_HEADERS = {"Proposal", "ASP families", "CCA families", "ASP tenge", "CCA tenge",
        "Total tenge", "Poverty gap (tenge a month)"};

    /** Each proposal's republic totals beside now's, so that analysts weigh the options on one page. */
    private static void writeOverview(XSSFWorkbook workbook, Map<String, RepublicRow> republic) {
        XSSFSheet sheet = workbook.createSheet("Overview");
        header(sheet.createRow(0), OVERVIEW_HEADERS);
        RepublicRow first = republic.values().iterator().next();
        overviewRow(sheet.createRow(1), "Now", first, 0);
        int r = 2;
        for (var entry : republic.entrySet()) {
            overviewRow(sheet.createRow(r++), entry.getKey(), entry.getValue(), 1);
        }
        sheet.setColumnWidth(0, 24 * 256);
        for (int c = 1; c < OVERVIEW_HEADERS.length; c++) {
            sheet.setColumnWidth(c, 18 * 256);
        }
        workbook.setSheetOrder("Overview", 0);
        workbook.setActiveSheet(0);
    }

    /** {@code side} 0: now, 1: proposed; the republic row's cells in the Cost sheet's order. */
    private static void overviewRow(Row row, String label, RepublicRow values, int side) {
        long[] c = values.counts();
        BigDecimal[] m = values.money();
        boolean[] h = values.hidden();
        row.createCell(0).setCellValue(label);
        count(row, 1, c[side], h[side]);
        count(row, 2, c[2 + side], h[2 + side]);
        amount(row, 3, m[side], h[side]);
        amount(row, 4, m[2 + side], h[2 + side]);
        amount(row, 5, m[side].add(m[2 + side]), h[side] || h[2 + side]);
        amount(row, 6, m[4 + side], h[4 + side]);
    }

    /** Columns of the Cost sheet after the region: families and tenge by benefit, now and proposed, and gaps. */
    static final String[] COST_HEADERS = {"Region", "ASP families now", "ASP families proposed", "CCA families now",
            "CCA families proposed", "ASP tenge now", "ASP tenge proposed", "CCA tenge now", "CCA tenge proposed",
            "Total tenge now", "Total tenge proposed", "Poverty gap now (tenge a month)",
            "Poverty gap proposed (tenge a month)"};

    private RepublicRow writeCost(XSSFWorkbook workbook, String name, long proposedRun, long nowRun,
            int threshold) {
        // per region: counts [ASP now, ASP proposed, CCA now, CCA proposed, computed now, computed proposed]
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, BigDecimal[]> amounts = new TreeMap<>();
        jdbc.query(COST, rs -> {
            String region = rs.getString(1);
            int side = rs.getBoolean(2) ? 1 : 0;
            String benefit = rs.getString(3);
            long[] c = counts.computeIfAbsent(region, r -> new long[6]);
            BigDecimal[] a = amounts.computeIfAbsent(region, r -> zeros(6));
            if (!benefit.equals("NONE")) {
                int b = benefit.equals("ASP") ? 0 : 2;
                c[b + side] += rs.getLong(4);
                a[b + side] = a[b + side].add(rs.getBigDecimal(5));
            }
            c[4 + side] += rs.getLong(7);
            a[4 + side] = a[4 + side].add(rs.getBigDecimal(6));
        }, proposedRun, proposedRun, nowRun);
        List<String> regions = new ArrayList<>(counts.keySet());
        long[][] grid = new long[regions.size() + 1][6];
        BigDecimal[][] money = new BigDecimal[regions.size() + 1][];
        money[regions.size()] = zeros(6);
        for (int r = 0; r < regions.size(); r++) {
            grid[r] = counts.get(regions.get(r));
            money[r] = amounts.get(regions.get(r));
            for (int c = 0; c < 6; c++) {
                grid[regions.size()][c] += grid[r][c];
                money[regions.size()][c] = money[regions.size()][c].add(money[r][c]);
            }
        }
        boolean[][] hidden = Suppression.apply(grid, threshold, columnsAddUp(regions.size(), 6));
        XSSFSheet sheet = workbook.createSheet(name);
        header(sheet.createRow(0), COST_HEADERS);
        for (int r = 0; r <= regions.size(); r++) {
            Row row = sheet.createRow(r + 1);
            row.createCell(0).setCellValue(r < regions.size() ? regions.get(r) : REPUBLIC);
            long[] c = grid[r];
            boolean[] h = hidden[r];
            for (int i = 0; i < 4; i++) {
                count(row, 1 + i, c[i], h[i]);
                amount(row, 5 + i, money[r][i], h[i]);
            }
            amount(row, 9, money[r][0].add(money[r][2]), h[0] || h[2]);
            amount(row, 10, money[r][1].add(money[r][3]), h[1] || h[3]);
            amount(row, 11, money[r][4], h[4]);
            amount(row, 12, money[r][5], h[5]);
        }
        for (int c = 0; c < COST_HEADERS.length; c++) {
            sheet.setColumnWidth(c, c == 0 ? 10 * 256 : 16 * 256);
        }
        chart(sheet, regions.size());
        return new RepublicRow(grid[regions.size()], money[regions.size()], hidden[regions.size()]);
    }

    /** Cost by region, now and proposed, bars side by side (the republic row left out: it would dwarf them). */
    private static void chart(XSSFSheet sheet, int regions) {
        if (regions == 0) {
            return;
        }
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 1, regions + 4, 10, regions + 24));
        chart.setTitleText("Cost by region and benefit, now and proposed (tenge in the quarter)");
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis axis = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis values = chart.createValueAxis(AxisPosition.LEFT);
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, axis, values);
        data.setBarDirection(BarDirection.COL);
        var labels = XDDFDataSourcesFactory.fromStringCellRange(sheet, new CellRangeAddress(1, regions, 0, 0));
        // by benefit rather than the total: a region's total is hidden whenever one benefit's count is, and a
        // chart of hidden totals is empty; each bar is a cell shown on the sheet, an x is no bar
        String[] series = {"ASP now", "ASP proposed", "CCA now", "CCA proposed"};
        // filled explicitly: without a fill LibreOffice draws the bars invisible
        byte[][] colours = {{(byte) 0x9e, (byte) 0xc5, (byte) 0xe8}, {(byte) 0x1f, (byte) 0x5f, (byte) 0xa8},
            {(byte) 0xf6, (byte) 0xc1, (byte) 0x8e}, {(byte) 0xc0, (byte) 0x5a, (byte) 0x10}};
        for (int i = 0; i < series.length; i++) {
            var bars = data.addSeries(labels, XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                    new CellRangeAddress(1, regions, 5 + i, 5 + i)));
            bars.setTitle(series[i], null);
            bars.setShapeProperties(new org.apache.poi.xddf.usermodel.XDDFShapeProperties());
            bars.getShapeProperties().setFillProperties(new org.apache.poi.xddf.usermodel.XDDFSolidFillProperties(
                    org.apache.poi.xddf.usermodel.XDDFColor.from(colours[i])));
        }
        chart.plot(data);
    }

    private void writeMembers(XSSFWorkbook workbook, String name, Quarter quarter, long proposedRun, long nowRun,
            int threshold) {
        Map<Category, long[]> byCategory = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            byCategory.put(category, new long[2]);
        }
        var day = quarter.firstDay();
        jdbc.query(MEMBERS, rs -> {
            Category category = Category.of(rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4), rs.getBoolean(5),
                    rs.getBoolean(6), rs.getBoolean(7));
            byCategory.get(category)[rs.getBoolean(1) ? 1 : 0] += rs.getLong(8);
        }, proposedRun, Category.childrenBornAfter(day), proposedRun, nowRun);
        int n = Category.values().length;
        long[][] grid = new long[n + 1][2];
        for (Category category : Category.values()) {
            grid[category.ordinal()] = byCategory.get(category);
            grid[n][0] += grid[category.ordinal()][0];
            grid[n][1] += grid[category.ordinal()][1];
        }
        boolean[][] hidden = Suppression.apply(grid, threshold, columnsAddUp(n, 2));
        XSSFSheet sheet = workbook.createSheet(name);
        header(sheet.createRow(0), new String[] {"Members of recipient families", "Now", "Proposed"});
        for (int r = 0; r <= n; r++) {
            Row row = sheet.createRow(r + 1);
            row.createCell(0).setCellValue(r < n ? Category.values()[r].label() : "All members");
            count(row, 1, grid[r][0], hidden[r][0]);
            count(row, 2, grid[r][1], hidden[r][1]);
        }
        sheet.setColumnWidth(0, 42 * 256);
    }

    static final List<String> BENEFITS = List.of("NONE", "ASP", "CCA");

    private void writeMoves(XSSFWorkbook workbook, String name, long proposedRun, long nowRun, int threshold) {
        long[][] moves = new long[BENEFITS.size() + 1][BENEFITS.size() + 1];
        long[][] bands = new long[BANDS.length + 1][1];
        jdbc.query(MOVES, rs -> {
            int from = BENEFITS.indexOf(rs.getString(1));
            int to = BENEFITS.indexOf(rs.getString(2));
            moves[from][to]++;
            moves[from][BENEFITS.size()]++;
            moves[BENEFITS.size()][to]++;
            moves[BENEFITS.size()][BENEFITS.size()]++;
            bands[band(rs.getLong(3))][0]++;
            bands[BANDS.length][0]++;
        }, nowRun, proposedRun);
        List<Suppression.Relation> relations = new ArrayList<>(columnsAddUp(BENEFITS.size(), BENEFITS.size() + 1));
        for (int r = 0; r <= BENEFITS.size(); r++) {
            List<Suppression.Cell> parts = new ArrayList<>();
            for (int c = 0; c < BENEFITS.size(); c++) {
                parts.add(new Suppression.Cell(r, c));
            }
            relations.add(new Suppression.Relation(parts, new Suppression.Cell(r, BENEFITS.size())));
        }
        boolean[][] hiddenMoves = Suppression.apply(moves, threshold, relations);
        boolean[][] hiddenBands = Suppression.apply(bands, threshold, columnsAddUp(BANDS.length, 1));
        XSSFSheet sheet = workbook.createSheet(name);
        header(sheet.createRow(0), new String[] {"Families: benefit now (rows) and proposed (columns)", "NONE", "ASP",
            "CCA", "All"});
        for (int r = 0; r <= BENEFITS.size(); r++) {
            Row row = sheet.createRow(r + 1);
            row.createCell(0).setCellValue(r < BENEFITS.size() ? BENEFITS.get(r) + " now" : "All");
            for (int c = 0; c <= BENEFITS.size(); c++) {
                count(row, c + 1, moves[r][c], hiddenMoves[r][c]);
            }
        }
        int first = BENEFITS.size() + 3;
        header(sheet.createRow(first), new String[] {"Difference in the quarter (tenge, proposed − now)",
            "Families"});
        for (int b = 0; b <= BANDS.length; b++) {
            Row row = sheet.createRow(first + 1 + b);
            row.createCell(0).setCellValue(b < BANDS.length ? BAND_LABELS[b] : "All");
            count(row, 1, bands[b][0], hiddenBands[b][0]);
        }
        sheet.setColumnWidth(0, 50 * 256);
    }

    static int band(long difference) {
        int band = 0;
        for (int b = 0; b < BANDS.length; b++) {
            if (difference >= BANDS[b]) {
                band = b;
            }
        }
        return band;
    }

    private void writeAbout(XSSFWorkbook workbook, Quarter quarter, List<Proposed> proposals, int threshold) {
        XSSFSheet sheet = workbook.createSheet("About");
        int[] r = {0};
        line(sheet, r, "Simulation of benefit quarter", quarter.toString());
        line(sheet, r, "Now", "the latest completed version of the quarter, or the quarter under the rules in force"
                + " if it was never run");
        line(sheet, r, "Suppression", "counts above 0 and below " + threshold + " are shown as " + SUPPRESSED
                + " (and one more where a total would give them back); amounts only where their count is shown");
        line(sheet, r, "Poverty gap", "over the computed families: the sum of max(0, SM × members − (per-capita"
                + " income × members + monthly amount)), tenge a month");
        for (Proposed proposed : proposals) {
            r[0]++;
            String who = proposals.size() > 1 ? "Proposal " + proposed.proposal().name() : "Proposal";
            line(sheet, r, who, proposed.proposal().describe());
            line(sheet, r, "Proposed rules (parameter, value, valid from)", "");
            jdbc.query("select parameter, value, valid_from from ref_rule where run_id = ? order by line",
                    rs -> {
                        line(sheet, r, rs.getString(1), rs.getString(2) + " from " + rs.getString(3));
                    }, proposed.run());
            line(sheet, r, "Proposed income types (counted, valid from)", "");
            jdbc.query("select income_type, counted, valid_from from ref_income_type where run_id = ? order by line",
                    rs -> {
                        line(sheet, r, rs.getString(1), (rs.getBoolean(2) ? "counted" : "not counted") + " from "
                                + rs.getString(3));
                    }, proposed.run());
        }
        sheet.setColumnWidth(0, 44 * 256);
        sheet.setColumnWidth(1, 90 * 256);
    }

    private static void line(XSSFSheet sheet, int[] row, String label, String value) {
        Row r = sheet.createRow(row[0]++);
        r.createCell(0).setCellValue(label);
        r.createCell(1).setCellValue(value);
    }

    /** Every column's rows 0..n-1 add up to row n. */
    private static List<Suppression.Relation> columnsAddUp(int rows, int columns) {
        List<Suppression.Relation> relations = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            List<Suppression.Cell> parts = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                parts.add(new Suppression.Cell(r, c));
            }
            relations.add(new Suppression.Relation(parts, new Suppression.Cell(rows, c)));
        }
        return relations;
    }

    private static void header(Row row, String[] labels) {
        var style = row.getSheet().getWorkbook().createCellStyle();
        var font = row.getSheet().getWorkbook().createFont();
        font.setBold(true);
        style.setFont(font);
        style.setWrapText(true);
        style.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
        // room for wrapped labels: LibreOffice does not grow a row for them when it prints
        row.setHeightInPoints(3 * row.getSheet().getDefaultRowHeightInPoints());
        for (int i = 0; i < labels.length; i++) {
            var cell = row.createCell(i);
            cell.setCellValue(labels[i]);
            cell.setCellStyle(style);
        }
    }

    /** Tenge and counts with thousands separators, so that a printed page reads at a glance. */
    private static void grouped(org.apache.poi.ss.usermodel.Cell cell) {
        var workbook = cell.getSheet().getWorkbook();
        var style = workbook.getCellStyleAt(workbook.getNumCellStyles() - 1);
        if (style.getDataFormat() != workbook.createDataFormat().getFormat("#,##0")) {
            style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
        }
        cell.setCellStyle(style);
    }

    private static void count(Row row, int column, long value, boolean hidden) {
        if (hidden) {
            row.createCell(column).setCellValue(SUPPRESSED);
        } else {
            row.createCell(column).setCellValue(value);
        }
    }

    private static void amount(Row row, int column, BigDecimal value, boolean hidden) {
        if (hidden) {
            row.createCell(column).setCellValue(SUPPRESSED);
        } else {
            var cell = row.createCell(column);
            cell.setCellValue(value.doubleValue());
            grouped(cell);
        }
    }

    private static BigDecimal[] zeros(int n) {
        BigDecimal[] values = new BigDecimal[n];
        java.util.Arrays.fill(values, BigDecimal.ZERO);
        return values;
    }
}
