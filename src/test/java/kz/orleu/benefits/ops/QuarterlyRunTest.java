package kz.orleu.benefits.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ops/quarterly-run}, the scheduled entry point, with a fake date ({@code BENEFITS_TODAY}) and a fake
 * launcher ({@code BENEFITS_LAUNCHER}) that records its arguments and answers {@code executions} with a given
 * listing: which quarter it runs on which day, its catch-up of a missed first working day, and its settings checks.
 */
class QuarterlyRunTest {

    @TempDir
    Path work;

    Path calls;
    Path listing;
    Map<String, String> env;

    @BeforeEach
    void fakeLauncher() throws Exception {
        calls = work.resolve("calls.txt");
        listing = work.resolve("listing.txt");
        Files.writeString(listing, "");
        Path launcher = ScriptRun.executable(work.resolve("fake-benefits"), """
                echo "$*" >> '%s'
                if [ "$1" = executions ]; then cat '%s'; exit "${FAKE_EXECUTIONS_EXIT:-0}"; fi
                exit "${FAKE_RUN_EXIT:-0}"
                """.formatted(calls, listing));
        Files.createDirectories(work.resolve("input/2016Q1"));
        env = new HashMap<>(Map.of("BENEFITS_LAUNCHER", launcher.toString(),
                "BENEFITS_INPUT_ROOT", work.resolve("input").toString(),
                "BENEFITS_OUTPUT_ROOT", work.resolve("output").toString()));
    }

    @Test
    void aQuarterWhoseFirstWorkingDayWasMissedIsRunTheNextDayTheTimerFires() throws Exception {
        Files.writeString(listing, """
                3 COMPLETED quarter=2016Q1 run=3 version=1 start=2016-01-04 06:00:00 end=- duration=40s
                    registerRun              COMPLETED read=0 write=0 filter=0 skip=0 duration=0s
                """);
        // 2016-04-01, a Friday, was the first working day of 2016Q2; the machine was off until the 5th.
        ScriptRun.Result result = quarterlyRun("2016-04-05");
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("catching up 2016Q2");
        assertThat(launcherCalls()).containsExactly("executions", "run --quarter 2016Q2 --input "
                + work.resolve("input/2016Q1") + " --output " + work.resolve("output"));
    }

    @Test
    void theRunsExitStatusIsTheScriptsExitStatus() throws Exception {
        env.put("FAKE_RUN_EXIT", "1");
        assertThat(quarterlyRun("2016-04-01").exitCode()).isEqualTo(1);
        assertThat(launcherCalls()).last().asString().startsWith("run --quarter 2016Q2");
    }

    @Test
    void aQuarterWithACompletedRunIsNotRunAgainOnTheFollowingDays() throws Exception {
        Files.writeString(listing, """
                9 COMPLETED quarter=2016Q2 run=4 version=1 start=- end=- duration=40s
                8 FAILED quarter=2016Q2 run=4 version=1 start=- end=- duration=40s
                """);
        ScriptRun.Result result = quarterlyRun("2016-04-04");
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("2016Q2 has a completed run: nothing to do");
        assertThat(launcherCalls()).containsExactly("executions");
    }

    @Test
    void aQuarterWhoseLatestRunFailedIsLeftToTheOperatorWithExitOne() throws Exception {
        Files.writeString(listing, """
                12 FAILED quarter=2016Q2 run=6 version=2 start=- end=- duration=40s
                11 ABANDONED quarter=2016Q2 run=5 version=1 start=- end=- duration=40s
                """);
        ScriptRun.Result result = quarterlyRun("2016-04-04");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("execution 12 is FAILED").contains("benefits restart 12");
        assertThat(launcherCalls()).containsExactly("executions");
    }

    @Test
    void aQuarterWhoseRunsWereAllAbandonedIsRunAgain() throws Exception {
        Files.writeString(listing, "11 ABANDONED quarter=2016Q2 run=5 version=1 start=- end=- duration=40s\n");
        assertThat(quarterlyRun("2016-04-04").exitCode()).isZero();
        assertThat(launcherCalls()).last().asString().startsWith("run --quarter 2016Q2");
    }

