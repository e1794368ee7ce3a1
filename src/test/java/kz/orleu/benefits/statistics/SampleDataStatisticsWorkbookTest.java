package kz.orleu.benefits.statistics;

import java.nio.file.Path;

/** The workbook checked against the database for the two quarters of {@code sample-data/}. */
class SampleDataStatisticsWorkbookTest extends StatisticsWorkbookTest {

    @Override
    protected Path input(String incomeQuarter) {
        return Path.of("sample-data", incomeQuarter);
    }
}
