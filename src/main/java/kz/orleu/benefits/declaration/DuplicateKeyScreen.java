package kz.orleu.benefits.declaration;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import kz.orleu.benefits.csv.LineCountEstimate;
import kz.orleu.benefits.run.RunContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whether a file may hold a duplicate key, learnt by its ingest step while the file is read, so that
 * {@code validateDeclarations} can skip the aggregate of duplicate keys for a file that has none (on a clean
 * quarter, most of the time that step takes). The reading thread fingerprints each row's key
 * ({@link InputFile#keyColumns()}, the staged values, rejected rows too, no key if a value is null: the rows the
 * {@code repeated} part of {@code cross-file/<file>.sql} groups) into a {@link FingerprintSet}; a fingerprint seen
 * twice means "possible". Fingerprints never miss a duplicate; a false "possible" only costs the exact check.
 *
 * <p>The answer is recorded when the step completes, and forgotten when it starts: a step that fails leaves no
 * answer, which reads as "possible". A step restarted after committed chunks starts from the keys already staged
 * for the run and file (every row of an earlier execution that committed, which are the lines before the
 * position it resumes at), then reads on: the answer is the one an uninterrupted step gives.
 */
public final class DuplicateKeyScreen implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(DuplicateKeyScreen.class);
    /** The first 64 KiB may hold shorter lines than the rest: a little room before a second table is needed. */
    private static final double ESTIMATE_MARGIN = 1.05;
    private static final int FETCH_SIZE = 10_000;
    /**
     * The most heap the fingerprints of one file may take, about 19 million keys (a million families' incomes
     * take 67 MB). A larger file is not screened: its duplicate keys are checked in SQL, as if one repeated, so
     * that the heap the job needs does not grow with the input.
     */
    static final long MAX_BYTES = 128L << 20;
    /** How often, in keys, the reading thread looks whether the tables have outgrown {@link #MAX_BYTES}. */
    private static final int SIZE_CHECK_INTERVAL = 1 << 16;

    private final InputFile file;
    private final DataSource dataSource;
    private final DuplicateKeyScreenStore store;
    private final int[] keyColumns;
    private final String stagedKeys;

    private long runId;
    private KeyHash hash;
    /**
     * Filled by {@link #beforeStep} on the step's thread, then by the reading thread, then read by
     * {@link #afterStep} once the reader has handed over the end of the file (after every row it saw); null
     * between steps, so that its tables are garbage then.
     */
    private volatile FingerprintSet fingerprints;
    /** Set when the file proved too large to screen: its duplicate keys are then checked in SQL. */
    private volatile boolean tooLarge;
    private long keysSeen;

    public DuplicateKeyScreen(InputFile file, DataSource dataSource) {
        this.file = file;
        this.dataSource = dataSource;
        this.store = new DuplicateKeyScreenStore(new JdbcTemplate(dataSource));
        List<String> columns = file.columns().stream().map(InputFile.Column::name).toList();
        this.keyColumns = file.keyColumns().stream().mapToInt(columns::indexOf).toArray();
        this.stagedKeys = "select " + String.join(", ", file.keyColumns()) + " from " + file.stagingTable()
                + " where run_id = ?";
    }

    @Override
    public void beforeStep(StepExecution step) {
        RunContext run = RunContext.of(step);
        runId = run.runId();
        store.forget(runId, file);
        Path input = run.input().resolve(file.fileName());
        start((long) (LineCountEstimate.of(input) * ESTIMATE_MARGIN), KeyHash.withRandomSeed());
        seeStagedRows();
    }

    /** A fresh screen for about {@code expectedRows} rows (a test drives it without a step). */
    void start(long expectedRows, KeyHash hash) {
        this.hash = hash;
        keysSeen = 0;
        tooLarge = 4L * FingerprintSet.capacityFor(expectedRows) > MAX_BYTES;
        fingerprints = tooLarge ? null : new FingerprintSet(expectedRows);
    }

    /** The rows an earlier execution of the step committed for the run and file; none on a first start. */
    void seeStagedRows() {
        Object[] values = new Object[file.columns().size()];
        try (Connection connection = dataSource.getConnection()) {
            // a cursor, not the whole partition in memory: PostgreSQL's driver fetches in batches only in a
            // transaction
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement query = connection.prepareStatement(stagedKeys)) {
                query.setFetchSize(FETCH_SIZE);
                query.setLong(1, runId);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        for (int i = 0; i < keyColumns.length; i++) {
                            values[keyColumns[i]] = rs.getString(i + 1);
                        }
                        see(values);
                    }
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("cannot read the keys staged for " + file.fileName(), e);
        }
    }

    /** A row checked on the reading thread, accepted or not. */
    void see(StagedRow row) {
        see(row.values());
    }

    private void see(Object[] values) {
        FingerprintSet seen = fingerprints;
        if (seen == null) {
            // the step has ended (failed) while the reading thread read on
            return;
        }
        for (int column : keyColumns) {
            if (values[column] == null) {
                return;
            }
        }
        seen.add(hash.of(values, keyColumns));
        if (++keysSeen % SIZE_CHECK_INTERVAL == 0 && seen.bytes() > MAX_BYTES) {
            tooLarge = true;
            fingerprints = null;
        }
    }

    /** Whether a key came twice in the rows seen so far (or, rarely, looked as if it did), or too many came. */
    boolean duplicatesPossible() {
        FingerprintSet seen = fingerprints;
        return seen == null || seen.repeated();
    }

    /** Records the answer if the step completed (its reader then handed over the end of the file). */
    @Override
    public ExitStatus afterStep(StepExecution step) {
        FingerprintSet seen = fingerprints;
        fingerprints = null;
        if (step.getStatus() == BatchStatus.COMPLETED) {
            boolean possible = seen == null || seen.repeated();
            store.record(runId, file, possible);
            if (tooLarge) {
                log.info("{}: too many keys to screen within {} MB, duplicate keys are checked", file.fileName(),
                        MAX_BYTES >> 20);
            } else if (possible) {
                log.info("{}: a key repeats, duplicate keys are checked", file.fileName());
            } else {
                log.info("{}: {} keys, none repeated ({} of fingerprints in {} table(s)), no duplicate-key check",
                        file.fileName(), seen.size(), "%.1f MB".formatted(seen.bytes() / 1e6), seen.tables());
            }
        }
        return null;
    }
}
