package kz.orleu.benefits.statistics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import kz.orleu.benefits.quarter.Quarter;
import kz.orleu.benefits.reference.RuleSet;

/**
 * Everything the workbook shows about one run, already aggregated by region (and category, obligation, ...): no
 * row of it describes a family or a person. Column indexes of the per-region arrays are the constants of the
 * nested records; the compositions are indexed by {@link Category#ordinal()}.
 */
record QuarterStatistics(
        Run run,
        List<RegionLine> lines,
        Summary summary,
        Map<String, long[]> ccaComposition,
        Map<String, long[]> aspComposition,
        Compliance compliance,
        Changes changes,
        Adjustments adjustments,
        Sources sources) {

    record Run(long runId, Quarter benefitQuarter, Quarter incomeQuarter, int version, String softwareVersion,
            RuleSet ruleSet) {
    }

    /** Per region: counts by {@code ASSESSED ... CANDIDATES}, sums by {@code ASP_PAID ... CCA_INCOME_RATIO}. */
    record Summary(Map<String, long[]> counts, Map<String, BigDecimal[]> sums) {
        static final int ASSESSED = 0;
        static final int ASP_FAMILIES = 1;
        static final int CCA_FAMILIES = 2;
        static final int RECIPIENT_FAMILIES = 3;
        static final int ASP_MEMBERS = 4;
        static final int CCA_MEMBERS = 5;
        static final int RECIPIENT_MEMBERS = 6;
        static final int CANDIDATES = 7;
        static final int COUNTS = 8;

        static final int ASP_PAID = 0;
        static final int CCA_PAID = 1;
        /** Sum over the families of per-capita income / subsistence minimum, for the average. */
        static final int ASP_INCOME_RATIO = 2;
        static final int CCA_INCOME_RATIO = 3;
        static final int SUMS = 4;
    }

    /** Per region: contract counts, then findings by kind, then findings by obligation and kind. */
    record Compliance(Map<String, long[]> counts) {
        static final int IN_FORCE = 0;
        static final int FAMILIES_WARNED = 1;
        static final int TERMINATED = 2;
        static final int FINDINGS = 3;
        /** Findings by {@link #KINDS}, from this index on. */
        static final int BY_KIND = 4;
        /** Findings by {@link #OBLIGATION_KINDS}, from this index on. */
        static final int BY_OBLIGATION = BY_KIND + 3;

        static final List<String> KINDS = List.of("NOT_MET", "MISSING_REPORT", "FORBIDDEN_SPENDING");
        static final List<String> OBLIGATIONS = List.of("JOB_SEARCH", "TRAINING", "EMPLOYMENT", "SCHOOL_ATTENDANCE",
                "MEDICAL_CHECKUP", "SPENDING_REPORT");

        /** The pairs that can occur: forbidden spending is found only on spending reports. */
        static final List<String[]> OBLIGATION_KINDS = obligationKinds();
        static final int COUNTS = BY_OBLIGATION + OBLIGATION_KINDS.size();

        static int kindColumn(String kind) {
            int i = KINDS.indexOf(kind);
            return i < 0 ? -1 : BY_KIND + i;
        }

        static int obligationColumn(String obligation, String kind) {
            for (int i = 0; i < OBLIGATION_KINDS.size(); i++) {
                if (OBLIGATION_KINDS.get(i)[0].equals(obligation) && OBLIGATION_KINDS.get(i)[1].equals(kind)) {
                    return BY_OBLIGATION + i;
                }
            }
            return -1;
        }

        private static List<String[]> obligationKinds() {
            List<String[]> pairs = new java.util.ArrayList<>();
            for (String obligation : OBLIGATIONS) {
                for (String kind : KINDS) {
                    if (!kind.equals("FORBIDDEN_SPENDING") || obligation.equals("SPENDING_REPORT")) {
                        pairs.add(new String[] {obligation, kind});
                    }
                }
            }
            return List.copyOf(pairs);
        }
    }

    /**
     * Per region: change codes (they add up to the families assessed of {@link Summary}), moves between the
     * benefits, and the families that lost ASP above the line.
     */
    record Changes(Map<String, long[]> counts, Map<String, BigDecimal[]> sums) {
        static final int NEW = 0;
        static final int STOPPED = 1;
        static final int CHANGED = 2;
        static final int UNCHANGED = 3;
        static final int ASP_TO_CCA = 4;
        static final int CCA_TO_ASP = 5;
        static final int LOST_ASP = 6;
        /** Lost ASP by distance above the line, from this index on, one per band ({@link PovertyTrap#BANDS}). */
        static final int BY_DISTANCE = 7;
        static final int COUNTS = BY_DISTANCE + PovertyTrap.BANDS;

        /** Per-capita income minus the ASP line, in tenge, and that excess as a fraction of the line. */
        static final int EXCESS = 0;
        static final int EXCESS_SHARE = 1;
        static final int SUMS = 2;
    }

    /**
     * Per region: the corrections of this version against the version the payment unit was sent
     * ({@code adjustment} rows), with each family under one benefit so that ASP and CCA add up to the total: the
     * benefit it gets in this version, or, when it gets none now, the one it got in the version it is compared
     * with. A family with both arrears and overpaid months counts in both.
     *
     * @param againstVersion the version of the quarter this one was compared with ({@code run.adjusted_against});
     *     0 when there is none, and then there is nothing to show
     */
    record Adjustments(int againstVersion, Map<String, long[]> counts, Map<String, BigDecimal[]> sums) {
        /** Families, by measure: the ASP, CCA and total columns of each measure, from its first index. */
        static final int ARREARS = 0;
        static final int OVERPAID = 3;
        static final int RECLASSIFIED = 6;
        static final int COUNTS = 9;
        /** Offsets within a measure, of counts and of sums alike. */
        static final int ASP = 0;
        static final int CCA = 1;
        static final int TOTAL = 2;
        static final List<Integer> MEASURES = List.of(ARREARS, OVERPAID, RECLASSIFIED);

        /**
         * Sums by measure, ASP then CCA (the total is their sum): tenge of arrears, tenge to recover, and months
         * reclassified (a count of family-months, shown only where its families are).
         */
        static final int ARREARS_TENGE = 0;
        static final int OVERPAID_TENGE = 2;
        static final int RECLASSIFIED_MONTHS = 4;
        static final int SUMS = 6;

        static final Adjustments NONE = new Adjustments(0, Map.of(), Map.of());

        boolean exist() {
            return againstVersion > 0;
        }
    }

    /** Where the numbers came from, for the About sheet. */
    record Sources(Map<String, BigDecimal> subsistenceMinimum, List<FileCount> inputFiles,
            List<ReferenceSource> referenceFiles) {
    }

    record FileCount(String file, long read, long accepted, long rejected) {
    }

    record ReferenceSource(String file, boolean fromInputFolder, long rows) {
    }
}
