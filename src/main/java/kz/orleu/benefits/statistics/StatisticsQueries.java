package kz.orleu.benefits.statistics;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import kz.orleu.benefits.correction.AdjustmentTotals;
import kz.orleu.benefits.correction.QuarterVersion;
import kz.orleu.benefits.correction.QuarterVersions;
import kz.orleu.benefits.declaration.InputFile;
import kz.orleu.benefits.entitlement.Benefit;
import kz.orleu.benefits.entitlement.PaidTotals;
import kz.orleu.benefits.reference.ReferenceData;
import kz.orleu.benefits.reference.ReferenceFile;
import kz.orleu.benefits.reference.RunReferenceRepository;
import kz.orleu.benefits.reference.RuleSet;
import kz.orleu.benefits.run.RunContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The aggregates of the workbook, read from a run's stored results. Every query is set-based: it groups the run's
 * rows by region (and category, obligation, ...) in the database and returns a few hundred rows at most, whatever
 * the number of families, so the workbook needs no more memory for a million families than for ten.
 */
final class StatisticsQueries {

    /** Families by region: one pass over the run's entitlements. */
    static final String SUMMARY = """
            select e.region_code,
                   count(*) as assessed,
                   count(*) filter (where e.benefit = 'ASP') as asp_families,
                   count(*) filter (where e.benefit = 'CCA') as cca_families,
                   coalesce(sum(e.members) filter (where e.benefit = 'ASP'), 0) as asp_members,
                   coalesce(sum(e.members) filter (where e.benefit = 'CCA'), 0) as cca_members,
                   count(*) filter (where e.decision = 'CCA_CANDIDATE') as candidates,
                   sum(e.per_capita_income / e.subsistence_minimum) filter (where e.benefit = 'ASP') as asp_ratio,
                   sum(e.per_capita_income / e.subsistence_minimum) filter (where e.benefit = 'CCA') as cca_ratio
              from entitlement e
             where e.run_id = ?
             group by e.region_code""";

    /**
     * Members of recipient families counted on the first day of the benefit quarter, grouped by region, benefit and
     * the facts that decide their category; {@link Category#of} classifies each group, so the rule lives in Java
     * and the database returns at most 2^6 groups per region and benefit.
     */
    static final String COMPOSITION = """
            select e.region_code, e.benefit,
                   m.birth_date > ? as child,
                   m.pensioner,
                   m.disability_group is not null as disabled,
                   m.student,
                   m.carer,
                   m.employed,
                   count(*) as members
              from entitlement e
              join fact_member m on m.run_id = e.run_id and m.family_id = e.family_id and m.counted
             where e.run_id = ? and e.benefit in ('ASP', 'CCA')
             group by 1, 2, 3, 4, 5, 6, 7, 8""";

    /**
     * Contracts in force in at least one month of the benefit quarter ({@code contracts.md}: ACTIVE, COMPLETED or
     * TERMINATED, never DECLINED, and not terminated by this system in this run or an earlier quarter's latest
     * run), of families whose data were complete.
     */
    static final String CONTRACTS_IN_FORCE = """
            select e.region_code, count(*) as contracts
              from fact_contract c
              join entitlement e on e.run_id = c.run_id and e.family_id = c.family_id
             where c.run_id = ? and cardinality(c.benefit_months_in_force) > 0
               and e.decision <> 'INCOMPLETE_DATA'
             group by e.region_code""";

    /** Families with a contract that failed in this run and was warned, by region. */
    static final String FAMILIES_WARNED = """
            select e.region_code, count(distinct cf.family_id) as families_warned
              from contract_failure cf join entitlement e on e.run_id = cf.run_id and e.family_id = cf.family_id
             where cf.run_id = ? and cf.sanction = 'WARNING'
             group by e.region_code""";

    /** Contracts this system terminated from the run's benefit quarter on ({@code fact_contract}), by region. */
    static final String TERMINATED = """
            select e.region_code, count(*) as terminated
              from fact_contract c join entitlement e on e.run_id = c.run_id and e.family_id = c.family_id
             where c.run_id = ? and c.terminated_in = ?
             group by e.region_code""";

