package kz.orleu.benefits.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import kz.orleu.benefits.run.RunContext;
import kz.orleu.benefits.store.PgCopy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes the output folder of a benefit quarter from the run's stored results. Files are written to a temporary
 * folder next to the target and swapped in at the end, so a reader never sees half a quarter; files are
 * readable by owner and group only (they carry personal data and payments).
 */
public final class OutputPublisher {

    private static final Logger log = LoggerFactory.getLogger(OutputPublisher.class);

    /** Contributes one or more files to the output folder (the statistics workbook, for one). */
    public interface Part {
        void write(RunContext run, Path folder) throws IOException;
    }

    private final JdbcTemplate jdbc;
    private final List<Part> extraParts;

    public OutputPublisher(JdbcTemplate jdbc, List<Part> extraParts) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(10_000);
        this.extraParts = extraParts;
    }

    public Path publish(RunContext run) {
        Path target = run.output().resolve(run.benefitQuarter().toString()).toAbsolutePath();
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp-" + run.runId());
        try {
            Files.createDirectories(target.getParent());
            deleteTree(temp);
            Files.createDirectory(temp);
            writeEntitlements(run.runId(), temp.resolve("entitlements.csv"));
            writePayments(run.runId(), temp.resolve("payments.csv"));
            writeCompliance(run.runId(), temp.resolve("compliance.csv"));
            writeWorklist(run.runId(), temp.resolve("worklist.csv"));
            writeRejects(run.runId(), temp.resolve("rejects.csv"));
            writeWarnings(run.runId(), temp.resolve("warnings.csv"));
            for (Part part : extraParts) {
                part.write(run, temp);
            }
            restrict(temp);
            swap(temp, target, run.runId());
            log.info("outputs of {} written to {}", run.benefitQuarter(), target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the output folder " + target + ": " + e.getMessage(), e);
        }
    }

    /** The two large files are streamed by the server; text cells go through {@code csv_text}. */
    private void writeEntitlements(long runId, Path file) {
        PgCopy.copyOut(jdbc.getDataSource(), """
                select csv_text(family_id) as family_id, csv_text(region_code) as region_code, members,
                       counted_income, per_capita_income, subsistence_minimum, asp_line, cca_line, benefit,
                       monthly_amount, quarter_amount, decision, previous_benefit, previous_monthly_amount, change
                  from entitlement where run_id = %d order by family_id""".formatted(runId), file);
    }

    private void writePayments(long runId, Path file) {
        PgCopy.copyOut(jdbc.getDataSource(), """
                select csv_text(family_id) as family_id, month, benefit, amount, kind
                  from payment where run_id = %d order by family_id, month""".formatted(runId), file);
    }

    private void writeCompliance(long runId, Path file) throws IOException {
        try (CsvOutput out = new CsvOutput(file, "family_id", "contract_id", "iin", "obligation", "finding",
                "months", "failure_number", "sanction")) {
            jdbc.query("""
                    select f.family_id, f.contract_id, f.iin, f.obligation, f.finding, f.months, cf.failure_number,
                           cf.sanction
                      from finding f join contract_failure cf on cf.run_id = f.run_id and cf.contract_id = f.contract_id
                     where f.run_id = ? order by f.family_id, f.contract_id, f.iin, f.obligation, f.finding""",
                    rs -> {
                        out.row(rs.getString(1), rs.getString(2), rs.getString(3), code(rs.getString(4)),
                                code(rs.getString(5)), code(rs.getString(6)), rs.getInt(7), code(rs.getString(8)));
                    }, runId);
        }
    }

    /** For the district social workers who visit families before a termination: who failed what, and where. */
    private void writeWorklist(long runId, Path file) throws IOException {
        try (CsvOutput out = new CsvOutput(file, "region_code", "district", "family_id", "contract_id", "iin",
                "last_name", "first_name", "obligation", "finding", "months", "failure_number", "sanction")) {
            jdbc.query("""
                    select fa.region_code, fa.district, f.family_id, f.contract_id, f.iin, m.last_name, m.first_name,
                           f.obligation, f.finding, f.months, cf.failure_number, cf.sanction
                      from finding f
                      join contract_failure cf on cf.run_id = f.run_id and cf.contract_id = f.contract_id
                      join stg_family fa on fa.run_id = ? and fa.family_id = f.family_id and not fa.rejected
                      left join stg_member m on m.run_id = ? and m.iin = f.iin and not m.rejected
                     where f.run_id = ?
                     order by fa.region_code, fa.district, f.family_id, f.contract_id, f.iin, f.obligation""",
                    rs -> {
                        out.row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getString(6), rs.getString(7), code(rs.getString(8)), code(rs.getString(9)),
                                code(rs.getString(10)), rs.getInt(11), code(rs.getString(12)));
                    }, runId, runId, runId);
        }
    }

    private void writeRejects(long runId, Path file) throws IOException {
        try (CsvOutput out = new CsvOutput(file, "file", "line", "column", "value", "reason", "message")) {
            jdbc.query("""
                    select file, line, column_name, value, reason, message from reject where run_id = ?
                     order by file, line""",
                    rs -> {
                        out.row(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                                code(rs.getString(5)), rs.getString(6));
                    }, runId);
        }
    }

    private void writeWarnings(long runId, Path file) throws IOException {
        try (CsvOutput out = new CsvOutput(file, "file", "line", "column", "value", "reason", "message")) {
            jdbc.query("""
                    select file, line, column_name, value, reason, message from warning where run_id = ?
                     order by file, line, reason""",
                    rs -> {
                        out.row(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                                code(rs.getString(5)), rs.getString(6));
                    }, runId);
        }
    }

    /** Codes, months and dates this system produced itself: never a formula, written as they are. */
    private static Object code(String value) {
        return value == null ? null : new Code(value);
    }

    private record Code(String value) {
        @Override
        public String toString() {
            return value;
        }
    }

    private static void restrict(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                setMode(file, "rw-r-----");
            }
        }
        setMode(folder, "rwxr-x---");
    }

    private static void setMode(Path path, String mode) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to restrict
        }
    }

    private static void swap(Path temp, Path target, long runId) throws IOException {
        Path old = target.resolveSibling("." + target.getFileName() + ".old-" + runId);
        deleteTree(old);
        if (Files.exists(target)) {
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target);
        } catch (FileSystemException e) {
            if (Files.exists(old) && !Files.exists(target)) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        deleteTree(old);
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
