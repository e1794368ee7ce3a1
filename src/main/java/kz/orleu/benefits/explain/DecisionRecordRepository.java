package kz.orleu.benefits.explain;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import kz.orleu.benefits.declaration.InputFile;
import kz.orleu.benefits.entitlement.Benefit;
import kz.orleu.benefits.entitlement.Change;
import kz.orleu.benefits.entitlement.Decision;
import kz.orleu.benefits.entitlement.Entitlement;
import kz.orleu.benefits.entitlement.EntitlementCalculator;
import kz.orleu.benefits.entitlement.EntitlementStep;
import kz.orleu.benefits.entitlement.FamilyCase;
import kz.orleu.benefits.entitlement.Payment;
import kz.orleu.benefits.entitlement.PaymentKind;
import kz.orleu.benefits.explain.DecisionRecord.RowNote;
import kz.orleu.benefits.quarter.Quarter;
import kz.orleu.benefits.reference.ReferenceData;
import kz.orleu.benefits.reference.RuleSet;
import kz.orleu.benefits.reference.RunReferenceRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads a family's decision record from what one completed version stored: its entitlement and payments, the
 * inputs the means test used ({@code family_case}, which the month-by-month reasons are computed from again by
 * {@link EntitlementCalculator}), its rows, findings, sanctions, warnings and rejects.
 */
@Repository
public class DecisionRecordRepository {

    /** A completed version of a benefit quarter: the one asked for, or the latest. */
    public record Version(long runId, int version, String incomeQuarter, String ruleSet, Timestamp startedAt) {
    }

    private static final String MEMBERS = """
            select s.iin, s.last_name, s.first_name, s.relation, s.joined_on, s.left_on, m.counted
              from stg_member s join fact_member m on m.run_id = s.run_id and m.line = s.line
             where s.run_id = :run and s.family_id = :family and not s.rejected order by s.line""";

    private static final String INCOMES = """
            select i.iin, i.month, i.income_type, i.amount,
                   coalesce((select t.counted from ref_income_type t where t.run_id = :run
                              and t.income_type = i.income_type and t.valid_from <= :first_day
                            order by t.valid_from desc limit 1), false) as type_counted,
                   exists (select 1 from fact_member m where m.run_id = :run and m.counted
                              and m.family_id = i.family_id and m.iin = i.iin) as member_counted
              from stg_income i where i.run_id = :run and i.family_id = :family and not i.rejected
             order by i.iin, i.month, i.income_type""";

    private static final String FINDINGS = """
            select contract_id, iin, obligation, finding, months from finding
             where run_id = :run and family_id = :family order by contract_id, iin, obligation, finding""";

    /**
     * The family's failed contracts in this version and in the latest version of each earlier benefit quarter
     * that had completed when this version started: the versions its failure count was taken from (a version of
     * an earlier quarter completed later did not count for it).
     */
    private static final String SANCTIONS = """
            with counted_from as (
                select distinct on (benefit_quarter) run_id
                  from run
                 where status = 'COMPLETED' and benefit_quarter < :quarter and completed_at < :started_at
                 order by benefit_quarter, version desc)
            select r.benefit_quarter, r.version, cf.run_id = :run as this_version, cf.contract_id, cf.failure_number,
                   cf.sanction
              from contract_failure cf join run r on r.run_id = cf.run_id
             where cf.family_id = :family and (cf.run_id = :run or cf.run_id in (select run_id from counted_from))
             order by r.benefit_quarter, cf.contract_id""";

    /**
     * A warning names a file and a line, not a family: the line is found in the staging table of its file (through
     * the contract for obligations and monitoring). A run's own ADJUSTMENT_HELD names the family as its value.
     */
    private static final String WARNINGS = """
            select w.file, w.line, w.column_name, w.value, w.reason, w.message from warning w
             where w.run_id = :run and (
                   (w.file = :families and exists (select 1 from stg_family s
                        where s.run_id = :run and s.line = w.line and s.family_id = :family))
                or (w.file = :members and exists (select 1 from stg_member s
                        where s.run_id = :run and s.line = w.line and s.family_id = :family))
                or (w.file = :incomes and exists (select 1 from stg_income s
                        where s.run_id = :run and s.line = w.line and s.family_id = :family))
                or (w.file = :contracts and exists (select 1 from stg_contract s
                        where s.run_id = :run and s.line = w.line and s.family_id = :family))
                or (w.file = :obligations and exists (select 1 from stg_obligation s
                        join stg_contract c on c.run_id = s.run_id and c.contract_id = s.contract_id
                        where s.run_id = :run and s.line = w.line and c.family_id = :family))
                or (w.file = :monitoring and exists (select 1 from stg_monitoring s
                        join stg_contract c on c.run_id = s.run_id and c.contract_id = s.contract_id
                        where s.run_id = :run and s.line = w.line and c.family_id = :family))
                or (w.file is null and w.reason = 'ADJUSTMENT_HELD' and w.value = :family))
             order by w.file nulls last, w.line, w.reason""";

    private static final String REJECTS = """
            select file, line, column_name, value, reason, message from reject
             where run_id = :run and (family_id = :family or (family_id is null and contract_id in (
                   select contract_id from stg_contract where run_id = :run and family_id = :family)))
             order by file, line""";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final RunReferenceRepository reference;

