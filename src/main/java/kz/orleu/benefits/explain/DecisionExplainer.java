package kz.orleu.benefits.explain;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import kz.orleu.benefits.explain.DecisionRecord.RowNote;
import kz.orleu.benefits.quarter.Quarter;
import org.springframework.stereotype.Component;

/**
 * Answers "why did this family get 28,000 tenge?" from the decision record of one completed version of a benefit
 * quarter (the latest unless a version is named, e.g. for an appeal about an earlier one).
 */
@Component
public class DecisionExplainer {

    private final DecisionRecordRepository records;

    public DecisionExplainer(DecisionRecordRepository records) {
        this.records = records;
    }

    /** Prints the explanation; false when the quarter was never completed or the family has no row in it. */
    public boolean explain(String familyId, Quarter benefitQuarter, PrintStream out) {
        return explain(familyId, benefitQuarter, null, out);
    }

    /** The same for one completed version of the quarter; null: the latest. */
    public boolean explain(String familyId, Quarter benefitQuarter, Integer version, PrintStream out) {
        Optional<DecisionRecordRepository.Version> run = records.version(benefitQuarter, version);
        if (run.isEmpty()) {
            out.println("benefit quarter " + benefitQuarter + " has no completed run"
                    + (version == null ? "" : " of version " + version));
            return false;
        }
        Optional<DecisionRecord> record = records.load(familyId, benefitQuarter, run.get());
        if (record.isEmpty()) {
            out.println("family " + familyId + " has no entitlement in " + benefitQuarter + " version "
                    + run.get().version() + " (absent from the input, or its own row was rejected)");
            // A family whose own row was rejected is only in rejects.csv: show the caseworker which rows and why.
            List<RowNote> rejects = records.rejects(familyId, benefitQuarter, run.get());
            if (!rejects.isEmpty()) {
                out.print(DecisionRecordFormatter.rejects(rejects));
            }
            return false;
        }
        out.print(DecisionRecordFormatter.format(record.get()));
        return true;
    }
}
