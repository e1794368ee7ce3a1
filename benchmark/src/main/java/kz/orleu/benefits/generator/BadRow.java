package kz.orleu.benefits.generator;

/**
 * A deliberately bad row as written: the file, its physical line (header = line 1), the family it belongs to,
 * the offending value and what is wrong.
 */
public record BadRow(String file, long line, String familyId, BadRowKind kind, String value) {
}
