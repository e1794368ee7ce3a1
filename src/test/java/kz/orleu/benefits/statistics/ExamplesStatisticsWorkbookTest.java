package kz.orleu.benefits.statistics;

import java.nio.file.Path;
import kz.orleu.benefits.support.Examples;

/** The workbook checked against the database for the worked examples of the rule book. */
class ExamplesStatisticsWorkbookTest extends StatisticsWorkbookTest {

    @Override
    protected Path input(String incomeQuarter) {
        return Examples.input(incomeQuarter);
    }
}
