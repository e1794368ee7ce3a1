package kz.orleu.benefits.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The reference data a run loaded into its tables, read back so that a restarted step uses the very same. */
@Repository
public class RunReferenceRepository {

    private final JdbcTemplate jdbc;

    public RunReferenceRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public ReferenceData load(long runId) {
        Map<String, ReferenceData.Region> regions = new LinkedHashMap<>();
        jdbc.query("select region_code, name_kk, name_ru, name_en, pilot_since from ref_region where run_id = ? "
                + "order by line", rs -> {
                    regions.put(rs.getString(1), new ReferenceData.Region(rs.getString(1), rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class)));
                }, runId);
        Map<String, BigDecimal> minimum = new HashMap<>();
        jdbc.query("select region_code, quarter, amount from ref_subsistence_minimum where run_id = ?",
                rs -> {
                    minimum.put(rs.getString(1) + "/" + rs.getString(2), rs.getBigDecimal(3));
                }, runId);
        var rules = jdbc.query("select parameter, value, valid_from from ref_rule where run_id = ? order by line",
                (rs, i) -> new RuleSet.Rule(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class)),
                runId);
        var types = jdbc.query("select income_type, counted, valid_from from ref_income_type where run_id = ? "
                + "order by line",
                (rs, i) -> new RuleSet.IncomeType(rs.getString(1), rs.getBoolean(2), rs.getObject(3, LocalDate.class)),
                runId);
        return new ReferenceData(regions, minimum, rules, types);
    }
}
