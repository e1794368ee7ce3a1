package kz.orleu.benefits;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings from {@code application.yml} and the environment ({@code BENEFITS_HOME}, {@code BENEFITS_DB_URL},
 * {@code BENEFITS_DB_USER}, {@code BENEFITS_DB_PASSWORD}, {@code BENEFITS_DB_PASSWORD_FILE}). Policy parameters
 * are reference data, not settings.
 *
 * @param home folder of the embedded database and other state; {@link InstallationHome#defaultHome()} by default,
 *        never the current folder
 * @param dbUrl JDBC URL of a PostgreSQL server; without it an embedded PostgreSQL is started under {@code home}
 * @param chunkSize rows per transaction in chunk-oriented steps (20,000: each commit also writes the step's
 *        progress to the job repository, which at 5,000 rows cost seconds over a file of ten million rows; a
 *        restart redoes at most one chunk a step or partition)
 * @param shareRunningServer connect as a client to the embedded server of another process on the same home
 *        (for commands that list, stop or abandon) instead of refusing
 * @param dbWait how long a start waits for a database server that does not accept connections yet (10 s: a
 *        server being restarted by its operators comes back within that; an unreachable one fails the start)
 */
@ConfigurationProperties("benefits")
public record BenefitsProperties(Path home, String dbUrl, String dbUser, String dbPassword, Path dbPasswordFile,
        Integer chunkSize, boolean shareRunningServer, Duration dbWait) {

    public BenefitsProperties {
        home = home == null || home.toString().isEmpty() ? InstallationHome.defaultHome() : home;
        chunkSize = chunkSize == null ? 20_000 : chunkSize;
        dbWait = dbWait == null ? Duration.ofSeconds(10) : dbWait;
    }
}
