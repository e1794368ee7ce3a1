package kz.orleu.benefits.declaration;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import kz.orleu.benefits.csv.CsvRecordReader;
import kz.orleu.benefits.csv.CsvSource;
import kz.orleu.benefits.csv.ReadAheadReader;
import kz.orleu.benefits.observability.ProgressReporter;
import kz.orleu.benefits.reference.RuleSet;
import kz.orleu.benefits.reference.RunReferenceRepository;
import kz.orleu.benefits.run.RunContext;
import kz.orleu.benefits.run.RunScopedReader;
import kz.orleu.benefits.store.BinaryRows;
import kz.orleu.benefits.store.PgCopy;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Reader and writer of the chunk step that stages one input file: every record read becomes a staging row,
 * accepted or rejected, so that rows read = accepted + rejected holds by construction. The reader checks each row
 * and encodes it for the COPY on its reading thread ({@link ReadAheadReader}), so that reading the next chunk
 * overlaps with the database storing this one; the writer has only to send the bytes. The reading thread also
 * shows each row to the file's {@link DuplicateKeyScreen}.
 */
public final class DeclarationIngest {

    private DeclarationIngest() {
    }

    /** A row checked and, already on the reading thread, encoded for the COPY into its staging table. */
    public record Staged(StagedRow row, byte[] copyRow) {
    }

    /**
     * The rows of {@code file} in batches of {@code batchRows}, each row checked and encoded on the reading
     * thread; the step takes one batch per chunk, so that its per-item work (observation, events, listeners) is
     * done per chunk, not per row.
     */
    public static RunScopedReader<List<Staged>> reader(InputFile file, RunReferenceRepository reference,
            DataSource dataSource, DuplicateKeyScreen duplicateKeys, int batchRows) {
        return new RunScopedReader<>(step -> {
            RunContext run = RunContext.of(step);
            DeclarationRowValidator validator = validator(run, reference);
            BinaryRows staging = PgCopy.binaryRows(dataSource, file.stagingTable(), stagingColumns(file));
            long runId = run.runId();
            return new ReadAheadReader<>(new CsvRecordReader(CsvSource.of(run.input().resolve(file.fileName()))),
                    record -> {
                        StagedRow row = validator.validate(file, record);
                        duplicateKeys.see(row);
                        return new Staged(row, staging.encode(stagingRow(runId, row)));
                    }, batchRows);
        });
    }

    /** The columns of a file's staging table: the run, the line, whether rejected, then the file's columns. */
    static List<String> stagingColumns(InputFile file) {
        List<String> columns = new ArrayList<>(List.of("run_id", "line", "rejected"));
        file.columns().forEach(c -> columns.add(c.name()));
        return List.copyOf(columns);
    }

    private static Object[] stagingRow(long runId, StagedRow row) {
        Object[] values = new Object[row.values().length + 3];
        values[0] = runId;
        values[1] = row.line();
        values[2] = row.rejected();
        System.arraycopy(row.values(), 0, values, 3, row.values().length);
        return values;
    }

    private static DeclarationRowValidator validator(RunContext run, RunReferenceRepository reference) {
        var data = reference.load(run.runId());
        RuleSet rules = data.ruleSetFor(run.benefitQuarter());
        return new DeclarationRowValidator(run.incomeQuarter(), data.regions().keySet(), rules.knownIncomeTypes());
    }

    /** Progress of an ingest step in bytes of its file: the reader's committed offset against the file size. */
    public static ProgressReporter.Measure bytesRead(InputFile file) {
        return new ProgressReporter.Measure() {
            @Override
            public long done(StepExecution step) {
                return step.getExecutionContext().getLong(CsvRecordReader.offsetKey(file.fileName()), 0L);
            }

            @Override
            public long total(StepExecution step) {
                try {
                    return java.nio.file.Files.size(RunContext.of(step).input().resolve(file.fileName()));
                } catch (java.io.IOException e) {
                    return 0;
                }
            }
        };
    }

    public static final class Writer implements ItemWriter<List<Staged>>, StepExecutionListener {

        static final List<String> REJECT_COLUMNS = List.of("run_id", "file", "line", "column_name", "value", "reason",
                "message", "family_id", "contract_id");
        public static final List<String> WARNING_COLUMNS = List.of("run_id", "file", "line", "column_name", "value",
                "reason", "message");

        private final InputFile file;
        private final DataSource dataSource;
        private BinaryRows staging;
        private long runId;
        private StepExecution stepExecution;

        public Writer(InputFile file, DataSource dataSource) {
            this.file = file;
            this.dataSource = dataSource;
        }

        @Override
        public void beforeStep(StepExecution stepExecution) {
            runId = RunContext.of(stepExecution).runId();
            this.stepExecution = stepExecution;
            staging = PgCopy.binaryRows(dataSource, file.stagingTable(), stagingColumns(file));
        }

        @Override
        public void write(Chunk<? extends List<Staged>> chunk) {
            List<byte[]> staged = new ArrayList<>();
            List<Object[]> rejects = new ArrayList<>();
            List<Object[]> warnings = new ArrayList<>();
            for (List<Staged> batch : chunk) {
                for (Staged item : batch) {
                    StagedRow row = item.row();
                    staged.add(item.copyRow());
                    if (row.rejected()) {
                        Reject r = row.reject();
                        rejects.add(new Object[] {runId, r.file(), r.line(), r.column(), r.value(),
                                r.reason().name(), r.message(), r.familyId(), r.contractId()});
                    }
                    for (RowWarning w : row.warnings()) {
                        warnings.add(warningRow(runId, w));
                    }
                }
            }
            PgCopy.copyBinary(dataSource, staging, staged);
            PgCopy.copy(dataSource, "reject", REJECT_COLUMNS, rejects);
            PgCopy.copy(dataSource, "warning", WARNING_COLUMNS, warnings);
            countRows(chunk.size(), staged.size(), rejects.size());
        }

        /**
         * The step counts items, and an item here is a batch of rows: the counts are set to rows, so that the step
         * executions of the job repository (and {@code executions}) show rows read = written + filtered. A
         * rejected row is staged too (its key still counts for duplicates), so it would count as written; it is
         * counted as filtered. The step adds the chunk's items to its read and write counts after the writer
         * returns; a chunk that fails fails the step, and its restart counts afresh.
         */
        private void countRows(int batches, int rows, int rejected) {
            if (stepExecution != null) {
                stepExecution.setReadCount(stepExecution.getReadCount() + rows - batches);
                stepExecution.setWriteCount(stepExecution.getWriteCount() + rows - rejected - batches);
                stepExecution.setFilterCount(stepExecution.getFilterCount() + rejected);
            }
        }

        public static Object[] warningRow(long runId, RowWarning w) {
            return new Object[] {runId, w.file(), w.line(), w.column(), w.value(), w.reason().name(), w.message()};
        }
    }
}
