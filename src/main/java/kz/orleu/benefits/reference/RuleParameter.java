package kz.orleu.benefits.reference;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import kz.orleu.benefits.codes.Codes;
import kz.orleu.benefits.codes.SpendingPurpose;

/**
 * Every parameter {@code rules.csv} may set, with the values it accepts. A parameter not listed here is a
 * misspelling (it would be ignored and the default or an older value silently used), and a value out of range
 * moves money (an {@code asp_share} of 5.0 pays five lines), so both make the file unusable.
 */
public enum RuleParameter {

    ASP_SHARE("asp_share", RuleParameter::share),
    CCA_SHARE("cca_share", RuleParameter::share),
    FAILURE_MONTHS("failure_months", v -> wholeNumber(v, 1)),
    TERMINATE_AFTER_FAILURES("terminate_after_failures", v -> wholeNumber(v, 1)),
    SUPPRESS_BELOW("suppress_below", v -> wholeNumber(v, 0)),
    EXEMPT_AGE_BELOW("exempt_age_below", v -> wholeNumber(v, 0)),
    EXEMPT_DISABILITY_GROUPS("exempt_disability_groups", v -> list(v, Set.of("1", "2", "3"))),
    FORBIDDEN_PURPOSES("forbidden_purposes", v -> list(v, Codes.names(SpendingPurpose.class))),
    /** The default language of statistics.xlsx; the run's {@code --language} wins over it. */
    STATISTICS_LANGUAGE("statistics_language", v -> oneOf(v, Set.of("kk", "ru", "en")));

    private final String parameterName;
    private final Function<String, Optional<String>> problem;

    RuleParameter(String parameterName, Function<String, Optional<String>> problem) {
        this.parameterName = parameterName;
        this.problem = problem;
    }

    public String parameterName() {
        return parameterName;
    }

    public static Optional<RuleParameter> named(String name) {
        return Arrays.stream(values()).filter(p -> p.parameterName.equals(name)).findFirst();
    }

    public static String knownNames() {
        return Arrays.stream(values()).map(RuleParameter::parameterName).collect(Collectors.joining(", "));
    }

    /** What is wrong with the value, if anything, as the end of a sentence starting with the parameter name. */
    public Optional<String> problemWith(String value) {
        return problem.apply(value);
    }

    private static Optional<String> share(String value) {
        if (!value.matches("\\d{1,6}(\\.\\d{1,6})?")) {
            return Optional.of("'" + value + "' is not a decimal such as 0.40");
        }
        BigDecimal share = new BigDecimal(value);
        if (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
            return Optional.of(value + " is outside (0, 1]: a share of the subsistence minimum");
        }
        return Optional.empty();
    }

    private static Optional<String> wholeNumber(String value, int minimum) {
        if (!value.matches("-?\\d{1,9}")) {
            return Optional.of("'" + value + "' is not a whole number");
        }
        if (Integer.parseInt(value) < minimum) {
            return Optional.of(value + " is below the least allowed value " + minimum);
        }
        return Optional.empty();
    }

    private static Optional<String> oneOf(String value, Set<String> allowed) {
        return allowed.contains(value) ? Optional.empty()
                : Optional.of("'" + value + "' is not one of " + allowed.stream().sorted()
                        .collect(Collectors.joining(", ")));
    }

    private static Optional<String> list(String value, Set<String> allowed) {
        Set<String> unknown = Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty())
                .filter(s -> !allowed.contains(s)).collect(Collectors.toCollection(java.util.TreeSet::new));
        return unknown.isEmpty() ? Optional.empty()
                : Optional.of("names unknown value(s) " + String.join(", ", unknown) + " (known: "
                        + allowed.stream().sorted().collect(Collectors.joining(", ")) + ")");
    }
}
