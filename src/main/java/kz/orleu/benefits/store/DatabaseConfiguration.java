package kz.orleu.benefits.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import javax.sql.DataSource;
import kz.orleu.benefits.BenefitsProperties;
import kz.orleu.benefits.store.embedded.EmbeddedPostgresServer;
import kz.orleu.benefits.store.embedded.HomeInUseException;
import kz.orleu.benefits.store.embedded.RunningServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one data source of the application, job repository included: the server named by {@code BENEFITS_DB_URL},
 * or else an embedded PostgreSQL whose data folder lives under {@code BENEFITS_HOME}.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    /**
     * Connections of the job's pool: a partition of a per-family step holds two (its cursor, its chunk
     * transaction), so the pool grows with the cores the partitions default to.
     */
    public static final int POOL_SIZE = Math.max(8, 2 * Runtime.getRuntime().availableProcessors() + 4);

    @Bean(destroyMethod = "close")
    DataSource dataSource(BenefitsProperties properties, EmbeddedServerHolder embedded) {
        HikariConfig config = new HikariConfig();
        if (properties.dbUrl() != null && !properties.dbUrl().isBlank()) {
            config.setJdbcUrl(withBatchInserts(properties.dbUrl()));
            config.setUsername(properties.dbUser());
            config.setPassword(password(properties));
        } else {
            try {
                EmbeddedPostgresServer server = embedded.start(properties.home());
                config.setJdbcUrl(withBatchInserts(server.jdbcUrl()));
                config.setUsername(server.user());
                config.setPassword(server.password());
            } catch (HomeInUseException e) {
                RunningServer running = properties.shareRunningServer()
                        ? EmbeddedPostgresServer.findRunning(properties.home()).orElseThrow(() -> e) : null;
                if (running == null) {
                    throw e;
                }
                embedded.sharing(running);
                config.setJdbcUrl(running.jdbcUrl());
                config.setUsername(running.user());
                config.setPassword(running.password());
            }
        }
        config.setPoolName("benefits");
        // On any server (PostgreSQL 14+): a statement whose client died (a killed JVM) is cancelled within
        // seconds, so it cannot hold the locks a restart needs.
        config.setConnectionInitSql("set client_connection_check_interval = '2s'");
        config.setMaximumPoolSize(POOL_SIZE);
        config.setConnectionTimeout(10_000);
        // at least 1 ms: Hikari reads 0 or less as "start without a connection", which would defer the error
        config.setInitializationFailTimeout(Math.max(1, properties.dbWait().toMillis()));
        return new HikariDataSource(config);
    }

    @Bean(destroyMethod = "close")
    EmbeddedServerHolder embeddedServerHolder() {
        return new EmbeddedServerHolder();
    }

    private static String password(BenefitsProperties properties) {
        if (properties.dbPasswordFile() != null) {
            try {
                return Files.readString(properties.dbPasswordFile()).strip();
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the database password file " + properties.dbPasswordFile());
            }
        }
        return properties.dbPassword();
    }

    private static String withBatchInserts(String url) {
        return url.contains("reWriteBatchedInserts") ? url
                : url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    }

    /** Owns the embedded server, if one was started, so that it stops after the data source has closed. */
    public static final class EmbeddedServerHolder implements AutoCloseable {

        private EmbeddedPostgresServer server;
        private RunningServer shared;

        /** The server of another process this one connects to as a client, if it does. */
        public synchronized java.util.Optional<RunningServer> shared() {
            return java.util.Optional.ofNullable(shared);
        }

        /** Whether this process uses an embedded server (its own or another process's), not a configured one. */
        public synchronized boolean embedded() {
            return server != null || shared != null;
        }

        synchronized void sharing(RunningServer running) {
            shared = running;
        }

        synchronized EmbeddedPostgresServer start(java.nio.file.Path home) {
            if (server == null) {
                server = EmbeddedPostgresServer.start(home);
            }
            return server;
        }

        @Override
        public synchronized void close() {
            if (server != null) {
                server.close();
                server = null;
            }
        }
    }
}
