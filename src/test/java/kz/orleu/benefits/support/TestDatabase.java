package kz.orleu.benefits.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import kz.orleu.benefits.store.embedded.EmbeddedPostgresServer;

/**
 * One embedded PostgreSQL per test JVM, the same server the application starts in production, on a fresh
 * temporary home. Tests that need an empty history get a database of their own with {@link #freshDatabase}.
 */
public final class TestDatabase {

    private static EmbeddedPostgresServer server;
    private static final AtomicInteger databases = new AtomicInteger();

    private TestDatabase() {
    }

    public static synchronized EmbeddedPostgresServer server() {
        if (server == null) {
            try {
                Path home = Files.createTempDirectory("benefits-test-home");
                server = EmbeddedPostgresServer.start(home);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }

    /** A new, empty database on the test server; returns its JDBC URL. */
    public static String freshDatabase(String purpose) {
        EmbeddedPostgresServer pg = server();
        String name = (purpose.replaceAll("[^a-z0-9_]", "_") + "_" + databases.incrementAndGet()).toLowerCase();
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
                Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return urlOf(name);
    }

    public static String urlOf(String database) {
        EmbeddedPostgresServer pg = server();
        return "jdbc:postgresql://127.0.0.1:" + pg.port() + "/" + database;
    }

    public static String user() {
        return server().user();
    }

    public static String password() {
        return server().password();
    }
}
