package kz.orleu.benefits.cli;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import kz.orleu.benefits.store.embedded.EmbeddedPostgresServer;

/**
 * {@code benefits db-console}: starts the embedded database of {@code BENEFITS_HOME} and keeps it up until Ctrl-C,
 * printing how to connect with psql, for an administrator who needs to look at the tables themselves. It names
 * the password file instead of printing the password, which would then sit in terminal scroll-back and logs.
 * The JDBC URL, user and password file are also read by programs ({@code ops/benchmark}): keep their wording.
 */
final class ServeDatabase {

    private ServeDatabase() {
    }

    static int serve(Path home) throws InterruptedException {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(home)) {
            System.out.println(instructions(home, server));
            new CountDownLatch(1).await();
        }
        return 0;
    }

    static String instructions(Path home, EmbeddedPostgresServer server) {
        return String.join(System.lineSeparator(),
                "embedded PostgreSQL of " + home.toAbsolutePath() + " is up:",
                "  host 127.0.0.1, port " + server.port() + ", database " + EmbeddedPostgresServer.DATABASE + ", user "
                        + server.user(),
                "  password in " + server.passwordFile() + " (PGPASSFILE format, readable by its owner only)",
                "  JDBC URL " + server.jdbcUrl() + " (BENEFITS_DB_URL or --db-url of another process)",
                "connect with:",
                "  PGPASSFILE=" + server.passwordFile() + " psql -h 127.0.0.1 -p " + server.port() + " -U "
                        + server.user() + " " + EmbeddedPostgresServer.DATABASE,
                "Ctrl-C stops it.");
    }
}
