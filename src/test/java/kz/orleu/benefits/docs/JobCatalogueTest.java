package kz.orleu.benefits.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.orleu.benefits.declaration.RejectReason;
import kz.orleu.benefits.declaration.WarningReason;
import org.junit.jupiter.api.Test;

/**
 * The job catalogue ({@code jobs/}) is what an administrator prepares input files from, so it must stay in step
 * with the code: every reason code the job can write is explained there, and the README sends readers to it rather
 * than to files outside the repository.
 */
class JobCatalogueTest {

    private static final Path FILE_FORMATS = Path.of("jobs", "file-formats.md");
    private static final Path README = Path.of("README.md");

    /** A code is documented when it is the first cell of a row of a reason table: {@code | `CODE` |}. */
    private static final String TABLE_ROW = "(?m)^\\| `%s`";

    @Test
    void everyRejectReasonHasARowInTheFileFormats() throws IOException {
        assertThat(undocumented(RejectReason.values())).as("reject reasons missing from " + FILE_FORMATS).isEmpty();
    }

    @Test
    void everyWarningReasonHasARowInTheFileFormats() throws IOException {
        assertThat(undocumented(WarningReason.values())).as("warning reasons missing from " + FILE_FORMATS).isEmpty();
    }

    @Test
    void readmeLinksNothingOutsideTheRepository() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);

        assertThat(readme).doesNotContain("../shared");
        assertThat(markdownTargets(readme)).noneMatch(target -> target.startsWith("../"));
    }

    @Test
    void readmeLinksTheRuleBookAndTheFileFormatsThatExist() throws IOException {
        List<String> targets = markdownTargets(Files.readString(README, StandardCharsets.UTF_8));

        assertThat(targets).contains("jobs/rule-book.md", "jobs/file-formats.md");
        assertThat(targets).filteredOn(target -> target.startsWith("jobs/"))
                .allMatch(target -> Files.exists(Path.of(target)), "exists in the repository");
    }

    private static List<String> undocumented(Enum<?>[] codes) throws IOException {
        String formats = Files.readString(FILE_FORMATS, StandardCharsets.UTF_8);
        return Arrays.stream(codes).map(Enum::name)
                .filter(code -> !Pattern.compile(TABLE_ROW.formatted(code)).matcher(formats).find())
                .toList();
    }

    private static List<String> markdownTargets(String markdown) {
        Matcher link = Pattern.compile("\\]\\(([^)\\s]+)\\)").matcher(markdown);
        return link.results().map(m -> m.group(1)).toList();
    }
}