    static final String FINDINGS = """
            select e.region_code, f.obligation, f.finding, count(*) as findings
              from finding f join entitlement e on e.run_id = f.run_id and e.family_id = f.family_id
             where f.run_id = ?
             group by e.region_code, f.obligation, f.finding""";

    /** Change codes and moves by region. */
    static final String CHANGES = """
            select e.region_code,
                   count(*) filter (where e.change = 'NEW') as new_families,
                   count(*) filter (where e.change = 'STOPPED') as stopped_families,
                   count(*) filter (where e.change = 'CHANGED') as changed_families,
                   count(*) filter (where e.change = 'UNCHANGED') as unchanged_families,
                   count(*) filter (where e.previous_benefit = 'ASP' and e.benefit = 'CCA') as asp_to_cca,
                   count(*) filter (where e.previous_benefit = 'CCA' and e.benefit = 'ASP') as cca_to_asp
              from entitlement e
             where e.run_id = ?
             group by e.region_code""";

    /**
     * Families that lost ASP above the line ({@link PovertyTrap}), by region and distance band; {@code width_bucket}
     * over the band bounds gives the band index of {@link PovertyTrap#band}.
     */
    static final String LOST_ASP = """
            select t.region_code, width_bucket(t.excess_share, ?::numeric[]) as band, count(*) as families,
                   sum(t.excess) as excess, sum(t.excess_share) as excess_share
              from (select e.region_code, e.per_capita_income - e.asp_line as excess,
                           (e.per_capita_income - e.asp_line) / e.asp_line as excess_share
                      from entitlement e
                     where e.run_id = ? and e.previous_benefit = 'ASP' and e.benefit = 'NONE'
                       and e.decision = any (?) and e.per_capita_income >= e.asp_line and e.asp_line > 0) t
             group by 1, 2""";

    /** The version this run was compared with; no row when it has no earlier completed version. */
    static final String ADJUSTED_AGAINST = """
            select b.version from run r join run b on b.run_id = r.adjusted_against where r.run_id = ?""";

    /** The run's adjustments by region and benefit, as the run summary prints them. */
    static final String ADJUSTMENTS = AdjustmentTotals.BY_REGION_AND_BENEFIT;

    private final JdbcTemplate jdbc;
    private final RunReferenceRepository reference;

    StatisticsQueries(JdbcTemplate jdbc, RunReferenceRepository reference) {
        this.jdbc = jdbc;
        this.reference = reference;
    }

    /**
     * The figures of the latest completed version of every benefit quarter before the run's, oldest first, for the
     * Trends sheet. Only earlier quarters: a re-run of an earlier quarter shows the history up to itself, as its
     * first publication did, and its own figures are the run's, not a completed version's.
     */
    List<QuarterStatistics> earlierQuarters(RunContext run) {
        List<QuarterStatistics> earlier = new ArrayList<>();
        for (QuarterVersion version : new QuarterVersions(jdbc).latestOfEveryQuarter()) {
            if (version.quarter().compareTo(run.benefitQuarter()) < 0 && version.runId() != run.runId()) {
                earlier.add(load(new RunContext(version.runId(), version.quarter(),
                        Path.of(version.inputDir() == null ? "" : version.inputDir()),
                        Path.of(version.outputDir() == null ? "" : version.outputDir()), null)));
            }
        }
        return earlier;
    }

    /**
     * The members' composition, the dearest aggregate (every counted member joined with the recipients), is
     * queried on a thread and connection of its own while the others are queried one after the other on this one.
     */
    QuarterStatistics load(RunContext run) {
        FutureTask<Map<Benefit, Map<String, long[]>>> composition = new FutureTask<>(() -> composition(run));
        Thread thread = new Thread(composition, "statistics-composition-" + run.runId());
        thread.setDaemon(true);
        thread.start();
        ReferenceData data = reference.load(run.runId());
        RuleSet rules = data.ruleSetFor(run.benefitQuarter());
        List<RegionLine> lines = RegionLine.order(data.regions().values());
        QuarterStatistics.Run info = runInfo(run, rules);
        QuarterStatistics.Summary summary = summary(run.runId());
        QuarterStatistics.Compliance compliance = compliance(run);
        QuarterStatistics.Changes changes = changes(run.runId());
        QuarterStatistics.Adjustments adjustments = adjustments(run.runId());
        QuarterStatistics.Sources sources = sources(run, data);
        Map<Benefit, Map<String, long[]>> members = await(composition);
        return new QuarterStatistics(info, lines, summary, members.get(Benefit.CCA), members.get(Benefit.ASP),
                compliance, changes, adjustments, sources);
    }

