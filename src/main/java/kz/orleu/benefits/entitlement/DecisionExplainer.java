package kz.orleu.benefits.entitlement;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kz.orleu.benefits.quarter.Quarter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers "why did this family get 28,000 tenge?" from the decision record of the latest completed version of a
 * benefit quarter: who was counted, which incomes counted and which did not, the lines, the months, the decision.
 */
@Component
public class DecisionExplainer {

    private static final DecimalFormat MONEY = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));

    private final JdbcTemplate jdbc;

    public DecisionExplainer(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Prints the explanation; false when the quarter was never completed or the family has no row in it. */
    public boolean explain(String familyId, Quarter benefitQuarter, PrintStream out) {
        return explain(familyId, benefitQuarter, null, out);
    }

    /** The same for one completed version of the quarter (an appeal about an earlier version); null: the latest. */
    public boolean explain(String familyId, Quarter benefitQuarter, Integer version, PrintStream out) {
        List<Map<String, Object>> runs = jdbc.queryForList("""
                select run_id, version, rule_set, income_quarter from run
                 where benefit_quarter = ? and status = 'COMPLETED' and (cast(? as int) is null or version = ?)
                 order by version desc limit 1""",
                benefitQuarter.toString(), version, version);
        if (runs.isEmpty()) {
            out.println("benefit quarter " + benefitQuarter + " has no completed run"
                    + (version == null ? "" : " of version " + version));
            return false;
        }
        long runId = ((Number) runs.get(0).get("run_id")).longValue();
        List<Map<String, Object>> rows = jdbc.queryForList("select * from entitlement where run_id = ? and family_id = ?",
                runId, familyId);
        if (rows.isEmpty()) {
            out.println("family " + familyId + " has no entitlement in " + benefitQuarter
                    + " (absent from the input, or its own row was rejected: see rejects.csv)");
            return false;
        }
        Map<String, Object> e = rows.get(0);
        LocalDate firstDay = benefitQuarter.firstDay();
        out.printf("Family %s, benefit quarter %s (income quarter %s), run %d version %s%n", familyId, benefitQuarter,
                runs.get(0).get("income_quarter"), runId, runs.get(0).get("version"));
        out.println("Rules: " + runs.get(0).get("rule_set"));
        out.println("Region " + e.get("region_code"));

        out.println("Members on " + firstDay + ":");
        jdbc.query("""
                select iin, last_name, first_name, relation, joined_on, left_on,
                       joined_on <= ? and (left_on is null or left_on > ?) as counted
                  from stg_member where run_id = ? and family_id = ? and not rejected order by line""",
                rs -> {
                    out.printf("  %s %s %s (%s): %s%n", rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getBoolean(7) ? "counted"
                                    : "not counted (joined " + rs.getString(5) + ", left "
                                            + (rs.getString(6) == null ? "-" : rs.getString(6)) + ")");
                }, firstDay, firstDay, runId, familyId);
        out.println("Incomes of the income quarter:");
        jdbc.query("""
                select i.iin, i.month, i.income_type, i.amount,
                       coalesce((select t.counted from ref_income_type t where t.run_id = ?
                                  and t.income_type = i.income_type and t.valid_from <= ?
                                order by t.valid_from desc limit 1), false) as type_counted,
                       exists (select 1 from stg_member m where m.run_id = ? and not m.rejected
                                  and m.family_id = i.family_id and m.iin = i.iin and m.joined_on <= ?
                                  and (m.left_on is null or m.left_on > ?)) as member_counted
                  from stg_income i where i.run_id = ? and i.family_id = ? and not i.rejected
                 order by i.iin, i.month, i.income_type""",
                rs -> {
                    String why = !rs.getBoolean(5) ? "not counted: income type not counted"
                            : !rs.getBoolean(6) ? "not counted: member not counted" : "counted";
                    out.printf("  %s %s %-20s %15s  %s%n", rs.getString(1), rs.getString(2), rs.getString(3),
                            MONEY.format(rs.getBigDecimal(4)), why);
                }, runId, firstDay, runId, firstDay, firstDay, runId, familyId);
        jdbc.query("""
                select file, line, reason, message from reject where run_id = ? and family_id = ? order by file, line""",
                rs -> {
                    out.printf("  REJECTED %s line %d: %s (%s)%n", rs.getString(1), rs.getInt(2), rs.getString(3),
                            rs.getString(4));
                }, runId, familyId);

        String decision = (String) e.get("decision");
        if (e.get("members") != null) {
            BigDecimal income = (BigDecimal) e.get("counted_income");
            out.printf("Counted income %s over the quarter; per-capita %s / 3 / %s = %s%n", MONEY.format(income),
                    MONEY.format(income), e.get("members"), MONEY.format((BigDecimal) e.get("per_capita_income")));
            out.printf("Subsistence minimum %s; ASP line %s; CCA line %s (eligible strictly below a line)%n",
                    MONEY.format((BigDecimal) e.get("subsistence_minimum")), MONEY.format((BigDecimal) e.get("asp_line")),
                    MONEY.format((BigDecimal) e.get("cca_line")));
        }
        out.println("Contracts:");
        jdbc.query("""
                select c.contract_id, c.start_date, c.end_date, c.payment_mode, c.status, cf.sanction, cf.failure_number
                  from stg_contract c
                  left join contract_failure cf on cf.run_id = c.run_id and cf.contract_id = c.contract_id
                 where c.run_id = ? and c.family_id = ? and not c.rejected order by c.line""",
                rs -> {
                    out.printf("  %s %s..%s %s %s%s%n", rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6) == null ? ""
                                    : ", failure " + rs.getInt(7) + " this quarter: " + rs.getString(6));
                }, runId, familyId);
        out.println("Months paid:");
        jdbc.query("select month, benefit, amount, kind from payment where run_id = ? and family_id = ? order by month",
                rs -> {
                    out.printf("  %s %s %s %s%n", rs.getString(1), rs.getString(2), MONEY.format(rs.getBigDecimal(3)),
                            rs.getString(4));
                }, runId, familyId);
        out.printf("Decision %s: benefit %s, %s a month, %s in the quarter; change %s (previous: %s %s)%n", decision,
                e.get("benefit"), MONEY.format((BigDecimal) e.get("monthly_amount")),
                MONEY.format((BigDecimal) e.get("quarter_amount")), e.get("change"),
                e.get("previous_benefit") == null ? "nothing" : e.get("previous_benefit"),
                e.get("previous_monthly_amount") == null ? "" : MONEY.format((BigDecimal) e.get("previous_monthly_amount")));
        return true;
    }
}
