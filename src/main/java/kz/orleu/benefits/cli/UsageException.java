package kz.orleu.benefits.cli;

/** Bad arguments or configuration: one clear line, exit status 2, nothing written. */
public class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