    private static <T> T await(FutureTask<T> task) {
        try {
            return task.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : new IllegalStateException("a statistics query failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the statistics were queried", e);
        }
    }

    private QuarterStatistics.Run runInfo(RunContext run, RuleSet rules) {
        Integer version = jdbc.queryForObject("select version from run where run_id = ?", Integer.class, run.runId());
        return new QuarterStatistics.Run(run.runId(), run.benefitQuarter(), run.incomeQuarter(),
                version == null ? 0 : version, softwareVersion(), rules);
    }

    private static String softwareVersion() {
        String version = StatisticsQueries.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }

    private QuarterStatistics.Summary summary(long runId) {
        Map<String, long[]> counts = new HashMap<>();
        Map<String, BigDecimal[]> sums = new HashMap<>();
        jdbc.query(SUMMARY, rs -> {
            long[] c = counts.computeIfAbsent(rs.getString("region_code"),
                    k -> new long[QuarterStatistics.Summary.COUNTS]);
            c[QuarterStatistics.Summary.ASSESSED] = rs.getLong("assessed");
            c[QuarterStatistics.Summary.ASP_FAMILIES] = rs.getLong("asp_families");
            c[QuarterStatistics.Summary.CCA_FAMILIES] = rs.getLong("cca_families");
            c[QuarterStatistics.Summary.RECIPIENT_FAMILIES] = rs.getLong("asp_families") + rs.getLong("cca_families");
            c[QuarterStatistics.Summary.ASP_MEMBERS] = rs.getLong("asp_members");
            c[QuarterStatistics.Summary.CCA_MEMBERS] = rs.getLong("cca_members");
            c[QuarterStatistics.Summary.RECIPIENT_MEMBERS] = rs.getLong("asp_members") + rs.getLong("cca_members");
            c[QuarterStatistics.Summary.CANDIDATES] = rs.getLong("candidates");
            BigDecimal[] s = sums.computeIfAbsent(rs.getString("region_code"),
                    k -> zeros(QuarterStatistics.Summary.SUMS));
            s[QuarterStatistics.Summary.ASP_INCOME_RATIO] = orZero(rs.getBigDecimal("asp_ratio"));
            s[QuarterStatistics.Summary.CCA_INCOME_RATIO] = orZero(rs.getBigDecimal("cca_ratio"));
        }, runId);
        // money paid in the quarter by region and by the benefit paid (a CCA family's ASP months count as ASP)
        jdbc.query(PaidTotals.BY_REGION_AND_BENEFIT, rs -> {
            BigDecimal[] s = sums.computeIfAbsent(rs.getString("region_code"),
                    k -> zeros(QuarterStatistics.Summary.SUMS));
            String benefit = rs.getString("benefit");
            int column = Benefit.CCA.name().equals(benefit) ? QuarterStatistics.Summary.CCA_PAID
                    : QuarterStatistics.Summary.ASP_PAID;
            s[column] = s[column].add(rs.getBigDecimal("tenge"));
        }, runId);
        return new QuarterStatistics.Summary(counts, sums);
    }

    private Map<Benefit, Map<String, long[]>> composition(RunContext run) {
        LocalDate day = run.benefitQuarter().firstDay();
        Map<Benefit, Map<String, long[]>> byBenefit = new EnumMap<>(Benefit.class);
        byBenefit.put(Benefit.ASP, new HashMap<>());
        byBenefit.put(Benefit.CCA, new HashMap<>());
        int categories = Category.values().length;
        jdbc.query(COMPOSITION, rs -> {
            Category category = Category.of(rs.getBoolean("child"), rs.getBoolean("pensioner"),
                    rs.getBoolean("disabled"), rs.getBoolean("student"), rs.getBoolean("carer"),
                    rs.getBoolean("employed"));
            long[] counts = byBenefit.get(Benefit.valueOf(rs.getString("benefit")))
                    .computeIfAbsent(rs.getString("region_code"), k -> new long[categories]);
            counts[category.ordinal()] += rs.getLong("members");
        }, Category.childrenBornAfter(day), run.runId());
        return byBenefit;
    }

