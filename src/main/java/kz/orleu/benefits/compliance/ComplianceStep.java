package kz.orleu.benefits.compliance;

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
import kz.orleu.benefits.quarter.Quarter;
import kz.orleu.benefits.reference.RuleSet;
import kz.orleu.benefits.reference.RunReferenceRepository;
import kz.orleu.benefits.run.RunContext;
import kz.orleu.benefits.run.RunScopedReader;
import kz.orleu.benefits.run.RunRepository;
import kz.orleu.benefits.store.NamedSql;
import kz.orleu.benefits.store.PgCopy;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;

/** Reader, processor and writer of {@code judgeCompliance}: every contract that may have been in force. */
public final class ComplianceStep {

    private ComplianceStep() {
    }

    /**
     * One row per candidate contract with its plan, its monitoring and its family's members pre-aggregated by
     * GROUP BY and hash joins: per-contract subqueries are what does not scale.
     */
    static final NamedSql CONTRACTS_TO_JUDGE = NamedSql.of("""
            with latest as (%s),
            history as (
                select cf.contract_id, count(*) as failures,
                       min(l.benefit_quarter) filter (where cf.sanction = 'TERMINATED') as terminated_in
                  from contract_failure cf join latest l on l.run_id = cf.run_id
                 group by cf.contract_id),
            incomplete as (
                select distinct r.family_id from reject r where r.run_id = :run and r.family_id is not null),
            candidates as (
                select c.* from stg_contract c
                 where c.run_id = :run and not c.rejected and c.status <> 'DECLINED'
                   and c.start_date <= :iq_end and c.end_date >= :iq_start
                   and not exists (select 1 from incomplete i where i.family_id = c.family_id)),
            plan as (
                select o.contract_id, string_agg(o.line || '|' || o.iin || '|' || o.obligation, ';' order by o.line) as items
                  from stg_obligation o
                 where o.run_id = :run and not o.rejected
                   and o.contract_id in (select contract_id from candidates)
                 group by o.contract_id),
            reports as (
                select m.contract_id,
                       string_agg(m.line || '|' || m.iin || '|' || m.month || '|' || m.obligation || '|' || m.outcome
                                  || '|' || coalesce(m.spending_purpose, ''), ';' order by m.line) as items
                  from stg_monitoring m
                 where m.run_id = :run and not m.rejected
                   and m.contract_id in (select contract_id from candidates)
                 group by m.contract_id),
            members as (
                select m.family_id,
                       string_agg(m.iin || '|' || m.birth_date || '|' || m.pensioner || '|'
                                  || coalesce(m.disability_group::text, '') || '|' || m.student || '|' || m.carer
                                  || '|' || (m.joined_on <= :bq_start and (m.left_on is null or m.left_on > :bq_start)),
                                  ';') as items,
                       count(*) filter (where m.joined_on <= :bq_start
                                          and (m.left_on is null or m.left_on > :bq_start)) as counted
                  from stg_member m
                 where m.run_id = :run and not m.rejected
                   and m.family_id in (select family_id from candidates)
                 group by m.family_id)
            select c.contract_id, c.family_id, c.start_date, c.end_date, c.payment_mode, c.status,
                   h.terminated_in, coalesce(h.failures, 0) as failures,
                   pl.items as plan, r.items as reports, mb.items as members
              from candidates c
              join members mb on mb.family_id = c.family_id and mb.counted > 0
              left join history h on h.contract_id = c.contract_id
              left join plan pl on pl.contract_id = c.contract_id
              left join reports r on r.contract_id = c.contract_id
             order by c.contract_id""".formatted(RunRepository.LATEST_EARLIER_RUNS.replace("?", ":bq")));

    public static RunScopedReader<ContractReview> reader(DataSource dataSource) {
        return new RunScopedReader<>(step -> {
            RunContext run = RunContext.of(step);
            Quarter iq = run.incomeQuarter();
            JdbcCursorItemReader<ContractReview> reader = new JdbcCursorItemReader<>(dataSource,
                    CONTRACTS_TO_JUDGE.sql(), (rs, i) -> review(rs));
            reader.setName("contracts");
            reader.setFetchSize(2000);
            reader.setConnectionAutoCommit(false);
            reader.setPreparedStatementSetter(CONTRACTS_TO_JUDGE.setter(Map.of("run", run.runId(),
                    "bq", run.benefitQuarter().toString(), "bq_start", run.benefitQuarter().firstDay(),
                    "iq_start", iq.firstDay(), "iq_end", iq.lastDay())));
            return reader;
        });
    }

    static ContractReview review(ResultSet rs) throws SQLException {
        String terminatedIn = rs.getString("terminated_in");
        ContractTerm term = new ContractTerm(rs.getString("contract_id"),
                YearMonth.from(rs.getObject("start_date", LocalDate.class)),
                YearMonth.from(rs.getObject("end_date", LocalDate.class)),
                ContractTerm.PaymentMode.valueOf(rs.getString("payment_mode")),
                ContractTerm.ContractStatus.valueOf(rs.getString("status")),
                terminatedIn == null ? null : Quarter.parse(terminatedIn).firstMonth());
        List<ContractReview.PlanItem> plan = new ArrayList<>();
        for (String[] f : split(rs.getString("plan"))) {
            plan.add(new ContractReview.PlanItem(Long.parseLong(f[0]), f[1], f[2]));
        }
        List<ContractReview.Report> reports = new ArrayList<>();
        for (String[] f : split(rs.getString("reports"))) {
            reports.add(new ContractReview.Report(Long.parseLong(f[0]), f[1], YearMonth.parse(f[2]), f[3], f[4],
                    f.length > 5 && !f[5].isEmpty() ? f[5] : null));
        }
        Map<String, Member> members = new HashMap<>();
        for (String[] f : split(rs.getString("members"))) {
            members.put(f[0], new Member(f[0], LocalDate.parse(f[1]), Boolean.parseBoolean(f[2]),
                    f[3].isEmpty() ? null : Integer.valueOf(f[3]), Boolean.parseBoolean(f[4]),
                    Boolean.parseBoolean(f[5]), Boolean.parseBoolean(f[6])));
        }
        return new ContractReview(rs.getString("family_id"), term, rs.getInt("failures"), plan, reports, members);
    }

    /** Splits {@code a|b;c|d}; the codes and ids in these lists never hold the separators (they are validated). */
    static List<String[]> split(String list) {
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        List<String[]> rows = new ArrayList<>();
        for (String item : list.split(";")) {
            rows.add(item.split("\\|", -1));
        }
        return rows;
    }

    public static final class Processor implements ItemProcessor<ContractReview, Judgement>, StepExecutionListener {

        private final RunReferenceRepository reference;
        private ComplianceJudge judge;
        private Quarter incomeQuarter;

        public Processor(RunReferenceRepository reference) {
            this.reference = reference;
        }

        @Override
        public void beforeStep(StepExecution stepExecution) {
            RunContext run = RunContext.of(stepExecution);
            RuleSet rules = reference.load(run.runId()).ruleSetFor(run.benefitQuarter());
            incomeQuarter = run.incomeQuarter();
            judge = new ComplianceJudge(run.incomeQuarter(), run.benefitQuarter(), rules);
        }

        /** Contracts not in force in any month of the income quarter (after a termination) are not judged. */
        @Override
        public Judgement process(ContractReview contract) {
            if (incomeQuarter.months().stream().noneMatch(contract.term()::inForce)) {
                return null;
            }
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
