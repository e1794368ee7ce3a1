package kz.orleu.benefits.reference;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import kz.orleu.benefits.csv.CsvRecord;
import kz.orleu.benefits.csv.CsvRecordReader;
import kz.orleu.benefits.run.RunContext;
import kz.orleu.benefits.run.RunScopedReader;
import kz.orleu.benefits.store.PgCopy;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Reader, processor and writer of the chunk step that loads one reference file into the run's table. */
public final class ReferenceLoader {

    private ReferenceLoader() {
    }

    /** Reads the input folder's copy of the file, or the shipped default. */
    public static RunScopedReader<CsvRecord> reader(ReferenceFile file) {
        return new RunScopedReader<>(step -> new CsvRecordReader(file.source(RunContext.of(step).input())));
    }

    /** Parses a row into the table's values, prefixed with run id and line. */
    public static final class Processor implements ItemProcessor<CsvRecord, Object[]>, StepExecutionListener {

        private final ReferenceFile file;
        private long runId;

        public Processor(ReferenceFile file) {
            this.file = file;
        }

        @Override
        public void beforeStep(StepExecution stepExecution) {
            runId = RunContext.of(stepExecution).runId();
        }

        @Override
        public Object[] process(CsvRecord record) {
            Object[] values = ReferenceRows.parse(file, record);
            Object[] row = new Object[values.length + 2];
            row[0] = runId;
            row[1] = record.line();
            System.arraycopy(values, 0, row, 2, values.length);
            return row;
        }
    }

    public static final class Writer implements ItemWriter<Object[]> {

        private final ReferenceFile file;
        private final DataSource dataSource;

        public Writer(ReferenceFile file, DataSource dataSource) {
            this.file = file;
            this.dataSource = dataSource;
        }

        @Override
        public void write(Chunk<? extends Object[]> chunk) {
            List<String> columns = new ArrayList<>(List.of("run_id", "line"));
            columns.addAll(file.columns());
            PgCopy.copy(dataSource, file.table(), columns, new ArrayList<>(chunk.getItems()));
        }
    }
}
