package kz.orleu.benefits.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * "Counted", "in force" and "terminated" are defined once, in {@code src/main/resources/facts/*.sql}: no other SQL
 * of the product (text blocks and strings of {@code src/main/java}, resources of {@code src/main/resources}) compares
 * a member's joining or leaving day, a contract's dates or month span, or names a contract status or the
 * TERMINATED sanction. Such SQL joins {@code fact_member}, {@code fact_contract} or reads
 * {@code facts/contract-spans.sql} instead. The scan is by line; comment lines are left out.
 */
class FactsDefinedOnceTest {

    private static final Path FACTS = Path.of("src/main/resources/facts");

    /** SQL restating a fact: each pattern names the fact it restates. */
    private static final List<Restatement> RESTATEMENTS = List.of(
            new Restatement("counted: a joining or leaving day compared",
                    "\\b(joined_on|left_on)\\s*(<|>|=)|(<|>|=)\\s*([a-z_]+\\.)?(joined_on|left_on)\\b"
                            + "|\\b(joined_on|left_on)\\s+is\\s+(not\\s+)?null"),
            new Restatement("in force: a contract's dates or span compared",
                    "\\b(start_date|end_date|first_month|last_day)\\s*(<|>|=)"
                            + "|(<|>|=)\\s*([a-z_]+\\.)?(start_date|end_date|first_month|last_day)\\b"
                            + "|date_trunc\\(\\s*'month'"),
            new Restatement("in force or terminated: a contract status or sanction named",
                    "'(ACTIVE|DECLINED|TERMINATED)'"));

    private record Restatement(String fact, Pattern pattern) {
        Restatement(String fact, String regex) {
            this(fact, Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
        }
    }

    @Test
    void noSqlOutsideTheFactsResourcesRestatesCountedInForceOrTerminated() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : sources()) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (isComment(line)) {
                    continue;
                }
                for (Restatement restatement : RESTATEMENTS) {
                    if (restatement.pattern().matcher(line).find()) {
                        found.add(file + ":" + (i + 1) + ": " + restatement.fact() + ": " + line);
                    }
                }
            }
        }
        assertThat(found).as("SQL restating a fact outside %s (join the fact tables instead)", FACTS).isEmpty();
    }

    @Test
    void theScanSeesTheFactsWhereTheyAreDefined() throws IOException {
        String members = Files.readString(FACTS.resolve("members.sql"));
        String spans = Files.readString(FACTS.resolve("contract-spans.sql"));
        String contracts = Files.readString(FACTS.resolve("contracts.sql"));
        assertThat(RESTATEMENTS.get(0).pattern().matcher(members).find()).isTrue();
        assertThat(RESTATEMENTS.get(1).pattern().matcher(spans).find()).isTrue();
        assertThat(RESTATEMENTS.get(2).pattern().matcher(spans).find()).isTrue();
        assertThat(RESTATEMENTS.get(2).pattern().matcher(contracts).find()).isTrue();
    }

    private static List<Path> sources() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> java = Files.walk(Path.of("src/main/java"));
                Stream<Path> sql = Files.walk(Path.of("src/main/resources"))) {
            java.filter(f -> f.toString().endsWith(".java")).forEach(files::add);
            sql.filter(f -> f.toString().endsWith(".sql") && !f.startsWith(FACTS)).forEach(files::add);
        }
        assertThat(files).as("sources found from %s", Path.of("").toAbsolutePath()).hasSizeGreaterThan(100);
        return files;
    }

    private static boolean isComment(String line) {
        return line.startsWith("--") || line.startsWith("//") || line.startsWith("*") || line.startsWith("/*");
    }
}
