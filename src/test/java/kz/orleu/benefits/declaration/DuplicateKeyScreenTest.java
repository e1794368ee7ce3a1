package kz.orleu.benefits.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.orleu.benefits.store.NamedSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The screen alone, fed rows as the reading thread feeds them (the database is not touched). */
class DuplicateKeyScreenTest {

    private static final Pattern REPEATED = Pattern.compile(
            "repeated as materialized \\(\\s*select (.*?)\\s+from (\\w+)\\s+where (.*?)\\s+group by ([^\\n]*)",
            Pattern.DOTALL);
    private static final Pattern NOT_NULL = Pattern.compile("(\\w+) is not null");

    /** The key the screen fingerprints must be the key the exact check groups by, null rule included. */
    @ParameterizedTest
    @EnumSource(InputFile.class)
    void screensTheKeyTheCrossFileCheckGroupsBy(InputFile file) {
        String sql = NamedSql.text("declaration/cross-file/" + file.fileName().replace(".csv", ".sql"));
        Matcher repeated = REPEATED.matcher(sql);
        assertThat(repeated.find()).as("the repeated part of " + file.fileName()).isTrue();

        assertThat(repeated.group(2)).isEqualTo(file.stagingTable());
        assertThat(Arrays.stream(repeated.group(4).split(",")).map(String::strip).toList())
                .as("group by").isEqualTo(file.keyColumns());
        List<String> notNull = new ArrayList<>();
        for (Matcher m = NOT_NULL.matcher(repeated.group(3)); m.find(); ) {
            notNull.add(m.group(1));
        }
        assertThat(notNull).as("rows with a null key value are left out").isEqualTo(file.keyColumns());
        assertThat(repeated.group(3)).as("skipped when the screen saw no key twice")
                .startsWith(":duplicates_possible\n");
    }

    @Test
    void aRowRepeatingTheKeyOfARejectedRowMayBeADuplicate() {
        DuplicateKeyScreen screen = incomes();

        // a rejected row stages its key as text (its amount is not parsed), and counts as an earlier line
        screen.see(rejected(3, "F1", "800101310003", "2016-01", "WAGE"));
        screen.see(income(5, "F1", "800101310003", "2016-02", "WAGE"));
        assertThat(screen.duplicatesPossible()).isFalse();
        screen.see(income(9, "F1", "800101310003", "2016-01", "WAGE"));

        assertThat(screen.duplicatesPossible()).isTrue();
    }

    @Test
    void aRowWithANullKeyValueHasNoKey() {
        DuplicateKeyScreen screen = incomes();

        screen.see(rejected(3, "F1", null, "2016-01", "WAGE"));
        screen.see(rejected(4, "F1", null, "2016-01", "WAGE"));

        assertThat(screen.duplicatesPossible()).isFalse();
    }

    @Test
    void keysThatDifferOnlyInWhereTheirValuesSplitAreDifferent() {
        DuplicateKeyScreen screen = new DuplicateKeyScreen(InputFile.OBLIGATIONS, new DriverManagerDataSource());
        screen.start(10, new KeyHash(0));

        screen.see(new StagedRow(InputFile.OBLIGATIONS, 2, new Object[] {"C1", "12", "TRAINING"}, null, List.of()));
        screen.see(new StagedRow(InputFile.OBLIGATIONS, 3, new Object[] {"C11", "2", "TRAINING"}, null, List.of()));

        assertThat(screen.duplicatesPossible()).isFalse();
    }

    /** The heap the job needs must not grow with the input: a file too large to screen is checked in SQL. */
    @Test
    void aFileTooLargeToScreenWithinItsMemoryIsCheckedForDuplicatesInSql() {
        DuplicateKeyScreen screen = incomes();
        long tooMany = (long) (DuplicateKeyScreen.MAX_BYTES / 4 * FingerprintSet.MAX_LOAD) + 1_000;
        screen.start(tooMany, KeyHash.withRandomSeed());

        screen.see(rejected(3, "F1", "990101300001", "2016-01", "WAGE"));

        assertThat(screen.duplicatesPossible()).as("no repeated key seen, but not screened").isTrue();
    }

    @Test
    void keysThatAreStagedAlikeAreAlike() {
        DuplicateKeyScreen screen = new DuplicateKeyScreen(InputFile.FAMILIES, new DriverManagerDataSource());
        screen.start(10, KeyHash.withRandomSeed());

        // text cannot hold a NUL: the COPY drops it, and F1 is then staged twice
        screen.see(new StagedRow(InputFile.FAMILIES, 2, new Object[] {"F1", "11", "d", "RURAL", null}, null,
                List.of()));
        screen.see(new StagedRow(InputFile.FAMILIES, 3, new Object[] {"F\0" + "1", "11", "d", "RURAL", null}, null,
                List.of()));

        assertThat(screen.duplicatesPossible()).isTrue();
    }

    /** A million different keys are told apart, and one of them repeated is caught, whatever the seed. */
    @ParameterizedTest
    @ValueSource(longs = {0, 1, -7_046_029_254_386_353_131L})
    void amongAMillionKeysOnlyARepeatedOneIsADuplicate(long seed) {
        DuplicateKeyScreen screen = new DuplicateKeyScreen(InputFile.INCOMES, new DriverManagerDataSource());
        screen.start(1_000_000, new KeyHash(seed));
        List<String> types = List.of("WAGE", "PENSION", "ALIMONY", "SCHOLARSHIP");
        int line = 2;
        for (int family = 0; family < 83_334; family++) {
            for (int month = 1; month <= 3; month++) {
                for (String type : types) {
                    screen.see(income(line++, "F%07d".formatted(family), "8001013100%02d".formatted(family % 100),
                            "2016-0" + month, type));
                }
            }
        }
        assertThat(screen.duplicatesPossible()).as("no key twice in %,d rows", line - 2).isFalse();

        screen.see(income(line, "F0041667", "800101310067", "2016-02", "ALIMONY"));
        assertThat(screen.duplicatesPossible()).isTrue();
    }

    private static DuplicateKeyScreen incomes() {
        DuplicateKeyScreen screen = new DuplicateKeyScreen(InputFile.INCOMES, new DriverManagerDataSource());
        screen.start(100, KeyHash.withRandomSeed());
        return screen;
    }

    private static StagedRow income(long line, String familyId, String iin, String month, String type) {
        return new StagedRow(InputFile.INCOMES, line, new Object[] {familyId, iin, month, type,
                new BigDecimal("30000")}, null, List.of());
    }

    private static StagedRow rejected(long line, String familyId, String iin, String month, String type) {
        return new StagedRow(InputFile.INCOMES, line, new Object[] {familyId, iin, month, type, null},
                new Reject("incomes.csv", line, "amount", "-1", RejectReason.NEGATIVE_AMOUNT, "negative", familyId,
                        null), List.of());
    }
}
