package kz.orleu.benefits.declaration;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the ingest steps found about duplicate keys, per run and file (table {@code duplicate_key_screen}). A file
 * without a row may have duplicates: only a completed screen says otherwise.
 */
public final class DuplicateKeyScreenStore {

    private final JdbcTemplate jdbc;

    public DuplicateKeyScreenStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Drops what an earlier execution of the file's step recorded: until it completes again, nothing is known. */
    void forget(long runId, InputFile file) {
        jdbc.update("delete from duplicate_key_screen where run_id = ? and file = ?", runId, file.fileName());
    }

    void record(long runId, InputFile file, boolean duplicatesPossible) {
        jdbc.update("""
                insert into duplicate_key_screen (run_id, file, duplicates_possible) values (?, ?, ?)
                on conflict (run_id, file) do update set duplicates_possible = excluded.duplicates_possible""",
                runId, file.fileName(), duplicatesPossible);
    }

    /** The files of the run that a completed screen found free of duplicate keys. */
    public Set<InputFile> withoutDuplicates(long runId) {
        Set<InputFile> files = EnumSet.noneOf(InputFile.class);
        jdbc.query("select file from duplicate_key_screen where run_id = ? and not duplicates_possible",
                rs -> {
                    files.add(InputFile.byFileName(rs.getString(1)));
                }, runId);
        return files;
    }
}
