package kz.orleu.benefits.compliance;

import kz.orleu.benefits.codes.ContractStatus;
import kz.orleu.benefits.codes.PaymentMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import kz.orleu.benefits.declaration.DeclarationIngest;
import kz.orleu.benefits.declaration.RowWarning;
import kz.orleu.benefits.entitlement.ContractTerm;
import kz.orleu.benefits.partition.FamilyHashRange;
import kz.orleu.benefits.quarter.Quarter;
import kz.orleu.benefits.reference.RuleSet;
import kz.orleu.benefits.reference.RunReferenceRepository;
import kz.orleu.benefits.run.RunContext;
import kz.orleu.benefits.run.RunScopedReader;
import kz.orleu.benefits.run.RunRepository;
import kz.orleu.benefits.store.HashJoinCursorReader;
import kz.orleu.benefits.store.NamedSql;
import kz.orleu.benefits.store.PgCopy;
import kz.orleu.benefits.store.SqlArrays;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Reader, processor and writer of {@code judgeCompliance}: every contract that may have been in force. */
public final class ComplianceStep {

    private ComplianceStep() {
    }

    /**
     * One row per candidate contract with its plan, its monitoring and its family's members pre-aggregated by
     * GROUP BY and hash joins: per-contract subqueries are what does not scale. Each row set comes as parallel
     * arrays ({@link SqlArrays}), never joined into a delimited string: ids are opaque and may hold any character.
     */
    static final NamedSql CONTRACTS_TO_JUDGE = NamedSql.of("""
            with history as (
                select cf.contract_id, count(*) as failures
                  from contract_failure cf
                 where cf.run_id = any (:earlier_runs)
                 group by cf.contract_id),
            incomplete as (
                select distinct r.family_id from reject r where r.run_id = :run and r.family_id is not null),
            candidates as (
                select c.* from fact_contract c
                 where c.run_id = :run and cardinality(c.income_months_in_force) > 0
                   and hashtext(c.family_id) >= :hash_from and hashtext(c.family_id) < :hash_to
                   and not exists (select 1 from incomplete i where i.family_id = c.family_id)),
            plan as (
                select o.contract_id,
                       array_agg(o.line order by o.line) as plan_lines,
                       array_agg(o.iin order by o.line) as plan_iins,
                       array_agg(o.obligation order by o.line) as plan_obligations
                  from stg_obligation o
                 where o.run_id = :run and not o.rejected
                   and o.contract_id in (select contract_id from candidates)
                 group by o.contract_id),
            reports as (
                select m.contract_id,
                       array_agg(m.line order by m.line) as report_lines,
                       array_agg(m.iin order by m.line) as report_iins,
                       array_agg(m.month order by m.line) as report_months,
                       array_agg(m.obligation order by m.line) as report_obligations,
                       array_agg(m.outcome order by m.line) as report_outcomes,
                       array_agg(m.spending_purpose order by m.line) as report_purposes
                  from stg_monitoring m
                 where m.run_id = :run and not m.rejected
                   and m.contract_id in (select contract_id from candidates)
                 group by m.contract_id),
            members as (
                select m.family_id,
                       array_agg(m.iin order by m.line) as member_iins,
                       array_agg(m.birth_date order by m.line) as member_birth_dates,
                       array_agg(m.pensioner order by m.line) as member_pensioners,
                       array_agg(m.disability_group order by m.line) as member_disability_groups,
                       array_agg(m.student order by m.line) as member_students,
                       array_agg(m.carer order by m.line) as member_carers,
                       array_agg(m.joined_on order by m.line) as member_joined_on,
                       array_agg(m.left_on order by m.line) as member_left_on,
                       bool_or(m.counted) as anyone_counted
                  from fact_member m
                 where m.run_id = :run
                   and m.family_id in (select family_id from candidates)
                 group by m.family_id)
            select c.contract_id, c.family_id, c.start_date, c.end_date, c.payment_mode, c.status,
                   c.terminated_in, coalesce(h.failures, 0) as failures,
                   pl.plan_lines, pl.plan_iins, pl.plan_obligations,
                   r.report_lines, r.report_iins, r.report_months, r.report_obligations, r.report_outcomes,
                   r.report_purposes,
                   mb.member_iins, mb.member_birth_dates, mb.member_pensioners, mb.member_disability_groups,
                   mb.member_students, mb.member_carers, mb.member_joined_on, mb.member_left_on
              from candidates c
              join members mb on mb.family_id = c.family_id and mb.anyone_counted
              left join history h on h.contract_id = c.contract_id
              left join plan pl on pl.contract_id = c.contract_id
              left join reports r on r.contract_id = c.contract_id
             order by c.contract_id""");

    /**
     * The contracts of the families in the step's hash range ({@link FamilyHashRange}): all of them unless the
     * step is a partition of {@code judgeCompliance}.
     */
    public static RunScopedReader<ContractReview> reader(DataSource dataSource, RunRepository runs) {
        return new RunScopedReader<>(step -> {
            RunContext run = RunContext.of(step);
            HashJoinCursorReader<ContractReview> reader = new HashJoinCursorReader<>(dataSource,
                    CONTRACTS_TO_JUDGE.sql(), (rs, i) -> review(rs));
            reader.setName("contracts");
            reader.setFetchSize(2000);
            Map<String, Object> values = new HashMap<>(FamilyHashRange.of(step).parameters());
            values.put("run", run.runId());
            values.put("earlier_runs", runs.latestEarlierRuns(run.benefitQuarter()).toArray(Long[]::new));
            reader.setPreparedStatementSetter(CONTRACTS_TO_JUDGE.setter(values));
            return reader;
        });
    }