    private QuarterStatistics.Compliance compliance(RunContext run) {
        Map<String, long[]> counts = new HashMap<>();
        int size = QuarterStatistics.Compliance.COUNTS;
        jdbc.query(CONTRACTS_IN_FORCE, rs -> {
            counts.computeIfAbsent(rs.getString(1), k -> new long[size])[QuarterStatistics.Compliance.IN_FORCE] =
                    rs.getLong(2);
        }, run.runId());
        jdbc.query(FAMILIES_WARNED, rs -> {
            counts.computeIfAbsent(rs.getString(1), k -> new long[size])[QuarterStatistics.Compliance.FAMILIES_WARNED]
                    = rs.getLong(2);
        }, run.runId());
        jdbc.query(TERMINATED, rs -> {
            counts.computeIfAbsent(rs.getString(1), k -> new long[size])[QuarterStatistics.Compliance.TERMINATED] =
                    rs.getLong(2);
        }, run.runId(), run.benefitQuarter().toString());
        jdbc.query(FINDINGS, rs -> {
            long[] c = counts.computeIfAbsent(rs.getString(1), k -> new long[size]);
            long findings = rs.getLong(4);
            int byKind = QuarterStatistics.Compliance.kindColumn(rs.getString(3));
            int byObligation = QuarterStatistics.Compliance.obligationColumn(rs.getString(2), rs.getString(3));
            if (byKind < 0 || byObligation < 0) {
                throw new IllegalStateException("finding of an unknown obligation or kind: " + rs.getString(2) + " "
                        + rs.getString(3));
            }
            c[QuarterStatistics.Compliance.FINDINGS] += findings;
            c[byKind] += findings;
            c[byObligation] += findings;
        }, run.runId());
        return new QuarterStatistics.Compliance(counts);
    }

    private QuarterStatistics.Changes changes(long runId) {
        Map<String, long[]> counts = new HashMap<>();
        Map<String, BigDecimal[]> sums = new HashMap<>();
        int size = QuarterStatistics.Changes.COUNTS;
        jdbc.query(CHANGES, rs -> {
            long[] c = counts.computeIfAbsent(rs.getString("region_code"), k -> new long[size]);
            c[QuarterStatistics.Changes.NEW] = rs.getLong("new_families");
            c[QuarterStatistics.Changes.STOPPED] = rs.getLong("stopped_families");
            c[QuarterStatistics.Changes.CHANGED] = rs.getLong("changed_families");
            c[QuarterStatistics.Changes.UNCHANGED] = rs.getLong("unchanged_families");
            c[QuarterStatistics.Changes.ASP_TO_CCA] = rs.getLong("asp_to_cca");
            c[QuarterStatistics.Changes.CCA_TO_ASP] = rs.getLong("cca_to_asp");
        }, runId);
        Object[] bounds = PovertyTrap.BOUNDS.toArray();
        String[] decisions = PovertyTrap.DECISIONS.stream().map(Enum::name).toArray(String[]::new);
        jdbc.query(con -> {
            var ps = con.prepareStatement(LOST_ASP);
            Array boundArray = con.createArrayOf("numeric", bounds);
            ps.setArray(1, boundArray);
            ps.setLong(2, runId);
            ps.setArray(3, con.createArrayOf("text", decisions));
            return ps;
        }, rs -> {
            String region = rs.getString("region_code");
            long[] c = counts.computeIfAbsent(region, k -> new long[size]);
            long families = rs.getLong("families");
            c[QuarterStatistics.Changes.LOST_ASP] += families;
            c[QuarterStatistics.Changes.BY_DISTANCE + rs.getInt("band")] += families;
            BigDecimal[] s = sums.computeIfAbsent(region, k -> zeros(QuarterStatistics.Changes.SUMS));
            s[QuarterStatistics.Changes.EXCESS] = s[QuarterStatistics.Changes.EXCESS].add(rs.getBigDecimal("excess"));
            s[QuarterStatistics.Changes.EXCESS_SHARE] =
                    s[QuarterStatistics.Changes.EXCESS_SHARE].add(rs.getBigDecimal("excess_share"));
        });
        return new QuarterStatistics.Changes(counts, sums);
    }

