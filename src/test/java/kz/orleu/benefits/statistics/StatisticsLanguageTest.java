package kz.orleu.benefits.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import kz.orleu.benefits.cli.Command;
import kz.orleu.benefits.cli.UsageException;
import kz.orleu.benefits.quarter.Quarter;
import kz.orleu.benefits.reference.RuleParameter;
import kz.orleu.benefits.reference.RuleSet;
import org.junit.jupiter.api.Test;

/** The message catalogues and how the language of the workbook is chosen. */
class StatisticsLanguageTest {

    @Test
    void everyLanguageHasEveryKeyOfTheEnglishCatalogueAndNoOther() {
        Messages en = Messages.of(Language.EN);
        for (Language language : List.of(Language.KK, Language.RU)) {
            Messages other = Messages.of(language);
            assertThat(other.keys()).as(language.code()).isEqualTo(en.keys());
            for (String key : other.keys()) {
                assertThat(other.text(key)).as(language.code() + " " + key).isNotBlank();
            }
        }
    }

    @Test
    void theCataloguesAreReadAsUtf8WithTheRuleBooksTerms() {
        assertThat(Messages.of(Language.KK).text("benefit.ASP")).isEqualTo("АӘК");
        assertThat(Messages.of(Language.KK).text("benefit.CCA")).isEqualTo("ШАК");
        assertThat(Messages.of(Language.RU).text("benefit.ASP")).isEqualTo("АСП");
        assertThat(Messages.of(Language.RU).text("benefit.CCA")).isEqualTo("ОДП");
        assertThat(Category.CHILD.label(Messages.of(Language.KK))).isEqualTo("18 жасқа дейінгі балалар");
        assertThat(Category.CHILD.label(Messages.of(Language.RU))).isEqualTo("Дети до 18 лет");
    }

    @Test
    void sheetNamesAreValidForASpreadsheetInEveryLanguage() {
        for (Language language : Language.values()) {
            for (String sheet : List.of("summary", "composition", "compliance", "changes", "adjustments", "about")) {
                String name = Messages.of(language).text(sheet + ".sheet");
                assertThat(name.length()).as(name).isLessThanOrEqualTo(31);
                assertThat(name).as(name).doesNotContainPattern("[\\\\/?*\\[\\]:]");
            }
        }
    }

    @Test
    void quartersAndDaysAreWrittenAsAKazakhOrRussianReaderExpects() {
        Quarter q = Quarter.parse("2016Q2");
        assertThat(RegionTables.describe(q, Messages.of(Language.EN))).isEqualTo("2016Q2 (April–June 2016)");
        assertThat(RegionTables.describe(q, Messages.of(Language.KK))).isEqualTo("2016Q2 (2016 жылғы сәуір–маусым)");
        assertThat(RegionTables.describe(q, Messages.of(Language.RU))).isEqualTo("2016Q2 (апрель–июнь 2016 г.)");
        assertThat(RegionTables.firstDay(q, Messages.of(Language.KK))).isEqualTo("2016 жылғы 1 сәуір");
        assertThat(RegionTables.firstDay(q, Messages.of(Language.RU))).isEqualTo("1 апреля 2016 г.");
    }

    @Test
    void theOptionWinsOverTheRuleSetWhichWinsOverEnglish() {
        assertThat(Language.choose("ru", "kk")).isEqualTo(Language.RU);
        assertThat(Language.choose(null, "kk")).isEqualTo(Language.KK);
        assertThat(Language.choose(null, null)).isEqualTo(Language.EN);
    }

    @Test
    void theRuleSetReadsStatisticsLanguageAndRulesCsvAcceptsOnlyTheThreeLanguages() {
        List<RuleSet.Rule> rules = List.of(rule("asp_share", "0.40"), rule("cca_share", "0.60"),
                rule("failure_months", "2"), rule("terminate_after_failures", "2"),
                rule("statistics_language", "kk"));
        assertThat(RuleSet.resolve(rules, List.of(), LocalDate.of(2016, 4, 1)).statisticsLanguage()).isEqualTo("kk");
        assertThat(RuleSet.resolve(rules.subList(0, 4), List.of(), LocalDate.of(2016, 4, 1)).statisticsLanguage())
                .isNull();
        RuleParameter parameter = RuleParameter.named("statistics_language").orElseThrow();
        assertThat(parameter.problemWith("ru")).isEmpty();
        assertThat(parameter.problemWith("de")).isPresent();
    }

    @Test
    void theRunCommandTakesALanguageAndRefusesAnUnknownOne() {
        String input = System.getProperty("java.io.tmpdir");
        Command.Run run = (Command.Run) Command.parse("run", "--quarter", "2016Q2", "--input", input, "--output",
                input, "--language", "kk");
        assertThat(run.language()).isEqualTo("kk");
        Command.Run without = (Command.Run) Command.parse("run", "--quarter", "2016Q2", "--input", input,
                "--output", input);
        assertThat(without.language()).isNull();
        assertThatThrownBy(() -> Command.parse("run", "--quarter", "2016Q2", "--input", input, "--output", input,
                "--language", "kz")).isInstanceOf(UsageException.class).hasMessageContaining("kk");
    }

    private static RuleSet.Rule rule(String parameter, String value) {
        return new RuleSet.Rule(parameter, value, LocalDate.of(2014, 1, 1));
    }
}
