package kz.orleu.benefits.declaration;

/**
 * A rejected input row as stored and reported: where it is, what is wrong, and the family or contract it names
 * (so that family is not computed on partial data).
 */
public record Reject(String file, long line, String column, String value, RejectReason reason, String message,
        String familyId, String contractId) {
}
