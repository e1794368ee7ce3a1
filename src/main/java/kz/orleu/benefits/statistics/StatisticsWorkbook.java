package kz.orleu.benefits.statistics;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
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
 * {@code statistics.xlsx}, the workbook statisticians paste into the ministry's reports: Summary, Composition,
 * Compliance, Changes, Adjustments (only in a version of a quarter that has an earlier completed one, as
 * {@code adjustments.csv}) and About, aggregates by region only, with small cells suppressed ({@link Suppression}).
 *
 * <p>The aggregation happens in the database ({@link StatisticsQueries}); what reaches Java is a few numbers per
 * region, so the workbook is small whatever the number of families. It is streamed with SXSSF all the same (a
 * window of rows in memory, the rest on disk), so that a longer sheet added later needs no change of approach.
 */
@Component
public class StatisticsWorkbook implements OutputPublisher.Part {

    public static final String FILE_NAME = "statistics.xlsx";
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
        long queried = System.nanoTime();
        boolean overridden = run.suppressBelow() != null;
        int threshold = overridden ? run.suppressBelow() : statistics.run().ruleSet().suppressBelow();
        Path file = folder.resolve(FILE_NAME);
        write(statistics, threshold, overridden, AboutSheet.now(), file);
        log.info("{} written for {} (suppression below {}): aggregates in {} ms, workbook in {} ms", file,
                run.benefitQuarter(), threshold, (queried - started) / 1_000_000,
                (System.nanoTime() - queried) / 1_000_000);
    }

    static void write(QuarterStatistics statistics, int threshold, boolean thresholdOverridden,
            ZonedDateTime generatedAt, Path file) throws IOException {
        CountGrid grid = CountGrid.of(statistics, threshold);
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
        try {
            workbook.setCompressTempFiles(true);
            WorkbookStyles styles = new WorkbookStyles(workbook);
            SummarySheet.layout(statistics, grid).write(workbook, styles);
            CompositionSheet composition = CompositionSheet.layout(statistics, grid);
            composition.sheet().write(workbook, styles);
            composition.drawChart(workbook);
            ComplianceSheet.layout(statistics, grid).write(workbook, styles);
            ChangesSheet.layout(statistics, grid).write(workbook, styles);
            if (statistics.adjustments().exist()) {
                AdjustmentsSheet.layout(statistics, grid).write(workbook, styles);
            }
            AboutSheet.layout(statistics, grid, thresholdOverridden, generatedAt).write(workbook, styles);
            describe(workbook, statistics);
            try (OutputStream out = OutputFiles.newFile(file)) {
                workbook.write(out);
            }
        } finally {
            workbook.close(); // also deletes the temporary files of the streamed sheets (POI 5.4+)
        }
    }

    private static void describe(SXSSFWorkbook workbook, QuarterStatistics statistics) {
        POIXMLProperties.CoreProperties core = workbook.getXSSFWorkbook().getProperties().getCoreProperties();
        core.setCreator("benefits: quarterly recalculation of ASP and CCA");
        core.setTitle("Statistics of ASP and CCA, benefit quarter " + statistics.run().benefitQuarter());
        core.setDescription("Aggregates by region; small cells suppressed. No personal data.");
    }
}