    static ContractReview review(ResultSet rs) throws SQLException {
        String terminatedIn = rs.getString("terminated_in");
        ContractTerm term = new ContractTerm(rs.getString("contract_id"),
                YearMonth.from(rs.getObject("start_date", LocalDate.class)),
                YearMonth.from(rs.getObject("end_date", LocalDate.class)),
                PaymentMode.valueOf(rs.getString("payment_mode")),
                ContractStatus.valueOf(rs.getString("status")),
                terminatedIn == null ? null : Quarter.parse(terminatedIn).firstMonth());
        return new ContractReview(rs.getString("family_id"), term, rs.getInt("failures"), plan(rs), reports(rs),
                members(rs));
    }

    private static List<ContractReview.PlanItem> plan(ResultSet rs) throws SQLException {
        List<Long> lines = SqlArrays.longs(rs, "plan_lines");
        List<String> iins = SqlArrays.texts(rs, "plan_iins");
        List<String> obligations = SqlArrays.texts(rs, "plan_obligations");
        List<ContractReview.PlanItem> plan = new ArrayList<>();
        for (int i = 0; i < SqlArrays.rows(lines, iins, obligations); i++) {
            plan.add(new ContractReview.PlanItem(lines.get(i), iins.get(i), obligations.get(i)));
        }
        return plan;
    }

    private static List<ContractReview.Report> reports(ResultSet rs) throws SQLException {
        List<Long> lines = SqlArrays.longs(rs, "report_lines");
        List<String> iins = SqlArrays.texts(rs, "report_iins");
        List<String> months = SqlArrays.texts(rs, "report_months");
        List<String> obligations = SqlArrays.texts(rs, "report_obligations");
        List<String> outcomes = SqlArrays.texts(rs, "report_outcomes");
        List<String> purposes = SqlArrays.texts(rs, "report_purposes");
        List<ContractReview.Report> reports = new ArrayList<>();
        for (int i = 0; i < SqlArrays.rows(lines, iins, months, obligations, outcomes, purposes); i++) {
            reports.add(new ContractReview.Report(lines.get(i), iins.get(i), YearMonth.parse(months.get(i)),
                    obligations.get(i), outcomes.get(i), purposes.get(i)));
        }
        return reports;
    }

    private static Map<String, Member> members(ResultSet rs) throws SQLException {
        List<String> iins = SqlArrays.texts(rs, "member_iins");
        List<LocalDate> birthDates = SqlArrays.dates(rs, "member_birth_dates");
        List<Boolean> pensioners = SqlArrays.booleans(rs, "member_pensioners");
        List<Integer> disabilityGroups = SqlArrays.integers(rs, "member_disability_groups");
        List<Boolean> students = SqlArrays.booleans(rs, "member_students");
        List<Boolean> carers = SqlArrays.booleans(rs, "member_carers");
        List<LocalDate> joinedOn = SqlArrays.dates(rs, "member_joined_on");
        List<LocalDate> leftOn = SqlArrays.dates(rs, "member_left_on");
        Map<String, Member> members = new HashMap<>();
        for (int i = 0; i < SqlArrays.rows(iins, birthDates, pensioners, disabilityGroups, students, carers,
                joinedOn, leftOn); i++) {
            members.put(iins.get(i), new Member(iins.get(i), birthDates.get(i), pensioners.get(i),
                    disabilityGroups.get(i), students.get(i), carers.get(i), joinedOn.get(i), leftOn.get(i)));
        }
        return members;
    }

    public static final class Processor implements ItemProcessor<ContractReview, Judgement>, StepExecutionListener {

        private final RunReferenceRepository reference;
        private ComplianceJudge judge;

        public Processor(RunReferenceRepository reference) {
            this.reference = reference;
        }

        @Override
        public void beforeStep(StepExecution stepExecution) {
            RunContext run = RunContext.of(stepExecution);
            RuleSet rules = reference.load(run.runId()).ruleSetFor(run.benefitQuarter());
            judge = new ComplianceJudge(run.incomeQuarter(), run.benefitQuarter(), rules);
        }

        /** Only contracts in force in a month of the income quarter are read ({@code fact_contract}). */
        @Override
        public Judgement process(ContractReview contract) {
            return judge.judge(contract);
        }
    }

    public static final class Writer implements ItemWriter<Judgement>, StepExecutionListener {

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
        public void write(Chunk<? extends Judgement> chunk) {
            List<Object[]> findings = new ArrayList<>();
            List<Object[]> failures = new ArrayList<>();
            List<Object[]> warnings = new ArrayList<>();
            for (Judgement judgement : chunk) {
                for (Finding f : judgement.findings()) {
                    findings.add(new Object[] {runId, f.familyId(), f.contractId(), f.iin(), f.obligation(),
                            f.kind().name(),
                            f.months().stream().map(YearMonth::toString).collect(Collectors.joining(";"))});
                }
                if (judgement.failed()) {
                    failures.add(new Object[] {runId, judgement.contract().contractId(),
                            judgement.contract().familyId(), judgement.failureNumber(), judgement.sanction().name()});
                }
                for (RowWarning w : judgement.warnings()) {
                    warnings.add(DeclarationIngest.Writer.warningRow(runId, w));
                }
            }
            PgCopy.copy(dataSource, "finding", List.of("run_id", "family_id", "contract_id", "iin", "obligation",
                    "finding", "months"), findings);
            PgCopy.copy(dataSource, "contract_failure", List.of("run_id", "contract_id", "family_id",
                    "failure_number", "sanction"), failures);
            PgCopy.copy(dataSource, "warning", DeclarationIngest.Writer.WARNING_COLUMNS, warnings);
        }
    }
}
