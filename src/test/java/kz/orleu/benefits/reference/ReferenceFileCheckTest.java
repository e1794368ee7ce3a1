package kz.orleu.benefits.reference;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import kz.orleu.benefits.csv.UnusableInputException;
import org.junit.jupiter.api.Test;

class ReferenceFileCheckTest {

    @Test
    void aLaterCcaCutBelowTheAspShareInForceIsNamedByTheCcaRow() {
        // asp 0.40 from 2014; cca 0.60 from 2014, cut to 0.35 from 2017: on 2017-01-01 ASP would be above CCA.
        List<ReferenceFileCheck.LinedRow> rules = List.of(rule(2, "asp_share", "0.40", "2014-01-01"),
                rule(3, "cca_share", "0.60", "2014-01-01"), rule(4, "cca_share", "0.35", "2017-01-01"));

        assertThatThrownBy(() -> ReferenceFileCheck.check(ReferenceFile.RULES, rules))
                .isInstanceOf(UnusableInputException.class)
                .hasMessage("rules.csv line 4: from 2017-01-01 asp_share 0.40 (line 2) would exceed cca_share 0.35"
                        + " (line 4); asp_share may not be above cca_share");
    }

    @Test
    void sharesThatStayInOrderWhenBothChangeOnTheSameDayPass() {
        // 0.40/0.60 until 2018, then both 0.50: equal shares are allowed.
        List<ReferenceFileCheck.LinedRow> rules = List.of(rule(2, "asp_share", "0.40", "2014-01-01"),
                rule(3, "cca_share", "0.60", "2014-01-01"), rule(4, "asp_share", "0.50", "2018-01-01"),
                rule(5, "cca_share", "0.50", "2018-01-01"));

        assertThatCode(() -> ReferenceFileCheck.check(ReferenceFile.RULES, rules)).doesNotThrowAnyException();
    }

    @Test
    void theSameIncomeTypeFromTheSameDayTwiceIsRefused() {
        List<ReferenceFileCheck.LinedRow> types = List.of(
                new ReferenceFileCheck.LinedRow(2, new Object[] {"WAGE", true, LocalDate.parse("2014-01-01")}),
                new ReferenceFileCheck.LinedRow(3, new Object[] {"WAGE", true, LocalDate.parse("2019-04-01")}),
                new ReferenceFileCheck.LinedRow(4, new Object[] {"WAGE", false, LocalDate.parse("2014-01-01")}));

        assertThatThrownBy(() -> ReferenceFileCheck.check(ReferenceFile.INCOME_TYPES, types))
                .hasMessageStartingWith("income-types.csv line 4: income_type and valid_from WAGE 2014-01-01 appears"
                        + " again (first on line 2)");
    }

    private static ReferenceFileCheck.LinedRow rule(long line, String parameter, String value, String validFrom) {
        return new ReferenceFileCheck.LinedRow(line, new Object[] {parameter, value, LocalDate.parse(validFrom)});
    }
}
