package kz.orleu.benefits.facts;

import kz.orleu.benefits.codes.ContractStatus;
import kz.orleu.benefits.codes.PaymentMode;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kz.orleu.benefits.compliance.Member;
import kz.orleu.benefits.entitlement.ContractTerm;
import kz.orleu.benefits.quarter.Quarter;
import kz.orleu.benefits.run.RunContext;
import kz.orleu.benefits.run.RunRepository;
import kz.orleu.benefits.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The SQL definitions of the run's facts ({@code facts/*.sql}) and their Java twins ({@link Member#memberOn},
 * {@link ContractTerm#inForce}) agree on the edge cases of the rule book, on the real schema.
 */
class FactsAgreementTest {

    private static final Quarter BQ = Quarter.parse("2026Q2");
    private static final LocalDate FIRST_DAY = BQ.firstDay();
    private static final long EARLIER_RUN = 1;
    private static final long RUN = 2;

    private static JdbcTemplate jdbc;
    private static RunFacts facts;
    private static RunContext run;

    /** iin, joined_on, left_on: joined on the first day, left on it, left the day after, ... */
    private static final List<Object[]> MEMBERS = List.of(
            new Object[] {"joined-on-first-day", FIRST_DAY, null},
            new Object[] {"joined-day-before", FIRST_DAY.minusDays(1), null},
            new Object[] {"joined-day-after", FIRST_DAY.plusDays(1), null},
            new Object[] {"left-on-first-day", LocalDate.of(2020, 1, 1), FIRST_DAY},
            new Object[] {"left-day-after", LocalDate.of(2020, 1, 1), FIRST_DAY.plusDays(1)},
            new Object[] {"left-day-before", LocalDate.of(2020, 1, 1), FIRST_DAY.minusDays(1)},
            new Object[] {"no-joining-day", null, null});

    /** contract_id, start, end, status; sanctions are added below for the last two. */
    private static final List<Object[]> CONTRACTS = List.of(
            new Object[] {"active-all-year", "2026-01-15", "2026-12-31", "ACTIVE"},
            new Object[] {"ends-mid-income-quarter", "2025-11-01", "2026-02-10", "COMPLETED"},
            new Object[] {"ends-mid-benefit-quarter", "2025-11-01", "2026-05-10", "ACTIVE"},
            new Object[] {"ends-on-first-day", "2025-11-01", "2026-04-01", "COMPLETED"},
            new Object[] {"starts-mid-benefit-quarter", "2026-05-20", "2026-12-31", "ACTIVE"},
            new Object[] {"declined", "2026-01-01", "2026-12-31", "DECLINED"},
            new Object[] {"terminated-by-department", "2025-06-01", "2026-05-15", "TERMINATED"},
            new Object[] {"no-start-date", null, "2026-12-31", "ACTIVE"},
            new Object[] {"no-end-date", "2026-01-01", null, "ACTIVE"},
            new Object[] {"terminated-earlier-quarter", "2025-06-01", "2027-06-30", "ACTIVE"},
            new Object[] {"terminated-this-run", "2025-06-01", "2027-06-30", "ACTIVE"});

    @BeforeAll
    static void schemaWithOneRun() {
        String url = TestDatabase.freshDatabase("facts_agreement");
        Flyway.configure().dataSource(url, TestDatabase.user(), TestDatabase.password()).load().migrate();
        jdbc = new JdbcTemplate(new DriverManagerDataSource(url, TestDatabase.user(), TestDatabase.password()));
        RunRepository runs = new RunRepository(jdbc);
        jdbc.update("""
                insert into run (run_id, benefit_quarter, income_quarter, version, input_dir, output_dir, status)
                values (?, '2026Q1', '2025Q4', 1, 'in', 'out', 'COMPLETED'),
                       (?, '2026Q2', '2026Q1', 1, 'in', 'out', 'RUNNING')""", EARLIER_RUN, RUN);
        runs.createPartitions(RUN);
        int line = 2;
        for (Object[] m : MEMBERS) {
            jdbc.update("""
                    insert into stg_member (run_id, line, rejected, family_id, iin, birth_date, pensioner, student,
                                            carer, employed, joined_on, left_on)
                    values (?, ?, false, 'F1', ?, date '1990-04-02', false, false, false, false, ?, ?)""",
                    RUN, line++, m[0], m[1], m[2]);
        }
        line = 2;
        for (Object[] c : CONTRACTS) {
            jdbc.update("""
                    insert into stg_contract (run_id, line, rejected, contract_id, family_id, start_date, end_date,
                                              payment_mode, status)
                    values (?, ?, false, ?, 'F1', ?::date, ?::date, 'MONTHLY', ?)""",
                    RUN, line++, c[0], c[1], c[2], c[3]);
        }
        jdbc.update("insert into contract_failure values (?, 'terminated-earlier-quarter', 'F1', 3, 'TERMINATED')",
                EARLIER_RUN);
        facts = new RunFacts(jdbc, runs);
        run = new RunContext(RUN, BQ, Path.of("in"), Path.of("out"), null);
        facts.establish(run);
    }

    @Test
    void aMemberIsCountedInSqlExactlyWhenTheJavaPredicateCountsThem() {
        for (Object[] m : MEMBERS) {
            Member member = new Member((String) m[0], LocalDate.of(1990, 4, 2), false, null, false, false,
                    (LocalDate) m[1], (LocalDate) m[2]);
            Boolean counted = jdbc.queryForObject("select counted from fact_member where run_id = ? and iin = ?",
                    Boolean.class, RUN, m[0]);
            assertThat(counted).as((String) m[0]).isEqualTo(member.memberOn(FIRST_DAY));
        }
        assertThat(jdbc.queryForList("select iin from fact_member where run_id = ? and counted order by iin",
                String.class, RUN)).containsExactly("joined-day-before", "joined-on-first-day", "left-day-after");
    }

    @Test
    void aContractIsInForceInSqlInExactlyTheMonthsTheJavaTermIsBeforeThisRunsSanctions() {
        assertContractsAgree(Map.of("terminated-earlier-quarter", YearMonth.of(2026, 1)));
    }

    @Test
    void thisRunsTerminationTakesTheContractOutOfForceForTheWholeBenefitQuarterInBoth() {
        jdbc.update("insert into contract_failure values (?, 'terminated-this-run', 'F1', 3, 'TERMINATED')", RUN);
        try {
            facts.establishTerminations(run);
            assertContractsAgree(Map.of("terminated-earlier-quarter", YearMonth.of(2026, 1),
                    "terminated-this-run", YearMonth.of(2026, 4)));
            assertThat(jdbc.queryForList("""
                    select contract_id || ' ' || terminated_by from fact_contract
                     where run_id = ? and terminated_by is not null order by contract_id""", String.class, RUN))
                    .containsExactly("terminated-by-department DEPARTMENT", "terminated-earlier-quarter THIS_SYSTEM",
                            "terminated-this-run THIS_SYSTEM");
        } finally {
            jdbc.update("delete from contract_failure where run_id = ?", RUN);
            facts.establish(run);
        }
    }

    @Test
    void establishingTheFactsTwiceLeavesOneRowPerMemberAndContract() {
        facts.establish(run);
        assertThat(jdbc.queryForObject("select count(*) from fact_member where run_id = ?", Integer.class, RUN))
                .isEqualTo(MEMBERS.size());
        assertThat(jdbc.queryForObject("select count(*) from fact_contract where run_id = ?", Integer.class, RUN))
                .isEqualTo(CONTRACTS.size());
    }

    private static void assertContractsAgree(Map<String, YearMonth> terminatedFrom) {
        List<YearMonth> months = Stream.concat(BQ.previous().months().stream(), BQ.months().stream()).toList();
        for (Object[] c : CONTRACTS) {
            String id = (String) c[0];
            ContractTerm term = new ContractTerm(id, month((String) c[1]), month((String) c[2]),
                    PaymentMode.MONTHLY, ContractStatus.valueOf((String) c[3]),
                    terminatedFrom.get(id));
            List<YearMonth> expected = months.stream().filter(term::inForce).toList();
            Map<String, Object> row = jdbc.queryForMap("""
                    select income_months_in_force, benefit_months_in_force from fact_contract
                     where run_id = ? and contract_id = ?""", RUN, id);
            List<YearMonth> actual = new ArrayList<>();
            actual.addAll(months(row.get("income_months_in_force")));
            actual.addAll(months(row.get("benefit_months_in_force")));
            assertThat(actual).as(id).isEqualTo(expected);
        }
    }

    private static YearMonth month(String date) {
        return date == null ? null : YearMonth.from(LocalDate.parse(date));
    }

    private static List<YearMonth> months(Object sqlArray) {
        try {
            Object[] dates = (Object[]) ((java.sql.Array) sqlArray).getArray();
            return Stream.of(dates).map(d -> YearMonth.from(((Date) d).toLocalDate())).toList();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
