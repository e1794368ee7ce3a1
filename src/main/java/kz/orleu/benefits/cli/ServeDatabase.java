package kz.orleu.benefits.cli;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import kz.orleu.benefits.store.embedded.EmbeddedPostgresServer;

/**
 * {@code benefits db-console}: starts the embedded database of {@code BENEFITS_HOME} and keeps it up until Ctrl-C,
 * printing how to connect with psql, for an administrator who needs to look at the tables themselves.
 */
final class ServeDatabase {

    private ServeDatabase() {
    }

    static int serve(Path home) throws InterruptedException {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(home)) {
            System.out.println("embedded PostgreSQL of " + home.toAbsolutePath() + " is up; connect with:");
            System.out.println("  psql -h 127.0.0.1 -p " + server.port() + " -U " + server.user() + " "
                    + EmbeddedPostgresServer.DATABASE);
            System.out.println("Ctrl-C stops it.");
            new CountDownLatch(1).await();
        }
        return 0;
    }
}
