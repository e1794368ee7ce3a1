package kz.orleu.benefits.declaration;

/** Thrown while validating a row: the first problem found decides the reject reason. */
final class RowRejection extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final RejectReason reason;
    final String column;
    final String value;

    RowRejection(RejectReason reason, String column, String value, String message) {
        super(message, null, false, false);
        this.reason = reason;
        this.column = column;
        this.value = value;
    }
}
