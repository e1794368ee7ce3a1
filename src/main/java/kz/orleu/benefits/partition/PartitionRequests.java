package kz.orleu.benefits.partition;

import javax.sql.DataSource;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.jdbc.store.JdbcChannelMessageStore;
import org.springframework.integration.jdbc.store.channel.PostgresChannelMessageStoreQueryProvider;
import org.springframework.integration.store.MessageGroupQueue;

/**
 * The channel that carries partition requests from a manager to the workers: a Spring Integration queue kept in
 * the job's own PostgreSQL ({@code int_channel_message}, migration V9), so no broker is needed. A worker takes a
 * request with {@code FOR UPDATE SKIP LOCKED} and deletes it in the same statement's transaction, so two workers
 * never take the same request.
 */
public final class PartitionRequests {

    static final String REGION = "benefits";
    static final String QUEUE = "partition-requests";

    private PartitionRequests() {
    }

    public static QueueChannel channel(DataSource dataSource) {
        JdbcChannelMessageStore store = new JdbcChannelMessageStore(dataSource);
        store.setChannelMessageStoreQueryProvider(new PostgresChannelMessageStoreQueryProvider());
        store.setRegion(REGION);
        // messages are Java-serialized: only the request type (and what a message is made of) may be read back
        store.addAllowedPatterns("org.springframework.batch.integration.partition.StepExecutionRequest",
                "org.springframework.messaging.support.GenericMessage", "org.springframework.messaging.MessageHeaders",
                "org.springframework.integration.support.MutableMessageHeaders", "java.util.UUID",
                "java.util.HashMap", "java.lang.Long", "java.lang.Integer", "java.lang.Number", "java.lang.String");
        store.setCheckDatabaseOnStart(false);
        store.afterPropertiesSet();
        return new QueueChannel(new MessageGroupQueue(store, QUEUE));
    }
}
