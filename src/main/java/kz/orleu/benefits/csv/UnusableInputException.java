package kz.orleu.benefits.csv;

/**
 * An input that cannot be used as a whole (missing file or column, not UTF-8, a bad reference row, a region
 * without a subsistence minimum): the run stops before anything is written, with exit status 2.
 */
public class UnusableInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnusableInputException(String message) {
        super(message);
    }
}
