package kz.orleu.benefits.generator;

import java.nio.file.Path;
import java.util.List;

/** What {@link QuarterGenerator#generate} wrote: row counts per file and the deliberately bad rows. */
public record GenerationReport(Path output, long families, long members, long incomes, long contracts,
                               long obligations, long monitoring, List<BadRow> badRows) {

    public GenerationReport {
        badRows = List.copyOf(badRows);
    }
}
