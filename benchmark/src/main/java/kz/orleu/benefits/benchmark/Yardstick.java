package kz.orleu.benefits.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * What the quarter costs at the speed of the database: a hand-written pipeline that COPYs the five input files
 * into typed tables and computes the means test and the payments of the benefit quarter set-based, on the same
 * server as the job, so that the job's wall time can be given as a ratio to it.
 *
 * <p>A yardstick of work, not a second implementation of the rule book: it validates nothing (a bad value fails
 * the COPY, a bad reference stops nothing), keeps no rejects, judges no compliance (no contract is terminated,
 * so a family the job sanctions is paid CCA here), reads and writes no history, no versions and no change codes,
 * and writes no output file. What it does compute is the job's central arithmetic, as {@code jobs/rule-book.md}
 * states it: members counted on the first day of the benefit quarter, their counted income of the income quarter
 * (income types counted by the table in force), per-capita income against the ASP and CCA lines of the region's
 * subsistence minimum, the monthly amounts, and one payment row per family and month paid (lump sums included).
 * Its payment totals are printed beside the job's so that a yardstick doing no work would show.
 *
 * <p>Everything lives in its own schema, created at the start and dropped at the end.
 */
final class Yardstick {

    /** How long each part took and what it paid per benefit. */
    record Result(Duration copy, Duration meansTest, long rowsCopied, Map<String, BigDecimal> paidByBenefit) {

        Duration total() {
            return copy.plus(meansTest);
        }
    }

    private static final String SCHEMA = "yardstick";

    private static final String TABLES = """
            create schema yardstick;
            create table yardstick.family (family_id text, region_code int, district text, settlement text,
                declared_on date);
            create table yardstick.member (family_id text, iin text, last_name text, first_name text,
                birth_date date, relation text, disability_group int, pensioner boolean, student boolean,
                carer boolean, employed boolean, joined_on date, left_on date);
            create table yardstick.income (family_id text, iin text, month text, income_type text, amount numeric);
            create table yardstick.contract (contract_id text, family_id text, signed_on date, start_date date,
                end_date date, payment_mode text, status text);
            create table yardstick.obligation (contract_id text, iin text, obligation text);
            create table yardstick.subsistence_minimum (region_code int, quarter text, amount numeric);
            create table yardstick.rule (parameter text, value text, valid_from date);
            create table yardstick.income_type (income_type text, counted boolean, valid_from date);
            create table yardstick.period (first_day date, income_quarter text);
            """;

    /** A CSV file and the table it is copied into. */
    private record Load(String file, String table) {
    }

    private static final List<Load> INPUT = List.of(new Load("families.csv", "family"),
            new Load("members.csv", "member"), new Load("incomes.csv", "income"),
            new Load("contracts.csv", "contract"), new Load("obligations.csv", "obligation"));

    /** The reference files the arithmetic needs: the input folder's replacement, else the shipped one. */
    private static final List<Load> REFERENCE = List.of(new Load("subsistence-minimum.csv", "subsistence_minimum"),
            new Load("rules.csv", "rule"), new Load("income-types.csv", "income_type"));

