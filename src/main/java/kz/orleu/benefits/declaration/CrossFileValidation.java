package kz.orleu.benefits.declaration;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kz.orleu.benefits.csv.CsvRecordReader;
import kz.orleu.benefits.csv.CsvSource;
import kz.orleu.benefits.run.RunContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The checks of "Validation and rejects" that span rows and files, run once all six files are staged. They are
 * set-based (one statement per rule over the whole run) because a per-row lookup is the cost to avoid at a
 * national caseload. Files are checked in dependency order (families, members, incomes, contracts, obligations,
 * monitoring) so that a row referring to a rejected row is itself rejected. The whole check runs in the step's
 * single transaction: a failure leaves nothing half-done for the restart.
 */
public final class CrossFileValidation {

    private static final Logger log = LoggerFactory.getLogger(CrossFileValidation.class);

    private final JdbcTemplate jdbc;

    public CrossFileValidation(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs every check of the run; returns the number of rows it rejected. */
    public long validate(RunContext run) {
        long id = run.runId();
        long rejected = duplicates(id, InputFile.FAMILIES, "family_id");

        rejected += unknownFamily(id, InputFile.MEMBERS);
        rejected += duplicates(id, InputFile.MEMBERS, "iin");

        rejected += unknownFamily(id, InputFile.INCOMES);
        rejected += reject(id, InputFile.INCOMES, RejectReason.UNKNOWN_MEMBER, "iin", "s.iin",
                "'no accepted member ' || s.iin || ' in family ' || s.family_id", """
                not exists (select 1 from stg_member m where m.run_id = s.run_id and not m.rejected
                             and m.family_id = s.family_id and m.iin = s.iin)""");
        rejected += duplicates(id, InputFile.INCOMES, "family_id, iin, month, income_type");

        rejected += unknownFamily(id, InputFile.CONTRACTS);
        rejected += duplicates(id, InputFile.CONTRACTS, "contract_id");
        rejected += overlappingContracts(id);

        rejected += unknownContract(id, InputFile.OBLIGATIONS);
        rejected += reject(id, InputFile.OBLIGATIONS, RejectReason.UNKNOWN_MEMBER, "iin", "s.iin",
                "'no accepted member ' || s.iin || ' in the family of contract ' || s.contract_id", """
                not exists (select 1 from stg_contract c join stg_member m
                                   on m.run_id = c.run_id and m.family_id = c.family_id and not m.rejected
                             where c.run_id = s.run_id and not c.rejected and c.contract_id = s.contract_id
                               and m.iin = s.iin)""");
        rejected += duplicates(id, InputFile.OBLIGATIONS, "contract_id, iin, obligation");

        rejected += unknownContract(id, InputFile.MONITORING);
        rejected += duplicates(id, InputFile.MONITORING, "contract_id, iin, month, obligation");

        attributeToFamilies(id);
        warnUnknownColumns(run);
        countAndCheck(id);
        return rejected;
    }

    private int duplicates(long runId, InputFile file, String key) {
        String notNull = String.join(" and ", List.of(key.split(",\\s*")).stream().map(c -> c + " is not null").toList());
        String sql = """
                with bad as (
                    select x.line, x.key_text as value,
                           'duplicate key (' || x.key_text || '), first at line ' || x.first_line as message
                      from (select line, rejected, concat_ws(',', %2$s) as key_text,
                                   row_number() over (partition by %2$s order by line) as rn,
                                   min(line) over (partition by %2$s) as first_line
                              from %1$s where run_id = ? and %3$s) x
                     where x.rn > 1 and not x.rejected)
                %4$s""".formatted(file.stagingTable(), key, notNull, markAndInsert(file));
        int n = jdbc.update(sql, runId, runId, runId, file.fileName(), key.split(",")[0].strip(),
                RejectReason.DUPLICATE_KEY.name());
        logCount(file, RejectReason.DUPLICATE_KEY, n);
        return n;
    }

    private int unknownFamily(long runId, InputFile file) {
        return reject(runId, file, RejectReason.UNKNOWN_FAMILY, "family_id", "s.family_id",
                "'family ' || s.family_id || ' is unknown or its row was rejected'", """
                not exists (select 1 from stg_family f where f.run_id = s.run_id and not f.rejected
                             and f.family_id = s.family_id)""");
    }

    private int unknownContract(long runId, InputFile file) {
        return reject(runId, file, RejectReason.UNKNOWN_CONTRACT, "contract_id", "s.contract_id",
                "'contract ' || s.contract_id || ' is unknown or its row was rejected'", """
                not exists (select 1 from stg_contract c where c.run_id = s.run_id and not c.rejected
                             and c.contract_id = s.contract_id)""");
    }

    /** Rejects the accepted rows of {@code file} (alias {@code s}) matching {@code condition}. */
    private int reject(long runId, InputFile file, RejectReason reason, String column, String valueSql,
            String messageSql, String condition) {
        String sql = """
                with bad as (
                    select s.line, %2$s as value, %3$s as message
                      from %1$s s where s.run_id = ? and not s.rejected and %4$s)
                %5$s""".formatted(file.stagingTable(), valueSql, messageSql,
                // the run id as a literal in the subqueries too, so that they read the run's partitions only
                condition.replace("s.run_id", Long.toString(runId)), markAndInsert(file));
        int n = jdbc.update(sql, runId, runId, runId, file.fileName(), column, reason.name());
        logCount(file, reason, n);
        return n;
    }

    /** Marks the lines of {@code bad} rejected and records them, naming the family or contract of the row. */
    private static String markAndInsert(InputFile file) {
        String owner = file.columnNames().contains("family_id") ? "t.family_id" : "null";
        String contract = file.columnNames().contains("contract_id") ? "t.contract_id" : "null";
        return """
                , marked as (
                    update %1$s t set rejected = true from bad
                     where t.run_id = ? and t.line = bad.line
                 returning t.line, %2$s as family_id, %3$s as contract_id)
                insert into reject (run_id, file, line, column_name, value, reason, message, family_id, contract_id)
                select ?, ?, marked.line, ?, bad.value, ?, bad.message, marked.family_id, marked.contract_id
                  from marked join bad on bad.line = marked.line""".formatted(file.stagingTable(), owner, contract);
    }

    /**
     * A contract in force in a month in which an earlier accepted contract of the same family is in force is
     * rejected. "Earlier" is file order, and only accepted contracts count, so this is a walk in line order.
     */
    private int overlappingContracts(long runId) {
        record Span(long line, String contractId, String familyId, YearMonth start, YearMonth end) {
        }
        List<Span> spans = jdbc.query("""
                select line, contract_id, family_id, start_date, end_date from stg_contract c
                 where run_id = ? and not rejected and status <> 'DECLINED' and start_date is not null
                   and end_date is not null
                   and family_id in (select family_id from stg_contract where run_id = ? and not rejected
                                        and status <> 'DECLINED' group by family_id having count(*) > 1)
                 order by family_id, line""",
                (rs, i) -> new Span(rs.getLong(1), rs.getString(2), rs.getString(3),
                        YearMonth.from(rs.getDate(4).toLocalDate()), YearMonth.from(rs.getDate(5).toLocalDate())),
                runId, runId);
        List<Object[]> overlapping = new ArrayList<>();
        List<Span> accepted = new ArrayList<>();
        String family = null;
        for (Span span : spans) {
            if (!span.familyId().equals(family)) {
                family = span.familyId();
                accepted.clear();
            }
            Span clash = accepted.stream()
                    .filter(a -> !span.start().isAfter(a.end()) && !a.start().isAfter(span.end()))
                    .findFirst().orElse(null);
            if (clash == null) {
                accepted.add(span);
            } else {
                overlapping.add(new Object[] {span.line(), span.contractId(),
                        "in force in a month in which contract " + clash.contractId() + " (line " + clash.line()
                                + ") of the same family is in force"});
            }
        }
        for (Object[] o : overlapping) {
            jdbc.update("update stg_contract set rejected = true where run_id = ? and line = ?", runId, o[0]);
            jdbc.update("""
                    insert into reject (run_id, file, line, column_name, value, reason, message, family_id, contract_id)
                    select run_id, ?, line, 'start_date', start_date::text, ?, ?, family_id, contract_id
                      from stg_contract where run_id = ? and line = ?""",
                    InputFile.CONTRACTS.fileName(), RejectReason.OVERLAPPING_CONTRACT.name(), o[2], runId, o[0]);
        }
        logCount(InputFile.CONTRACTS, RejectReason.OVERLAPPING_CONTRACT, overlapping.size());
        return overlapping.size();
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

    private void countAndCheck(long runId) {
        jdbc.update("delete from ingest_count where run_id = ?", runId);
        for (InputFile file : InputFile.values()) {
            jdbc.update("""
                    insert into ingest_count (run_id, file, read, accepted, rejected)
                    select ?, ?, count(*), count(*) filter (where not rejected), count(*) filter (where rejected)
                      from %s where run_id = ?""".formatted(file.stagingTable()), runId, file.fileName(), runId);
            var counts = jdbc.queryForMap("""
                    select c.read, c.accepted, c.rejected,
                           (select count(*) from reject r where r.run_id = c.run_id and r.file = c.file) as rejects
                      from ingest_count c where c.run_id = ? and c.file = ?""", runId, file.fileName());
            long read = ((Number) counts.get("read")).longValue();
            long accepted = ((Number) counts.get("accepted")).longValue();
            long rejected = ((Number) counts.get("rejected")).longValue();
            long rejects = ((Number) counts.get("rejects")).longValue();
            if (read != accepted + rejected || rejected != rejects) {
                throw new IllegalStateException(file.fileName() + ": rows read " + read + " != accepted " + accepted
                        + " + rejected " + rejected + " (reject records " + rejects + ")");
            }
            log.info("{}: {} rows read = {} accepted + {} rejected", file.fileName(), read, accepted, rejected);
        }
    }

    private static void logCount(InputFile file, RejectReason reason, int n) {
        if (n > 0) {
            log.info("{}: {} row(s) rejected as {}", file.fileName(), n, reason);
        }
    }
}
