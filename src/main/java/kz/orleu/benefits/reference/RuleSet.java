package kz.orleu.benefits.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The policy parameters in force for one benefit quarter: for each parameter and each income type, the row with
 * the latest {@code valid_from} on or before the first day of the benefit quarter ({@code domain.md}, "Rules
 * change over time"). A row added later with a later date never changes an earlier quarter's rule set.
 *
 * @param statisticsLanguage the default language of the statistics workbook ({@code kk}, {@code ru} or
 *     {@code en}), {@code null} when {@code rules.csv} does not set it; {@code --language} of a run wins over it
 */
public record RuleSet(
        LocalDate effectiveOn,
        BigDecimal aspShare,
        BigDecimal ccaShare,
        int failureMonths,
        int terminateAfterFailures,
        int suppressBelow,
        int exemptAgeBelow,
        Set<Integer> exemptDisabilityGroups,
        Set<String> forbiddenPurposes,
        Map<String, Boolean> incomeTypes,
        Map<String, LocalDate> validFrom,
        String statisticsLanguage) {

    public record Rule(String parameter, String value, LocalDate validFrom) {
    }

    public record IncomeType(String incomeType, boolean counted, LocalDate validFrom) {
    }

    public static RuleSet resolve(Collection<Rule> rules, Collection<IncomeType> types, LocalDate day) {
        Map<String, Rule> inForce = new TreeMap<>();
        rules.stream().filter(r -> !r.validFrom().isAfter(day))
                .sorted(Comparator.comparing(Rule::validFrom))
                .forEach(r -> inForce.put(r.parameter(), r));
        Map<String, IncomeType> typesInForce = new TreeMap<>();
        types.stream().filter(t -> !t.validFrom().isAfter(day))
                .sorted(Comparator.comparing(IncomeType::validFrom))
                .forEach(t -> typesInForce.put(t.incomeType(), t));

        Map<String, LocalDate> validFrom = new LinkedHashMap<>();
        inForce.forEach((name, rule) -> validFrom.put(name, rule.validFrom()));
        typesInForce.forEach((name, type) -> validFrom.put("income_type:" + name, type.validFrom()));
        Map<String, Boolean> counted = new TreeMap<>();
        typesInForce.forEach((name, type) -> counted.put(name, type.counted()));

        return new RuleSet(day,
                new BigDecimal(required(inForce, "asp_share", day)),
                new BigDecimal(required(inForce, "cca_share", day)),
                Integer.parseInt(required(inForce, "failure_months", day)),
                Integer.parseInt(required(inForce, "terminate_after_failures", day)),
                Integer.parseInt(optional(inForce, "suppress_below").orElse("5")),
                Integer.parseInt(optional(inForce, "exempt_age_below").orElse("18")),
                list(optional(inForce, "exempt_disability_groups").orElse("1;2")).stream()
                        .map(Integer::valueOf).collect(Collectors.toUnmodifiableSet()),
                list(optional(inForce, "forbidden_purposes").orElse("DEBT;LOAN;REAL_ESTATE")),
                Map.copyOf(counted),
                Map.copyOf(validFrom),
                optional(inForce, "statistics_language").orElse(null));
    }

    public boolean isCounted(String incomeType) {
        return incomeTypes.getOrDefault(incomeType, false);
    }

    public Set<String> knownIncomeTypes() {
        return incomeTypes.keySet();
    }

    /** A one-line description stored with every run, e.g. {@code asp_share=0.40@2014-01-01;...}. */
    public String describe() {
        return "asp_share=" + aspShare.toPlainString() + "@" + validFrom.get("asp_share")
                + ";cca_share=" + ccaShare.toPlainString() + "@" + validFrom.get("cca_share")
                + ";failure_months=" + failureMonths + ";terminate_after_failures=" + terminateAfterFailures
                + ";suppress_below=" + suppressBelow + ";exempt_age_below=" + exemptAgeBelow
                + ";counted=" + incomeTypes.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)
                        .sorted().collect(Collectors.joining(","));
    }

    private static String required(Map<String, Rule> inForce, String parameter, LocalDate day) {
        return optional(inForce, parameter).orElseThrow(() -> new IllegalStateException(
                "rules.csv has no value of " + parameter + " in force on " + day));
    }

    private static Optional<String> optional(Map<String, Rule> inForce, String parameter) {
        return Optional.ofNullable(inForce.get(parameter)).map(Rule::value);
    }

    private static Set<String> list(String value) {
        return Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
