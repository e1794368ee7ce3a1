package kz.orleu.benefits.entitlement;

import kz.orleu.benefits.codes.ContractStatus;
import kz.orleu.benefits.codes.PaymentMode;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import kz.orleu.benefits.partition.FamilyHashRange;
import kz.orleu.benefits.quarter.Quarter;
import kz.orleu.benefits.reference.RuleSet;
import kz.orleu.benefits.reference.RunReferenceRepository;
import kz.orleu.benefits.run.RunContext;
import kz.orleu.benefits.run.RunRepository;
import kz.orleu.benefits.run.RunScopedReader;
import kz.orleu.benefits.store.NamedSql;
import kz.orleu.benefits.store.PgCopy;
import kz.orleu.benefits.store.RunJoins;
import kz.orleu.benefits.store.SqlArrays;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reader, processor and writer of {@code computeEntitlements}. The database gathers each family's inputs in one
 * set-based query from the run's facts ({@code fact_*}: members counted, contracts with their terminations,
 * previous result) and its counted income and subsistence minimum; the arithmetic and the month-by-month rules stay in {@link EntitlementCalculator}.
 */
public final class EntitlementStep {

    private EntitlementStep() {
    }

    /**
     * Gathers every family's inputs in one statement: hash joins and GROUP BY, no per-family query. A family's
     * contracts are kept as parallel arrays in file order ({@link SqlArrays}), so a contract id is one opaque
     * value whatever characters it holds. The counted income is the family's accepted income of counted types
     * less that of its members not counted: validation leaves every accepted income exactly one accepted member
     * with its family and IIN (UNKNOWN_MEMBER, and DUPLICATE_KEY for an IIN repeated), so this equals the income
     * of the counted members, and joins the incomes with the few members not counted instead of with all
     * (at 1,000,000 families: 9.9 M incomes, 4.5 M members, 12 s of the statement's 17 s went to that join).
     */
    static final NamedSql GATHER_FAMILY_CASES = NamedSql.of("""
            with incomplete as (
                select distinct r.family_id from reject r where r.run_id = :run and r.family_id is not null),
            members as (
                select m.family_id, count(*) as n
                  from fact_member m
                 where m.run_id = :run and m.counted
                 group by m.family_id),
            incomes as (
                select i.family_id, sum(i.amount) filter (where uncounted.iin is null) as total
                  from stg_income i
                  left join fact_member uncounted
                         on uncounted.run_id = :run and not uncounted.counted
                        and uncounted.family_id = i.family_id and uncounted.iin = i.iin
                 where i.run_id = :run and not i.rejected and i.income_type = any (:counted_types)
                 group by i.family_id),
            contracts as (
                select c.family_id,
                       array_agg(c.contract_id order by c.line) as ids,
                       array_agg(c.start_date order by c.line) as starts,
                       array_agg(c.end_date order by c.line) as ends,
                       array_agg(c.payment_mode order by c.line) as modes,
                       array_agg(c.status order by c.line) as statuses,
                       array_agg(c.terminated_in order by c.line) as terminated_in
                  from fact_contract c
                 where c.run_id = :run
                 group by c.family_id)
            select f.run_id, f.family_id, f.region_code, f.declared_on is not null as declared,
                   ic.family_id is not null as has_reject, coalesce(mb.n, 0) as members,
                   coalesce(inc.total, 0) as counted_income, sm.amount as subsistence_minimum,
                   coalesce(con.ids, '{}') as contract_ids, coalesce(con.starts, '{}') as contract_starts,
                   coalesce(con.ends, '{}') as contract_ends, coalesce(con.modes, '{}') as contract_modes,
                   coalesce(con.statuses, '{}') as contract_statuses,
                   coalesce(con.terminated_in, '{}') as contract_terminated_in,
                   pr.benefit as previous_benefit, pr.monthly_amount as previous_monthly
              from stg_family f
              left join incomplete ic on ic.family_id = f.family_id
              left join members mb on mb.family_id = f.family_id
              left join incomes inc on inc.family_id = f.family_id
              left join ref_subsistence_minimum sm
                     on sm.run_id = :run and sm.region_code = f.region_code and sm.quarter = :iq
              left join contracts con on con.family_id = f.family_id
              left join fact_previous_result pr on pr.run_id = :run and pr.family_id = f.family_id
             where f.run_id = :run and not f.rejected""");

    static final String FAMILY_CASES = """
            select family_id, region_code, declared, has_reject, members, counted_income, subsistence_minimum,
                   contract_ids, contract_starts, contract_ends, contract_modes, contract_statuses,
                   contract_terminated_in, previous_benefit, previous_monthly
              from family_case
             where run_id = ? and hashtext(family_id) >= ? and hashtext(family_id) < ?
             order by family_id""";

    /**
     * The tasklet of {@code gatherFamilyCases}: replaces the run's gathered inputs in one transaction, so a
     * restart of it starts clean.
     */
    public static void gather(JdbcTemplate jdbc, RunRepository runs, RunContext run, RuleSet rules) {
        String[] countedTypes = rules.incomeTypes().entrySet().stream().filter(e -> e.getValue())
                .map(e -> e.getKey()).sorted().toArray(String[]::new);
        RunJoins.hashed(jdbc);
        Map<String, Object> values = new HashMap<>();
        values.put("run", run.runId());
        values.put("iq", run.incomeQuarter().toString());
        values.put("counted_types", countedTypes);
        runs.rewrite("family_case", run.runId(), GATHER_FAMILY_CASES.sql(), GATHER_FAMILY_CASES.setter(values));
        runs.analyze("family_case", run.runId());
    }

