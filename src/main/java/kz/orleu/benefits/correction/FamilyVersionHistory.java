package kz.orleu.benefits.correction;

import java.io.PrintStream;
import kz.orleu.benefits.quarter.Quarter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A family's versions of one benefit quarter, for a caseworker answering an appeal: in each completed version its
 * decision, benefit and quarter amount, and what that version paid or recovered for it, or why it was held.
 */
@Component
public class FamilyVersionHistory {

    private static final String HISTORY = """
            select r.version, r.completed_at::date as completed_on, r.adjusted_against is not null as corrected,
                   e.decision, e.benefit, e.quarter_amount,
                   (select sum(a.delta) filter (where a.delta > 0) from adjustment a
                     where a.run_id = r.run_id and a.family_id = ?) as arrears,
                   (select -sum(a.delta) filter (where a.delta < 0) from adjustment a
                     where a.run_id = r.run_id and a.family_id = ?) as overpaid,
                   (select count(*) from adjustment a where a.run_id = r.run_id and a.family_id = ?) as adjusted,
                   exists (select 1 from warning w where w.run_id = r.run_id and w.reason = 'ADJUSTMENT_HELD'
                             and w.value = ?) as held
              from run r
              left join entitlement e on e.run_id = r.run_id and e.family_id = ?
             where r.benefit_quarter = ? and r.status = 'COMPLETED'
             order by r.version""";

    private final JdbcTemplate jdbc;

    public FamilyVersionHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void print(String familyId, Quarter benefitQuarter, PrintStream out) {
        StringBuilder lines = new StringBuilder();
        jdbc.query(HISTORY, rs -> {
            String decision = rs.getString("decision");
            lines.append(String.format("  version %d (%s): ", rs.getInt("version"), rs.getDate("completed_on")));
            lines.append(decision == null ? "absent (not in the input, or its own row rejected)"
                    : decision + ", " + rs.getString("benefit") + ", quarter " + rs.getBigDecimal("quarter_amount"));
            if (rs.getBigDecimal("arrears") != null) {
                lines.append("; arrears ").append(rs.getBigDecimal("arrears"));
            }
            if (rs.getBigDecimal("overpaid") != null) {
                lines.append("; overpayment ").append(rs.getBigDecimal("overpaid")).append(" to recover");
            }
            if (rs.getBoolean("held")) {
                lines.append("; held: the earlier payment stands (ADJUSTMENT_HELD)");
            } else if (rs.getBoolean("corrected") && rs.getLong("adjusted") == 0 && decision != null
                    && !decision.equals("INCOMPLETE_DATA")) {
                lines.append("; no adjustment");
            }
            lines.append('\n');
        }, familyId, familyId, familyId, familyId, familyId, benefitQuarter.toString());
        if (!lines.isEmpty()) {
            out.print("Versions of " + benefitQuarter + " for " + familyId + ":\n" + lines);
        }
    }
}
