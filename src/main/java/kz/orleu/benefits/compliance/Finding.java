package kz.orleu.benefits.compliance;

import java.time.YearMonth;
import java.util.List;

/** One failing obligation of one member in the quarter judged. */
public record Finding(String familyId, String contractId, String iin, String obligation, FindingKind kind,
        List<YearMonth> months) {
}