    /** The families in the step's hash range: all of them unless the step is a partition of computeEntitlements. */
    public static RunScopedReader<FamilyCase> reader(DataSource dataSource) {
        return new RunScopedReader<>(step -> {
            long runId = RunContext.of(step).runId();
            FamilyHashRange range = FamilyHashRange.of(step);
            JdbcCursorItemReader<FamilyCase> reader = new JdbcCursorItemReader<>(dataSource, FAMILY_CASES,
                    (rs, i) -> familyCase(rs));
            reader.setName("families");
            reader.setFetchSize(5000);
            reader.setConnectionAutoCommit(false);
            reader.setPreparedStatementSetter(ps -> {
                ps.setLong(1, runId);
                ps.setLong(2, range.from());
                ps.setLong(3, range.to());
            });
            return reader;
        });
    }

    public static FamilyCase familyCase(ResultSet rs) throws SQLException {
        List<String> ids = SqlArrays.texts(rs, "contract_ids");
        List<LocalDate> starts = SqlArrays.dates(rs, "contract_starts");
        List<LocalDate> ends = SqlArrays.dates(rs, "contract_ends");
        List<String> modes = SqlArrays.texts(rs, "contract_modes");
        List<String> statuses = SqlArrays.texts(rs, "contract_statuses");
        List<String> terminatedIn = SqlArrays.texts(rs, "contract_terminated_in");
        List<ContractTerm> contracts = new ArrayList<>();
        for (int i = 0; i < SqlArrays.rows(ids, starts, ends, modes, statuses, terminatedIn); i++) {
            contracts.add(new ContractTerm(ids.get(i), month(starts.get(i)), month(ends.get(i)),
                    PaymentMode.valueOf(modes.get(i)), ContractStatus.valueOf(statuses.get(i)),
                    terminatedIn.get(i) == null ? null : Quarter.parse(terminatedIn.get(i)).firstMonth()));
        }
        String previous = rs.getString("previous_benefit");
        BigDecimal previousMonthly = rs.getBigDecimal("previous_monthly");
        return new FamilyCase(rs.getString("family_id"), rs.getString("region_code"), rs.getBoolean("has_reject"),
                rs.getBoolean("declared"), rs.getInt("members"), rs.getBigDecimal("counted_income"),
                rs.getBigDecimal("subsistence_minimum"), contracts,
                previous == null ? null : Benefit.valueOf(previous),
                previousMonthly == null ? null : previousMonthly.longValueExact());
    }

    private static YearMonth month(LocalDate date) {
        return date == null ? null : YearMonth.from(date);
    }

    public static final class Processor implements ItemProcessor<FamilyCase, Entitlement>, StepExecutionListener {

        private final RunReferenceRepository reference;
        private EntitlementCalculator calculator;

        public Processor(RunReferenceRepository reference) {
            this.reference = reference;
        }

        @Override
        public void beforeStep(StepExecution stepExecution) {
            RunContext run = RunContext.of(stepExecution);
            RuleSet rules = reference.load(run.runId()).ruleSetFor(run.benefitQuarter());
            calculator = new EntitlementCalculator(run.benefitQuarter(), rules.aspShare(), rules.ccaShare());
        }

        @Override
        public Entitlement process(FamilyCase family) {
            return calculator.calculate(family);
        }
    }

    public static final class Writer implements ItemWriter<Entitlement>, StepExecutionListener {

        private static final List<String> ENTITLEMENT_COLUMNS = List.of("run_id", "family_id", "region_code",
                "members", "counted_income", "per_capita_income", "subsistence_minimum", "asp_line", "cca_line",
                "benefit", "monthly_amount", "quarter_amount", "decision", "previous_benefit",
                "previous_monthly_amount", "change");
        private static final List<String> PAYMENT_COLUMNS = List.of("run_id", "family_id", "month", "benefit",
                "amount", "kind");

        private final DataSource dataSource;
        private long runId;

        public Writer(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @Override
        public void beforeStep(StepExecution stepExecution) {
            runId = RunContext.of(stepExecution).runId();
        }

        @Override
        public void write(Chunk<? extends Entitlement> chunk) {
            List<Object[]> entitlements = new ArrayList<>(chunk.size());
            List<Object[]> payments = new ArrayList<>(chunk.size() * 3);
            for (Entitlement e : chunk) {
                entitlements.add(new Object[] {runId, e.familyId(), e.regionCode(), e.members(), e.countedIncome(),
                        e.perCapitaIncome(), e.subsistenceMinimum(), e.aspLine(), e.ccaLine(), e.benefit().name(),
                        e.monthlyAmount(), e.quarterAmount(), e.decision().name(),
                        e.previousBenefit() == null ? null : e.previousBenefit().name(), e.previousMonthlyAmount(),
                        e.change().name()});
                for (Payment p : e.payments()) {
                    payments.add(new Object[] {runId, e.familyId(), p.month().toString(), p.benefit().name(),
                            p.amount(), p.kind().name()});
                }
            }
            PgCopy.copyBinary(dataSource, "entitlement", ENTITLEMENT_COLUMNS, entitlements);
            PgCopy.copyBinary(dataSource, "payment", PAYMENT_COLUMNS, payments);
            PgCopy.copyBinary(dataSource, PaidTotals.TABLE, PaidTotals.COLUMNS, PaidTotals.ofChunk(runId, chunk));
        }
    }
}
