package kz.orleu.benefits.declaration;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import kz.orleu.benefits.csv.CsvRecordReader;
import kz.orleu.benefits.csv.CsvSource;
import kz.orleu.benefits.run.RunContext;
import kz.orleu.benefits.run.RunRepository;
import kz.orleu.benefits.store.NamedSql;
import kz.orleu.benefits.store.RunJoins;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The checks of "Validation and rejects" that span rows and files, run once all six files are staged. They are
 * set-based because a per-row lookup is the cost to avoid at a national caseload: one statement per file
 * ({@code declaration/cross-file/*.sql}) finds each row's first fault, with one anti-join to the file it refers to
 * and one aggregate for its duplicate keys (a row is a duplicate only if it has no earlier fault). Files are
 * checked in dependency order (families, members, incomes, contracts, obligations, monitoring) so that a row
 * referring to a rejected row is itself rejected; when no file has a fault, the files are checked side by side
 * instead ({@link #noFileHasFaults}). Rows are marked and recorded in the step's single transaction: a failure
 * leaves nothing half-done for the restart. The aggregate of duplicate keys is most of the time of a clean quarter;
 * it is skipped for a file whose ingest step saw no key twice ({@link DuplicateKeyScreen}): the statement's
 * {@code :duplicates_possible} is then false, and PostgreSQL does not read the table for it (planned with the value,
 * the condition folds to false; in a generic plan it is a one-time filter that stops the scan before it starts).
 */
public final class CrossFileValidation {

    private static final Logger log = LoggerFactory.getLogger(CrossFileValidation.class);

    /** The files in the order they are checked: each refers only to files checked before it. */
    private static final List<InputFile> ORDER = List.of(InputFile.FAMILIES, InputFile.MEMBERS, InputFile.INCOMES,
            InputFile.CONTRACTS, InputFile.OBLIGATIONS, InputFile.MONITORING);

    /** The files by the cost of their checks, dearest first, so that checks run side by side end together. */
    private static final List<InputFile> BY_COST = List.of(InputFile.INCOMES, InputFile.MEMBERS,
            InputFile.OBLIGATIONS, InputFile.FAMILIES, InputFile.MONITORING, InputFile.CONTRACTS);

    /** Each file's faulty rows, first fault first ({@code declaration/cross-file/<file>.sql}). */
    private static final Map<InputFile, String> FAULTS = new EnumMap<>(InputFile.class);

    static {
        for (InputFile file : ORDER) {
            FAULTS.put(file, NamedSql.text("declaration/cross-file/" + file.fileName().replace(".csv", ".sql")));
        }
    }

    /** The families of which more than one accepted contract has a span, their spans in file order. */
    private static final NamedSql SPANS_TO_COMPARE = ContractSpans.readBy(NamedSql.of("""
            select s.line, s.contract_id, s.family_id, s.first_month, s.last_day
              from contract_span s
             where s.family_id in (select family_id from contract_span group by family_id having count(*) > 1)
             order by s.family_id, s.line"""));

    /** The overlapping contracts the walk of {@link #overlappingContracts} found, as faults of contracts.csv. */
    private static final String OVERLAPS = """
            select c.ctid as row_id, c.line, 'start_date' as column_name, c.start_date::text as value,
                   'OVERLAPPING_CONTRACT' as reason, o.message, c.family_id, c.contract_id
              from stg_contract c
              join unnest(:lines, :messages) as o (line, message) on o.line = c.line
             where c.run_id = :run""";

    private final JdbcTemplate jdbc;
    private final RunRepository runs;
    private final PlatformTransactionManager transactionManager;
    private final DuplicateKeyScreenStore duplicateKeys;

    public CrossFileValidation(JdbcTemplate jdbc, RunRepository runs, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.transactionManager = transactionManager;
        this.duplicateKeys = new DuplicateKeyScreenStore(jdbc);
    }

    /** Runs every check of the run; returns the number of rows it rejected. */
    public long validate(RunContext run) {
        long id = run.runId();
        analyzeStaging(id);
        RunJoins.hashed(jdbc);
        Map<InputFile, Map<String, Object>> checks = checkValues(id);
        Set<InputFile> changed = EnumSet.noneOf(InputFile.class);
        long rejected = 0;
        if (noFileHasFaults(id, checks)) {
            log.info("no row rejected across files");
        } else {
            for (InputFile file : ORDER) {
                int n = reject(id, file, FAULTS.get(file), checks.get(file));
                if (file == InputFile.CONTRACTS) {
                    n += rejectOverlappingContracts(id);
                }
                if (n > 0) {
                    changed.add(file);
                }
                rejected += n;
            }
        }
        attributeToFamilies(id);
        warnUnknownColumns(run);
        countAndCheck(id);
        // the later steps plan their joins on these tables: only the files that lost rows here have changed
        changed.forEach(file -> runs.analyze(file.stagingTable(), id));
        return rejected;
    }

    /**
     * Each file's {@code :duplicates_possible}: false only for a file whose ingest step completed without seeing a
     * key twice; true for the others, and for a run staged before the screen existed.
     */
    private Map<InputFile, Map<String, Object>> checkValues(long runId) {
        Set<InputFile> withoutDuplicates = duplicateKeys.withoutDuplicates(runId);
        if (!withoutDuplicates.isEmpty()) {
            log.info("duplicate keys not checked in {}: no key repeats", withoutDuplicates.stream()
                    .map(InputFile::fileName).toList());
        }
        Map<InputFile, Map<String, Object>> values = new EnumMap<>(InputFile.class);
        for (InputFile file : ORDER) {
            values.put(file, Map.of("duplicates_possible", !withoutDuplicates.contains(file)));
        }
        return values;
    }

    /**
     * Whether no file has a row to reject, all files checked at once, each in a read-only transaction of its own,
     * as many at a time as there are cores. A file's checks depend on the earlier files only through the rows they
     * reject: if no file has a fault on the rows as staged, checking them in order finds none either. A national
     * quarter is mostly clean, and then the checks take the time of the longest (incomes), not the sum of all.
     */
    private boolean noFileHasFaults(long runId, Map<InputFile, Map<String, Object>> values) {
        List<Callable<Boolean>> checks = new ArrayList<>();
        for (InputFile file : BY_COST) {
            NamedSql count = NamedSql.of("select count(*) from (\n" + FAULTS.get(file) + "\n) fault");
            Map<String, Object> all = new HashMap<>(values.get(file));
            all.put("run", runId);
            // the dearest check (incomes: an anti-join of every income with every member) gets a parallel
            // worker, so that it ends about when the others, checked meanwhile on the second core, do
            int workers = file == BY_COST.get(0) ? 1 : 0;
            checks.add(() -> readOnly(workers, () -> jdbc.query(count.sql(), count.setter(all),
                    rs -> rs.next() && rs.getLong(1) == 0)));
        }
        checks.add(() -> readOnly(0, () -> overlappingContracts(runId).isEmpty()));
        return sideBySide(checks).stream().allMatch(Boolean::booleanValue);
    }

    /**
     * Fresh planner statistics for the staged rows (a bulk load leaves none), the files side by side, each
     * committed at once: the checks on connections of their own plan with them too.
     */
    private void analyzeStaging(long runId) {
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        sideBySide(ORDER.stream().<Callable<Boolean>>map(file -> () -> {
            transaction.executeWithoutResult(status -> runs.analyze(file.stagingTable(), runId));
            return true;
        }).toList());
    }

    /** Runs {@code tasks} as many at a time as there are cores, each on a thread (and connection) of its own. */
    private static <T> List<T> sideBySide(List<Callable<T>> tasks) {
        ExecutorService threads = Executors.newFixedThreadPool(
                Math.min(tasks.size(), Runtime.getRuntime().availableProcessors()));
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> result : threads.invokeAll(tasks)) {
                results.add(result.get());
            }
            return results;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("a cross-file check failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the files across", e);
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * {@code check} in a read-only transaction on this thread's own connection, planned as the step's statements
     * are, with at most {@code workers} parallel workers: the checks already run side by side, one per core.
     */
    private <T> T readOnly(int workers, Supplier<T> check) {
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        transaction.setReadOnly(true);
        return transaction.execute(status -> {
            RunJoins.hashed(jdbc);
            jdbc.execute("set local max_parallel_workers_per_gather = " + workers);
            return check.get();
        });
    }

    /**
     * Marks the rows of {@code faults} rejected and records them. {@code faults} is a query of the file's faulty
     * rows giving each one's ctid as {@code row_id} (so that marking them is a TID scan, not a join with the whole
     * file), its line, column, value, reason, message, family and contract.
     */
    private int reject(long runId, InputFile file, String faults, Map<String, Object> values) {
        NamedSql statement = NamedSql.of("with fault as materialized (\n" + faults + "\n),\n" + """
                marked as (
                    update %s t set rejected = true
                     where t.run_id = :run and t.ctid = any (array(select row_id from fault)))
                insert into reject (run_id, file, line, column_name, value, reason, message, family_id, contract_id)
                select :run, :file, line, column_name, value, reason, message, family_id, contract_id from fault
                returning reason""".formatted(file.stagingTable()));
        Map<String, Object> all = new HashMap<>(values);
        all.put("run", runId);
        all.put("file", file.fileName());
        Map<String, Integer> byReason = new TreeMap<>();
        jdbc.query(statement.sql(), statement.setter(all), rs -> {
            byReason.merge(rs.getString(1), 1, Integer::sum);
        });
        byReason.forEach((reason, n) -> log.info("{}: {} row(s) rejected as {}", file.fileName(), n, reason));
        return byReason.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** A contract found overlapping an earlier accepted contract of its family, and why. */
    private record Overlap(long line, String message) {
    }

    private int rejectOverlappingContracts(long runId) {
        List<Overlap> overlaps = overlappingContracts(runId);
        if (overlaps.isEmpty()) {
            return 0;
        }
        return reject(runId, InputFile.CONTRACTS, OVERLAPS,
                Map.of("lines", overlaps.stream().map(Overlap::line).toArray(Long[]::new),
                        "messages", overlaps.stream().map(Overlap::message).toArray(String[]::new)));
    }

    /**
     * A contract in force in a month in which an earlier accepted contract of the same family is in force is
     * rejected. "Earlier" is file order, and only accepted contracts count (a contract rejected as overlapping
     * does not make a later one overlap), so this is a walk in line order over the spans of the families with
     * several: few rows, read into Java.
     */
    private List<Overlap> overlappingContracts(long runId) {
        record Span(long line, String contractId, YearMonth start, YearMonth end) {
        }
        List<Overlap> overlaps = new ArrayList<>();
        List<Span> accepted = new ArrayList<>();
        String[] family = {null};
        jdbc.query(SPANS_TO_COMPARE.sql(), SPANS_TO_COMPARE.setter(Map.of("run", runId)), rs -> {
            Span span = new Span(rs.getLong("line"), rs.getString("contract_id"),
                    YearMonth.from(rs.getDate("first_month").toLocalDate()),
                    YearMonth.from(rs.getDate("last_day").toLocalDate()));
            if (!rs.getString("family_id").equals(family[0])) {
                family[0] = rs.getString("family_id");
                accepted.clear();
            }
            Span clash = accepted.stream()
                    .filter(a -> !span.start().isAfter(a.end()) && !a.start().isAfter(span.end()))
                    .findFirst().orElse(null);
            if (clash == null) {
                accepted.add(span);
            } else {
                overlaps.add(new Overlap(span.line(), "in force in a month in which contract " + clash.contractId()
                        + " (line " + clash.line() + ") of the same family is in force"));
            }
        });
        return overlaps;
    }

    /** An obligation or monitoring row belongs to the family of its (accepted) contract. */
    private void attributeToFamilies(long runId) {
        jdbc.update("""
                update reject r set family_id = c.family_id
                  from stg_contract c
                 where r.run_id = ? and c.run_id = r.run_id and not c.rejected and c.contract_id = r.contract_id
                   and r.file in (?, ?) and r.family_id is null""",
                runId, InputFile.OBLIGATIONS.fileName(), InputFile.MONITORING.fileName());
    }

    private void warnUnknownColumns(RunContext run) {
        for (InputFile file : InputFile.values()) {
            CsvRecordReader reader = new CsvRecordReader(CsvSource.of(run.input().resolve(file.fileName())));
            reader.open(new ExecutionContext());
            try {
                Set<String> known = file.columnNames();
                for (String column : reader.header().unknown(known)) {
                    jdbc.update("""
                            insert into warning (run_id, file, line, column_name, value, reason, message)
                            values (?, ?, 1, ?, null, ?, 'unknown column, ignored')""",
                            run.runId(), file.fileName(), column, WarningReason.UNKNOWN_COLUMN.name());
                }
            } finally {
                reader.close();
            }
        }
    }

    /**
     * Counts each file's rows once, and checks them against the reject records: read = accepted + rejected. The
     * files are counted in one SELECT, which PostgreSQL may split among parallel workers (which see this
     * transaction's rejections); an INSERT ... SELECT it would count on one core.
     */
    private void countAndCheck(long runId) {
        String counts = Arrays.stream(InputFile.values()).map(file -> """
                select '%s' as file, count(*) as read, count(*) filter (where not rejected) as accepted,
                       count(*) filter (where rejected) as rejected
                  from %s where run_id = :run""".formatted(file.fileName(), file.stagingTable()))
                .collect(Collectors.joining("\nunion all\n"));
        NamedSql statement = NamedSql.of("""
                with counted as (%s),
                rejects as (select file, count(*) as records from reject where run_id = :run group by file)
                select c.file, c.read, c.accepted, c.rejected, coalesce(r.records, 0) as rejects
                  from counted c left join rejects r on r.file = c.file""".formatted(counts));
        Map<String, long[]> byFile = new HashMap<>();
        jdbc.query(statement.sql(), statement.setter(Map.of("run", runId)), rs -> {
            byFile.put(rs.getString("file"), new long[] {rs.getLong("read"), rs.getLong("accepted"),
                    rs.getLong("rejected"), rs.getLong("rejects")});
        });
        jdbc.update("delete from ingest_count where run_id = ?", runId);
        for (InputFile file : InputFile.values()) {
            long[] count = byFile.get(file.fileName());
            long read = count[0];
            long accepted = count[1];
            long rejected = count[2];
            long rejects = count[3];
            if (read != accepted + rejected || rejected != rejects) {
                throw new IllegalStateException(file.fileName() + ": rows read " + read + " != accepted " + accepted
                        + " + rejected " + rejected + " (reject records " + rejects + ")");
            }
            jdbc.update("insert into ingest_count (run_id, file, read, accepted, rejected) values (?, ?, ?, ?, ?)",
                    runId, file.fileName(), read, accepted, rejected);
            log.info("{}: {} rows read = {} accepted + {} rejected", file.fileName(), read, accepted, rejected);
        }
    }
}