    public DecisionRecordRepository(JdbcTemplate jdbc, RunReferenceRepository reference) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.reference = reference;
    }

    /** The completed version asked for, or the latest completed one when {@code version} is null. */
    public Optional<Version> version(Quarter benefitQuarter, Integer version) {
        return jdbc.query("""
                select run_id, version, income_quarter, rule_set, started_at from run
                 where benefit_quarter = ? and status = 'COMPLETED' and (cast(? as int) is null or version = ?)
                 order by version desc limit 1""",
                (rs, i) -> new Version(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5)),
                benefitQuarter.toString(), version, version).stream().findFirst();
    }

    /** Empty when the version has no entitlement row for the family (absent, or its own row rejected). */
    public Optional<DecisionRecord> load(String familyId, Quarter benefitQuarter, Version version) {
        MapSqlParameterSource p = params(familyId, benefitQuarter, version);
        List<Payment> payments = payments(p);
        List<Entitlement> entitlements = named.query(
                "select * from entitlement where run_id = :run and family_id = :family", p,
                (rs, i) -> entitlement(rs, payments));
        List<FamilyCase> cases = named.query("select * from family_case where run_id = :run and family_id = :family",
                p, (rs, i) -> EntitlementStep.familyCase(rs));
        if (entitlements.isEmpty() || cases.isEmpty()) {
            return Optional.empty();
        }
        Entitlement entitlement = entitlements.get(0);
        FamilyCase family = cases.get(0);
        ReferenceData referenceData = reference.load(version.runId());
        RuleSet rules = referenceData.ruleSetFor(benefitQuarter);
        EntitlementCalculator calculator = new EntitlementCalculator(benefitQuarter, rules.aspShare(), rules.ccaShare());
        return Optional.of(new DecisionRecord(familyId, benefitQuarter, version.incomeQuarter(), version.runId(),
                version.version(), version.ruleSet(), rules.aspShare(), rules.ccaShare(),
                referenceData.regions().get(entitlement.regionCode()), entitlement, family.contracts(),
                calculator.months(family),
                named.query(MEMBERS, p, (rs, i) -> new DecisionRecord.MemberLine(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class),
                        rs.getObject(6, LocalDate.class), rs.getBoolean(7))),
                named.query(INCOMES, p, (rs, i) -> new DecisionRecord.IncomeLine(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getBigDecimal(4), rs.getBoolean(5), rs.getBoolean(6))),
                named.query(FINDINGS, p, (rs, i) -> new DecisionRecord.FindingLine(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5))),
                named.query(SANCTIONS, p, (rs, i) -> new DecisionRecord.SanctionLine(
                        Quarter.parse(rs.getString(1)), rs.getInt(2), rs.getBoolean(3), rs.getString(4), rs.getInt(5),
                        rs.getString(6))),
                named.query(WARNINGS, p, (rs, i) -> note(rs)),
                rejects(familyId, benefitQuarter, version)));
    }

    /** Each reject of the family's rows in the version, by file and line. */
    public List<RowNote> rejects(String familyId, Quarter benefitQuarter, Version version) {
        return named.query(REJECTS, params(familyId, benefitQuarter, version), (rs, i) -> note(rs));
    }

    private List<Payment> payments(MapSqlParameterSource p) {
        return named.query("select month, benefit, amount, kind from payment where run_id = :run and family_id = :family"
                + " order by month", p, (rs, i) -> new Payment(YearMonth.parse(rs.getString(1)),
                        Benefit.valueOf(rs.getString(2)), rs.getBigDecimal(3).longValueExact(),
                        PaymentKind.valueOf(rs.getString(4))));
    }

    private static MapSqlParameterSource params(String familyId, Quarter benefitQuarter, Version version) {
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("run", version.runId())
                .addValue("family", familyId)
                .addValue("quarter", benefitQuarter.toString())
                .addValue("first_day", benefitQuarter.firstDay())
                .addValue("started_at", version.startedAt());
        for (InputFile file : InputFile.values()) {
            p.addValue(file.name().toLowerCase(), file.fileName());
        }
        return p;
    }

    private static Entitlement entitlement(ResultSet rs, List<Payment> payments) throws SQLException {
        String previous = rs.getString("previous_benefit");
        BigDecimal previousMonthly = rs.getBigDecimal("previous_monthly_amount");
        Object members = rs.getObject("members");
        return new Entitlement(rs.getString("family_id"), rs.getString("region_code"),
                members == null ? null : ((Number) members).intValue(), rs.getBigDecimal("counted_income"),
                rs.getBigDecimal("per_capita_income"), rs.getBigDecimal("subsistence_minimum"),
                rs.getBigDecimal("asp_line"), rs.getBigDecimal("cca_line"), Benefit.valueOf(rs.getString("benefit")),
                rs.getBigDecimal("monthly_amount").longValueExact(), rs.getBigDecimal("quarter_amount").longValueExact(),
                Decision.valueOf(rs.getString("decision")), previous == null ? null : Benefit.valueOf(previous),
                previousMonthly == null ? null : previousMonthly.longValueExact(), Change.valueOf(rs.getString("change")),
                payments);
    }

    private static RowNote note(ResultSet rs) throws SQLException {
        Object line = rs.getObject(2);
        return new RowNote(rs.getString(1), line == null ? null : ((Number) line).intValue(), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6));
    }
}
