package kz.orleu.benefits.statistics;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import kz.orleu.benefits.output.OutputFiles;
import kz.orleu.benefits.output.OutputPublisher;
import kz.orleu.benefits.reference.RunReferenceRepository;
import kz.orleu.benefits.run.RunContext;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code statistics.xlsx}, the workbook statisticians paste into the ministry's reports, in Kazakh, Russian or
 * English ({@link Language}), with {@code statistics.csv} beside it ({@link StatisticsCsv}): Summary, Composition,
 * Compliance, Changes, Adjustments (only in a version of a quarter that has an earlier completed one, as
 * {@code adjustments.csv}), Trends (the quarters up to this one side by side, {@link TrendsSheet}) and About,
 * aggregates by region only, with small cells suppressed ({@link Suppression}).
 *
 * <p>The aggregation happens in the database ({@link StatisticsQueries}); what reaches Java is a few numbers per
 * region, so the workbook is small whatever the number of families. It is streamed with SXSSF all the same (a
 * window of rows in memory, the rest on disk), so that a longer sheet added later needs no change of approach.
 */
@Component
public class StatisticsWorkbook implements OutputPublisher.Part {

    public static final String FILE_NAME = "statistics.xlsx";
    public static final String CSV_FILE_NAME = StatisticsCsv.FILE_NAME;
    private static final Logger log = LoggerFactory.getLogger(StatisticsWorkbook.class);
    private static final int ROWS_IN_MEMORY = 100;

    private final StatisticsQueries queries;

    public StatisticsWorkbook(JdbcTemplate jdbc, RunReferenceRepository reference) {
        this.queries = new StatisticsQueries(jdbc, reference);
    }

    static {
        // POI's default temporary folder (/tmp/poifiles) is shared by every user of the machine, and one made
        // by root cannot be written by the service account: each process gets a private folder instead.
        try {
            Path folder = Files.createTempDirectory("benefits-poi-");
            folder.toFile().deleteOnExit();
            TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(folder.toFile()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot create a temporary folder for the workbook", e);
        }
    }

    @Override
    public void write(RunContext run, Path folder) throws IOException {
        long started = System.nanoTime();
        QuarterStatistics statistics = queries.load(run);
        List<QuarterStatistics> earlier = queries.earlierQuarters(run);
        long queried = System.nanoTime();
        boolean overridden = run.suppressBelow() != null;
        int threshold = overridden ? run.suppressBelow() : statistics.run().ruleSet().suppressBelow();
        Language language = Language.choose(run.language(), statistics.run().ruleSet().statisticsLanguage());
        Path file = folder.resolve(FILE_NAME);
        write(statistics, earlier, threshold, overridden, language, AboutSheet.now(), file);
        log.info("{} and {} written for {} (suppression below {}, language {}): aggregates in {} ms, workbook in {} ms",
                file, CSV_FILE_NAME, run.benefitQuarter(), threshold, language.code(),
                (queried - started) / 1_000_000,
                (System.nanoTime() - queried) / 1_000_000);
    }

    static void write(QuarterStatistics statistics, int threshold, boolean thresholdOverridden,
            ZonedDateTime generatedAt, Path file) throws IOException {
        write(statistics, threshold, thresholdOverridden, Language.EN, generatedAt, file);
    }

    /**
     * Writes {@code file} and {@code statistics.csv} beside it. Both are written from the same laid-out tables,
     * so the CSV has exactly the numbers (and the suppressed cells) of the workbook.
     */
    static void write(QuarterStatistics statistics, int threshold, boolean thresholdOverridden, Language language,
            ZonedDateTime generatedAt, Path file) throws IOException {
        write(statistics, List.of(), threshold, thresholdOverridden, language, generatedAt, file);
    }

    /**
     * @param earlier the figures of the earlier quarters of the Trends sheet, oldest first; each is suppressed
     *     under this workbook's threshold
     */
    static void write(QuarterStatistics statistics, List<QuarterStatistics> earlier, int threshold,
            boolean thresholdOverridden, Language language, ZonedDateTime generatedAt, Path file)
            throws IOException {
        Messages m = Messages.of(language);
        CountGrid grid = CountGrid.of(statistics, threshold);
        List<TrendsSheet.QuarterFigures> history = new ArrayList<>();
        for (QuarterStatistics quarter : earlier) {
            history.add(new TrendsSheet.QuarterFigures(quarter, CountGrid.of(quarter, threshold)));
        }
        history.add(new TrendsSheet.QuarterFigures(statistics, grid));
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
        try {
            workbook.setCompressTempFiles(true);
            WorkbookStyles styles = new WorkbookStyles(workbook, language);
            List<SheetBuilder> sheets = new ArrayList<>();
            sheets.add(SummarySheet.layout(statistics, grid, m));
            CompositionSheet composition = CompositionSheet.layout(statistics, grid, m);
            sheets.add(composition.sheet());
            sheets.add(ComplianceSheet.layout(statistics, grid, m));
            sheets.add(ChangesSheet.layout(statistics, grid, m));
            if (statistics.adjustments().exist()) {
                sheets.add(AdjustmentsSheet.layout(statistics, grid, m));
            }
            TrendsSheet trends = TrendsSheet.layout(history, grid, m);
            sheets.add(trends.sheet());
            sheets.add(AboutSheet.layout(statistics, grid, thresholdOverridden, generatedAt, m));
            for (SheetBuilder sheet : sheets) {
                sheet.write(workbook, styles);
            }
            composition.drawChart(workbook);
            trends.drawChart(workbook);
            describe(workbook, statistics, m);
            try (OutputStream out = OutputFiles.newFile(file)) {
                workbook.write(out);
            }
            List<Value> observations = new ArrayList<>();
            sheets.forEach(sheet -> observations.addAll(sheet.observations()));
            StatisticsCsv.write(statistics.run().benefitQuarter(), grid.lines, observations,
                    file.resolveSibling(StatisticsCsv.FILE_NAME));
        } finally {
            workbook.close(); // also deletes the temporary files of the streamed sheets (POI 5.4+)
        }
    }

    private static void describe(SXSSFWorkbook workbook, QuarterStatistics statistics, Messages m) {
        POIXMLProperties.CoreProperties core = workbook.getXSSFWorkbook().getProperties().getCoreProperties();
        core.setCreator(m.text("properties.creator"));
        core.setTitle(m.text("properties.title", statistics.run().benefitQuarter()));
        core.setDescription(m.text("properties.description"));
    }
}