    private QuarterStatistics.Adjustments adjustments(long runId) {
        List<Integer> against = jdbc.queryForList(ADJUSTED_AGAINST, Integer.class, runId);
        if (against.isEmpty()) {
            return QuarterStatistics.Adjustments.NONE;
        }
        Map<String, long[]> counts = new HashMap<>();
        Map<String, BigDecimal[]> sums = new HashMap<>();
        jdbc.query(ADJUSTMENTS, rs -> {
            String region = rs.getString("region_code");
            String benefit = rs.getString("benefit");
            int offset = Benefit.CCA.name().equals(benefit) ? QuarterStatistics.Adjustments.CCA
                    : Benefit.ASP.name().equals(benefit) ? QuarterStatistics.Adjustments.ASP : -1;
            if (offset < 0) {
                // a payment differs only if one of the two versions paid something
                throw new IllegalStateException("adjustment of a family paid neither ASP nor CCA in either version");
            }
            long[] c = counts.computeIfAbsent(region, k -> new long[QuarterStatistics.Adjustments.COUNTS]);
            BigDecimal[] s = sums.computeIfAbsent(region, k -> zeros(QuarterStatistics.Adjustments.SUMS));
            add(c, QuarterStatistics.Adjustments.ARREARS, offset, rs.getLong("arrears_families"));
            add(c, QuarterStatistics.Adjustments.OVERPAID, offset, rs.getLong("overpaid_families"));
            add(c, QuarterStatistics.Adjustments.RECLASSIFIED, offset, rs.getLong("reclassified_families"));
            s[QuarterStatistics.Adjustments.ARREARS_TENGE + offset] = rs.getBigDecimal("arrears");
            s[QuarterStatistics.Adjustments.OVERPAID_TENGE + offset] = rs.getBigDecimal("overpaid");
            s[QuarterStatistics.Adjustments.RECLASSIFIED_MONTHS + offset] = rs.getBigDecimal("reclassified_months");
        }, runId);
        return new QuarterStatistics.Adjustments(against.get(0), counts, sums);
    }

    /** Families under their benefit, and in the total of the measure. */
    private static void add(long[] counts, int measure, int benefit, long families) {
        counts[measure + benefit] += families;
        counts[measure + QuarterStatistics.Adjustments.TOTAL] += families;
    }

    private QuarterStatistics.Sources sources(RunContext run, ReferenceData data) {
        Map<String, BigDecimal> minimum = new LinkedHashMap<>();
        for (String region : data.regions().keySet()) {
            BigDecimal amount = data.subsistenceMinimum(region, run.incomeQuarter());
            if (amount != null) {
                minimum.put(region, amount);
            }
        }
        Map<String, QuarterStatistics.FileCount> byFile = new HashMap<>();
        jdbc.query("select file, read, accepted, rejected from ingest_count where run_id = ?", rs -> {
            byFile.put(rs.getString(1), new QuarterStatistics.FileCount(rs.getString(1), rs.getLong(2),
                    rs.getLong(3), rs.getLong(4)));
        }, run.runId());
        List<QuarterStatistics.FileCount> inputs = new ArrayList<>();
        for (InputFile file : InputFile.values()) {
            QuarterStatistics.FileCount count = byFile.remove(file.fileName());
            inputs.add(count == null ? new QuarterStatistics.FileCount(file.fileName(), 0, 0, 0) : count);
        }
        inputs.addAll(byFile.values());
        List<QuarterStatistics.ReferenceSource> references = new ArrayList<>();
        for (ReferenceFile file : ReferenceFile.values()) {
            Long rows = jdbc.queryForObject("select count(*) from " + file.table() + " where run_id = ?", Long.class,
                    run.runId());
            references.add(new QuarterStatistics.ReferenceSource(file.fileName(),
                    Files.isRegularFile(run.input().resolve(file.fileName())), rows == null ? 0 : rows));
        }
        return new QuarterStatistics.Sources(minimum, inputs, references);
    }

    private static BigDecimal[] zeros(int size) {
        BigDecimal[] values = new BigDecimal[size];
        java.util.Arrays.fill(values, BigDecimal.ZERO);
        return values;
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }


}
