package kz.orleu.benefits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The jar that runs in production holds the product only: the sample-data generator and the benchmark are tools
 * of their own Maven project ({@code benchmark/}), which the product tests compile as test sources. Nothing may
 * pull them back in: no class of theirs in {@code target/classes}, no import of them from {@code src/main/java}.
 */
class ProductJarTest {

    private static final List<String> TOOL_PACKAGES = List.of("kz.orleu.benefits.generator",
            "kz.orleu.benefits.benchmark");

    @Test
    void theProductsClassesHoldNoGeneratorOrBenchmark() {
        Path classes = Path.of("target", "classes");
        assertThat(classes.resolve("kz/orleu/benefits/cli/Launcher.class")).as("the product is compiled").exists();
        for (String tool : TOOL_PACKAGES) {
            assertThat(classes.resolve(tool.replace('.', '/'))).doesNotExist();
        }
    }

    @Test
    void noProductSourceImportsTheGeneratorOrTheBenchmark() throws IOException {
        List<String> offenders;
        try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
            offenders = sources.filter(file -> file.toString().endsWith(".java"))
                    .filter(ProductJarTest::namesATool).map(Path::toString).toList();
        }
        assertThat(offenders).isEmpty();
    }

    private static boolean namesATool(Path source) {
        try {
            String text = Files.readString(source);
            return TOOL_PACKAGES.stream().anyMatch(text::contains);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
