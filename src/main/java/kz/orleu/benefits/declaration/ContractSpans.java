package kz.orleu.benefits.declaration;

import kz.orleu.benefits.store.NamedSql;

/**
 * The span of each accepted contract of a run by its own row, from its one definition {@code facts/contract-spans.sql}:
 * the overlap check of {@link CrossFileValidation} (before the run's facts exist) and the months in force of
 * {@code facts/contracts.sql} both read it, as the common table expression {@value #NAME}. It is loaded here rather
 * than in {@code facts} because the facts already depend on this package, not the other way round.
 */
public final class ContractSpans {

    public static final String NAME = "contract_span";

    private static final NamedSql DEFINITION = NamedSql.resource("facts/contract-spans.sql");

    private ContractSpans() {
    }

    /** {@code statement}, which reads the run's spans as {@value #NAME} (and binds {@code :run}). */
    public static NamedSql readBy(NamedSql statement) {
        return statement.with(NAME, DEFINITION);
    }
}