    /** Set-based, one statement per fact, each a table the next one joins: the shape of a hand-written pipeline. */
    private static final String MEANS_TEST_AND_PAYMENTS = """
            analyze yardstick.family, yardstick.member, yardstick.income, yardstick.contract;

            -- members counted: joined on or before the first day of the benefit quarter, not left by then
            create table yardstick.counted_member as
            select m.family_id, m.iin
              from yardstick.member m cross join yardstick.period p
             where m.joined_on <= p.first_day and (m.left_on is null or m.left_on > p.first_day);

            -- ASP and CCA lines per region: the shares in force on the first day of the benefit quarter times
            -- the region's subsistence minimum of the income quarter, 2 decimals half up
            create table yardstick.line as
            with share as (
                select distinct on (r.parameter) r.parameter, r.value::numeric as share
                  from yardstick.rule r cross join yardstick.period p
                 where r.parameter in ('asp_share', 'cca_share') and r.valid_from <= p.first_day
                 order by r.parameter, r.valid_from desc)
            select s.region_code,
                   round(s.amount * (select share from share where parameter = 'asp_share'), 2) as asp_line,
                   round(s.amount * (select share from share where parameter = 'cca_share'), 2) as cca_line
              from yardstick.subsistence_minimum s join yardstick.period p on s.quarter = p.income_quarter;

            -- the means test of every declared family with a member counted: per-capita income, one rounding
            create table yardstick.means_test as
            with counted_type as (
                select income_type from (
                    select distinct on (t.income_type) t.income_type, t.counted
                      from yardstick.income_type t cross join yardstick.period p
                     where t.valid_from <= p.first_day
                     order by t.income_type, t.valid_from desc) in_force
                 where counted),
            members as (
                select family_id, count(*) as members from yardstick.counted_member group by family_id),
            income as (
                select i.family_id, sum(i.amount) as income
                  from yardstick.income i
                  join yardstick.counted_member c on c.family_id = i.family_id and c.iin = i.iin
                  join counted_type t on t.income_type = i.income_type
                 group by i.family_id)
            select f.family_id, m.members, coalesce(i.income, 0) as income,
                   round(coalesce(i.income, 0) / (3 * m.members), 2) as per_capita, l.asp_line, l.cca_line
              from yardstick.family f
              join members m on m.family_id = f.family_id
              join yardstick.line l on l.region_code = f.region_code
              left join income i on i.family_id = f.family_id
             where f.declared_on is not null;

            -- month by month: CCA below the CCA line in a month with a contract in force (a lump sum pays three
            -- months in its start month and nothing in the next two), else ASP below the ASP line
            create table yardstick.payment as
            with month as (
                select (p.first_day + make_interval(months => n))::date as month
                  from yardstick.period p cross join generate_series(0, 2) n),
            in_force as (
                select c.family_id, m.month, c.payment_mode,
                       (extract(year from m.month) * 12 + extract(month from m.month))
                     - (extract(year from c.start_date) * 12 + extract(month from c.start_date)) as months_in
                  from yardstick.contract c
                  join month m on m.month between date_trunc('month', c.start_date) and c.end_date
                 where c.status in ('ACTIVE', 'COMPLETED', 'TERMINATED')),
            family_month as (
                select t.family_id, m.month, f.payment_mode, f.months_in,
                       t.per_capita < t.asp_line as below_asp, t.per_capita < t.cca_line as below_cca,
                       round((t.asp_line - t.per_capita) * t.members) as asp_monthly,
                       round((t.cca_line - t.per_capita) * t.members) as cca_monthly
                  from yardstick.means_test t cross join month m
                  left join in_force f on f.family_id = t.family_id and f.month = m.month)
            select family_id, month, 'CCA' as benefit,
                   case when payment_mode = 'LUMP_SUM' and months_in = 0 then 3 * cca_monthly
                        else cca_monthly end as amount
              from family_month
             where payment_mode is not null and below_cca
               and (payment_mode <> 'LUMP_SUM' or months_in = 0 or months_in >= 3)
            union all
            select family_id, month, 'ASP', asp_monthly
              from family_month
             where payment_mode is null and below_asp;
            """;

    private final Connection db;
    private final Path input;
    private final Path shippedReference;

    /**
     * @param db a connection to the job's server
     * @param input the income-quarter folder the job read
     * @param shippedReference the product's shipped reference files ({@code src/main/resources/reference})
     */
    Yardstick(Connection db, Path input, Path shippedReference) {
        this.db = db;
        this.input = input;
        this.shippedReference = shippedReference;
    }

    /** Loads and computes {@code benefitQuarterStart}'s quarter from the income quarter {@code incomeQuarter}. */
    Result run(LocalDate benefitQuarterStart, String incomeQuarter) throws SQLException, IOException {
        try (Statement statement = db.createStatement()) {
            statement.execute("drop schema if exists " + SCHEMA + " cascade");
            try {
                long start = System.nanoTime();
                statement.execute(TABLES);
                try (PreparedStatement period = db.prepareStatement("insert into yardstick.period values (?, ?)")) {
                    period.setDate(1, Date.valueOf(benefitQuarterStart));
                    period.setString(2, incomeQuarter);
                    period.executeUpdate();
                }
                long rows = 0;
                for (Load load : INPUT) {
                    rows += copy(input.resolve(load.file()), load.table());
                }
                for (Load load : REFERENCE) {
                    Path replacement = input.resolve(load.file());
                    rows += copy(Files.exists(replacement) ? replacement : shippedReference.resolve(load.file()),
                            load.table());
                }
                long copied = System.nanoTime();
                statement.execute(MEANS_TEST_AND_PAYMENTS);
                long computed = System.nanoTime();
                return new Result(Duration.ofNanos(copied - start), Duration.ofNanos(computed - copied), rows,
                        paidByBenefit(statement));
            } finally {
                statement.execute("drop schema if exists " + SCHEMA + " cascade");
            }
        }
    }

    /** Streams the file into its table, the columns named by the file's own header (their order is free). */
    private long copy(Path file, String table) throws SQLException, IOException {
        String columns;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            columns = Arrays.stream(reader.readLine().replace("\uFEFF", "").split(","))
                    .map(column -> '"' + column.strip().replace("\"", "\"\"") + '"')
                    .collect(Collectors.joining(", "));
        }
        CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
        try (InputStream in = Files.newInputStream(file)) {
            return copy.copyIn("copy " + SCHEMA + "." + table + " (" + columns + ") from stdin with (format csv, header)",
                    in);
        }
    }

    private static Map<String, BigDecimal> paidByBenefit(Statement statement) throws SQLException {
        Map<String, BigDecimal> paid = new TreeMap<>();
        try (ResultSet rs = statement.executeQuery(
                "select benefit, sum(amount) from yardstick.payment group by benefit")) {
            while (rs.next()) {
                paid.put(rs.getString(1), rs.getBigDecimal(2));
            }
        }
        return paid;
    }
}
