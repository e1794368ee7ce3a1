package kz.orleu.benefits.declaration;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** The input folder of each run as it first read it (table {@code input_fingerprint}), for {@code restart}. */
public final class InputFingerprintStore {

    private final JdbcTemplate jdbc;

    public InputFingerprintStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the input folder as the run first read it; a restarted registerRun keeps the first record, which is
     * what the completed steps read.
     */
    public void record(long runId, List<InputFingerprint> fingerprints) {
        for (InputFingerprint print : fingerprints) {
            jdbc.update("""
                    insert into input_fingerprint (run_id, file_name, size, sha256) values (?, ?, ?, ?)
                    on conflict (run_id, file_name) do nothing""",
                    runId, print.fileName(), print.size(), print.sha256());
        }
    }

    /** The input folder as the run started with it; empty if the run never got as far as recording it. */
    public List<InputFingerprint> of(long runId) {
        return jdbc.query("select file_name, size, sha256 from input_fingerprint where run_id = ? order by file_name",
                (rs, i) -> new InputFingerprint(rs.getString(1), rs.getObject(2, Long.class), rs.getString(3)),
                runId);
    }
}
