package kz.orleu.benefits.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;
import javax.sql.DataSource;
import kz.orleu.benefits.run.RunContext;
import kz.orleu.benefits.store.PgCopy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;


/**
 * Writes the output folder of a benefit quarter from the run's stored results. Files are written to a temporary
 * folder next to the target and swapped in at the end, so a reader never sees half a quarter; files are
 * readable by owner and group only from their first byte (they carry personal data and payments): see
 * {@link OutputFiles}.
 */
public final class OutputPublisher {

    private static final Logger log = LoggerFactory.getLogger(OutputPublisher.class);

    /**
     * Contributes one or more files to the output folder (the statistics workbook, for one). It is written on a
     * thread of its own, outside the step's transaction, while the CSV files are written into the same folder.
     */
    public interface Part {
        void write(RunContext run, Path folder) throws IOException;
    }

    private final DataSource dataSource;
    private final List<Part> extraParts;

    public OutputPublisher(DataSource dataSource, List<Part> extraParts) {
        this.dataSource = dataSource;
        this.extraParts = extraParts;
    }

    public Path publish(RunContext run) {
        Path target = run.output().resolve(run.benefitQuarter().toString()).toAbsolutePath();
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp-" + run.runId());
        try {
            OutputFiles.createFolders(target.getParent());
            OutputFiles.deleteTree(temp);
            OutputFiles.createFolder(temp);
            // The parts (the statistics workbook: a few aggregates, then work in Java) are built on a thread and a
            // connection of their own while the database streams the CSV files on this one: on two cores neither
            // waits for the other. The largest file, one row per family, is streamed on a third connection: the
            // server formats its numbers while it sorts the payments for the next file on this one.
            List<FutureTask<Void>> beside = List.of(
                    beside("output-parts-" + run.runId(), () -> {
                        for (Part part : extraParts) {
                            part.write(run, temp);
                        }
                    }),
                    beside("output-entitlements-" + run.runId(),
                            () -> writeEntitlements(run.runId(), temp.resolve("entitlements.csv"))));
            try {
                writePayments(run.runId(), temp.resolve("payments.csv"));
                writeCompliance(run.runId(), temp.resolve("compliance.csv"));
                writeWorklist(run.runId(), temp.resolve("worklist.csv"));
                writeRejects(run.runId(), temp.resolve("rejects.csv"));
                writeWarnings(run.runId(), temp.resolve("warnings.csv"));
                writeAdjustments(run.runId(), temp.resolve("adjustments.csv"));
            } catch (RuntimeException e) {
                // nothing may still write into the folder when the failure is reported
                beside.forEach(OutputPublisher::awaitQuietly);
                throw e;
            }
            // all of them ended before the first failure, if any, is reported
            beside.forEach(OutputPublisher::awaitQuietly);
            for (FutureTask<Void> task : beside) {
                await(task);
            }
            restrict(temp);
            swap(temp, target, run.runId());
            log.info("outputs of {} written to {}", run.benefitQuarter(), target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the output folder " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Every CSV output is streamed by the server ({@code COPY ... TO STDOUT}); text that came from the input goes
     * through {@code csv_text}, which neutralises what a spreadsheet would run as a formula.
     */
    private void writeEntitlements(long runId, Path file) {
        copyOut(file, """
                select csv_text(family_id) as family_id, csv_text(region_code) as region_code, members,
                       counted_income, per_capita_income, subsistence_minimum, asp_line, cca_line, benefit,
                       monthly_amount, quarter_amount, decision, previous_benefit, previous_monthly_amount, change
                  from entitlement where run_id = %1$d order by family_id""", runId);
    }

    private void writePayments(long runId, Path file) {
        copyOut(file, """
                select csv_text(family_id) as family_id, month, benefit, amount, kind
                  from payment where run_id = %1$d order by family_id, month""", runId);
    }

    private void writeCompliance(long runId, Path file) {
        copyOut(file, """
                select csv_text(f.family_id) as family_id, csv_text(f.contract_id) as contract_id,
                       csv_text(f.iin) as iin, f.obligation, f.finding, f.months, cf.failure_number, cf.sanction
                  from finding f join contract_failure cf on cf.run_id = f.run_id and cf.contract_id = f.contract_id
                 where f.run_id = %1$d order by f.family_id, f.contract_id, f.iin, f.obligation, f.finding""", runId);
    }

    /** For the district social workers who visit families before a termination: who failed what, and where. */
    private void writeWorklist(long runId, Path file) {
        copyOut(file, """
                select csv_text(fa.region_code) as region_code, csv_text(fa.district) as district,
                       csv_text(f.family_id) as family_id, csv_text(f.contract_id) as contract_id,
                       csv_text(f.iin) as iin, csv_text(m.last_name) as last_name,
                       csv_text(m.first_name) as first_name, f.obligation, f.finding, f.months, cf.failure_number,
                       cf.sanction
                  from finding f
                  join contract_failure cf on cf.run_id = f.run_id and cf.contract_id = f.contract_id
                  join stg_family fa on fa.run_id = %1$d and fa.family_id = f.family_id and not fa.rejected
                  left join stg_member m on m.run_id = %1$d and m.iin = f.iin and not m.rejected
                 where f.run_id = %1$d
                 order by fa.region_code, fa.district, f.family_id, f.contract_id, f.iin, f.obligation""", runId);
    }

    private void writeRejects(long runId, Path file) {
        copyOut(file, """
                select csv_text(file) as file, line, csv_text(column_name) as "column", csv_text(value) as value,
                       reason, csv_text(message) as message
                  from reject where run_id = %1$d order by file, line""", runId);
    }

    /**
     * The run's own warnings have neither file nor line: several ADJUSTMENT_HELD are told apart by their value (the
     * family), so that they come in the same order whatever plan inserted them.
     */
    private void writeWarnings(long runId, Path file) {
        copyOut(file, """
                select csv_text(file) as file, line, csv_text(column_name) as "column", csv_text(value) as value,
                       reason, csv_text(message) as message
                  from warning where run_id = %1$d order by file, line, reason, value""", runId);
    }

    /**
     * Only in a version that has an earlier completed one (contracts.md, "Corrections"), and then always, even
     * without rows: an empty file says "nothing to pay or recover", a missing one "nothing to compare with".
     */
    private void writeAdjustments(long runId, Path file) {
        JdbcTemplate runs = new JdbcTemplate(dataSource);
        List<Boolean> corrected = runs.queryForList("select adjusted_against is not null from run where run_id = ?",
                Boolean.class, runId);
        if (!corrected.contains(Boolean.TRUE)) {
            return;
        }
        copyOut(file, """
                select csv_text(a.family_id) as family_id, a.month, a.benefit_before, a.amount_before, a.benefit_now,
                       a.amount_now, a.delta, a.kind, b.version as version_before, n.version as version_now
                  from adjustment a join run b on b.run_id = a.run_before join run n on n.run_id = a.run_id
                 where a.run_id = %1$d order by a.family_id, a.month""", runId);
    }

    /** Writing into the output folder that may throw what writing a file throws. */
    private interface Writing {
        void write() throws IOException;
    }

    /** {@code writing} started on a thread of its own. */
    private static FutureTask<Void> beside(String threadName, Writing writing) {
        FutureTask<Void> task = new FutureTask<>(() -> {
            writing.write();
            return null;
        });
        new Thread(task, threadName).start();
        return task;
    }

    /** Waits for work on another thread, and fails as it failed. */
    private static void await(FutureTask<Void> parts) throws IOException {
        try {
            parts.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("an output part failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            parts.cancel(true);
            throw new IllegalStateException("interrupted while the output parts were written", e);
        }
    }

    private static void awaitQuietly(FutureTask<Void> parts) {
        try {
            parts.get();
        } catch (ExecutionException e) {
            // the failure being reported is the caller's
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes a query's rows streamed by the server; text from the input goes through {@code csv_text}. */
    private void copyOut(Path file, String query, long runId) {
        PgCopy.copyOut(dataSource, query.formatted(runId), file, OutputFiles::newFile);
    }

    /** Exact modes whatever the umask took away at creation. */
    private static void restrict(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                OutputFiles.setMode(file, OutputFiles.FILE_MODE);
            }
        }
        OutputFiles.setMode(folder, OutputFiles.FOLDER_MODE);
    }

    private static void swap(Path temp, Path target, long runId) throws IOException {
        OutputFiles.replaceFolder(temp, target, target.resolveSibling("." + target.getFileName() + ".old-" + runId));
    }
}
