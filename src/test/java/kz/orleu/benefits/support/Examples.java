package kz.orleu.benefits.support;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The worked examples of the rule book, copied from {@code shared/examples} into the test resources. */
public final class Examples {

    private Examples() {
    }

    public static Path root() {
        try {
            return Path.of(Examples.class.getResource("/examples/README.md").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path input(String incomeQuarter) {
        return root().resolve("input").resolve(incomeQuarter);
    }

    public static Path expected(String benefitQuarter) {
        return root().resolve("expected").resolve(benefitQuarter);
    }
}