    @Test
    void nothingRunsBeforeTheFirstWorkingDayWhichSkipsWeekendsAndListedHolidays() throws Exception {
        Path holidays = work.resolve("holidays.txt");
        Files.writeString(holidays, "# public holidays\n2016-04-01\n\n");
        env.put("BENEFITS_HOLIDAYS", holidays.toString());
        // 2016-04-01 is a listed holiday, the 2nd and 3rd a weekend: the first working day is Monday the 4th.
        for (String day : List.of("2016-04-01", "2016-04-02", "2016-04-03")) {
            ScriptRun.Result result = quarterlyRun(day);
            assertThat(result.exitCode()).isZero();
            assertThat(result.stdout()).contains("before the first working day of 2016Q2 (2016-04-04)");
        }
        assertThat(calls).doesNotExist();
        assertThat(quarterlyRun("2016-04-04").exitCode()).isZero();
        assertThat(launcherCalls()).last().asString().startsWith("run --quarter 2016Q2");
    }

    @Test
    void aNamedHolidaysFileThatIsMissingIsRefusedWithExitTwo() throws Exception {
        env.put("BENEFITS_HOLIDAYS", work.resolve("no-such-holidays.txt").toString());
        ScriptRun.Result result = quarterlyRun("2016-04-01");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr().strip()).isEqualTo("quarterly-run: BENEFITS_HOLIDAYS "
                + work.resolve("no-such-holidays.txt") + " is missing or not readable");
        assertThat(calls).doesNotExist();
    }

    @Test
    void missingOrMalformedSettingsAreRefusedWithExitTwoAndOneLine() throws Exception {
        Map<String, String> complete = Map.copyOf(env);
        Map<String, String> expected = Map.of(
                "BENEFITS_INPUT_ROOT", "quarterly-run: BENEFITS_INPUT_ROOT is not set",
                "BENEFITS_OUTPUT_ROOT", "quarterly-run: BENEFITS_OUTPUT_ROOT is not set");
        for (var missing : expected.entrySet()) {
            env = new HashMap<>(complete);
            env.remove(missing.getKey());
            ScriptRun.Result result = quarterlyRun("2016-04-01");
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.stderr()).startsWith(missing.getValue()).hasLineCount(1);
        }
        env = new HashMap<>(complete);
        env.put("BENEFITS_INPUT_ROOT", work.resolve("nowhere").toString());
        assertThat(quarterlyRun("2016-04-01").stderr()).contains("nowhere is not a folder");
        env = new HashMap<>(complete);
        ScriptRun.Result badDay = quarterlyRun("2016-4-1");
        assertThat(badDay.exitCode()).isEqualTo(2);
        assertThat(badDay.stderr().strip()).isEqualTo("quarterly-run: BENEFITS_TODAY '2016-4-1' is not a date YYYY-MM-DD");
        env.put("BENEFITS_QUARTER", "2016Q5");
        assertThat(quarterlyRun("2016-04-01").stderr()).contains("BENEFITS_QUARTER '2016Q5' is not a quarter");
        env = new HashMap<>(complete);
        Path holidays = work.resolve("bad-holidays.txt");
        Files.writeString(holidays, "2016-01-01\n2016-3-22\n");
        env.put("BENEFITS_HOLIDAYS", holidays.toString());
        assertThat(quarterlyRun("2016-04-01").stderr()).contains("line 2: '2016-3-22' is not a date");
        assertThat(calls).doesNotExist();
    }

    @Test
    void aDatabaseThatCannotBeReachedEndsTheScriptWithExitTwoAndNothingRun() throws Exception {
        env.put("FAKE_EXECUTIONS_EXIT", "2");
        ScriptRun.Result result = quarterlyRun("2016-04-01");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("cannot list the executions");
        assertThat(launcherCalls()).containsExactly("executions");
    }

    @Test
    void aQuarterNamedByHandIsRunWhateverTheDate() throws Exception {
        env.put("BENEFITS_QUARTER", "2016Q2");
        assertThat(quarterlyRun("2016-08-15").exitCode()).isZero();
        assertThat(launcherCalls()).containsExactly("run --quarter 2016Q2 --input " + work.resolve("input/2016Q1")
                + " --output " + work.resolve("output"));
    }

    private ScriptRun.Result quarterlyRun(String today) throws Exception {
        Map<String, String> withDay = new HashMap<>(env);
        withDay.put("BENEFITS_TODAY", today);
        return ScriptRun.run(work, withDay, "bash", ScriptRun.script("quarterly-run").toString());
    }

    private List<String> launcherCalls() throws Exception {
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }
}
