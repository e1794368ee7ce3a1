package kz.orleu.benefits.store.embedded;

/**
 * The embedded PostgreSQL server could not be prepared, started or stopped. The message says
 * why in one sentence and, where it helps, ends with the last lines of {@code postgres.log}.
 */
public class EmbeddedPostgresException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    EmbeddedPostgresException(String message) {
        super(message);
    }

    EmbeddedPostgresException(String message, Throwable cause) {
        super(message, cause);
    }

}
