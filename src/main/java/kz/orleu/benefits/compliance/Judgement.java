package kz.orleu.benefits.compliance;

import java.util.List;
import kz.orleu.benefits.declaration.RowWarning;

/**
 * The outcome of judging one contract: its findings, the warnings raised on the way, and, when it failed, the
 * failure's number in the contract's history and the sanction (both null when it did not fail).
 */
public record Judgement(ContractReview contract, List<Finding> findings, List<RowWarning> warnings,
        Integer failureNumber, Sanction sanction) {

    public boolean failed() {
        return !findings.isEmpty();
    }
}
