package kz.orleu.benefits.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * IIN ({@code domain.md}, "Identity"): {@code YYMMDD}, a century/sex digit, four serial digits and a check digit
 * {@code sum(d[i] × i) mod 11}; if 10, weights 3,4,5,6,7,8,9,10,11,1,2; if 10 again the IIN is invalid.
 */
class IinTest {

    @Test
    void checkDigitIsTheWeightedSumModuloEleven() {
        // 900415318364 (F000018's head): digits 9 0 0 4 1 5 3 1 8 3 6
        // 1·9 + 2·0 + 3·0 + 4·4 + 5·1 + 6·5 + 7·3 + 8·1 + 9·8 + 10·3 + 11·6
        //   = 9 + 0 + 0 + 16 + 5 + 30 + 21 + 8 + 72 + 30 + 66 = 257; 257 mod 11 = 257 − 253 = 4 → check digit 4
        assertThat(Iin.hasValidCheckDigit("900415318364")).isTrue();
        assertThat(Iin.hasValidCheckDigit("900415318365")).isFalse();
        assertThat(Iin.hasValidCheckDigit("900415318360")).isFalse();
    }

    @Test
    void whenTheFirstSumGivesTenTheSecondWeightsDecide() {
        // 790718469002: digits 7 9 0 7 1 8 4 6 9 0 0
        // first:  1·7 + 2·9 + 3·0 + 4·7 + 5·1 + 6·8 + 7·4 + 8·6 + 9·9 + 10·0 + 11·0
        //       = 7 + 18 + 0 + 28 + 5 + 48 + 28 + 48 + 81 + 0 + 0 = 263; 263 mod 11 = 263 − 253 = 10 → second weights
        // second: 3·7 + 4·9 + 5·0 + 6·7 + 7·1 + 8·8 + 9·4 + 10·6 + 11·9 + 1·0 + 2·0
        //       = 21 + 36 + 0 + 42 + 7 + 64 + 36 + 60 + 99 + 0 + 0 = 365; 365 mod 11 = 365 − 363 = 2 → check digit 2
        assertThat(Iin.hasValidCheckDigit("790718469002")).isTrue();
        // neither "10 → 0" nor the last digit of 10 is accepted
        assertThat(Iin.hasValidCheckDigit("790718469000")).isFalse();
        assertThat(Iin.hasValidCheckDigit("790718469001")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"})
    void whenBothSumsGiveTenTheIinIsInvalidWhateverItsLastDigit(String last) {
        // 85041240036x: digits 8 5 0 4 1 2 4 0 0 3 6
        // first:  8 + 10 + 0 + 16 + 5 + 12 + 28 + 0 + 0 + 30 + 66 = 175; 175 mod 11 = 175 − 165 = 10
        // second: 24 + 20 + 0 + 24 + 7 + 16 + 36 + 0 + 0 + 3 + 12 = 142; 142 mod 11 = 142 − 132 = 10 → invalid
        assertThat(Iin.hasValidCheckDigit("85041240036" + last)).isFalse();
    }

    @Test
    void twelveDigitsOnly() {
        assertThat(Iin.isTwelveDigits("900415318364")).isTrue();
        assertThat(Iin.isTwelveDigits("90041531836")).isFalse();
        assertThat(Iin.isTwelveDigits("9004153183640")).isFalse();
        assertThat(Iin.isTwelveDigits("90041531836X")).isFalse();
        assertThat(Iin.isTwelveDigits(" 900415318364")).isFalse();
        assertThat(Iin.isTwelveDigits(null)).isFalse();
    }

    @Test
    void centuryDigitsThreeAndFourAreThe1900s() {
        // 900415 3 18364: 1990-04-15 (3: 1900s, male); 910310 4 76478: 1991-03-10 (4: 1900s, female)
        assertThat(Iin.birthDate("900415318364")).contains(LocalDate.of(1990, 4, 15));
        assertThat(Iin.birthDate("910310476478")).contains(LocalDate.of(1991, 3, 10));
    }

    @Test
    void centuryDigitsFiveAndSixAreThe2000s() {
        // 040322 5 12527: 2004-03-22; 081207 6 37398: 2008-12-07
        assertThat(Iin.birthDate("040322512527")).contains(LocalDate.of(2004, 3, 22));
        assertThat(Iin.birthDate("081207637398")).contains(LocalDate.of(2008, 12, 7));
    }

    @Test
    void centuryDigitsOneAndTwoAreThe1800s() {
        assertThat(Iin.birthDate("991231100000")).contains(LocalDate.of(1899, 12, 31));
        assertThat(Iin.birthDate("850101200000")).contains(LocalDate.of(1885, 1, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "7", "8", "9"})
    void otherCenturyDigitsGiveNoBirthDate(String century) {
        assertThat(Iin.birthDate("900415" + century + "18364")).isEmpty();
    }

    /** The sample-data generator computes IINs on its own (it does not link to the product): both must agree. */
    @Test
    void theGeneratorsIinsAreTheOnesTheValidatorAccepts() {
        SplittableRandom random = new SplittableRandom(12);
        for (int i = 0; i < 20_000; i++) {
            String iin = String.format("%012d", random.nextLong(1_000_000_000_000L));
            assertThat(kz.orleu.benefits.generator.Iin.isValid(iin)).as(iin)
                    .isEqualTo(Iin.isTwelveDigits(iin) && Iin.hasValidCheckDigit(iin));
            assertThat(kz.orleu.benefits.generator.Iin.checkDigit(iin)).as(iin).isEqualTo(Iin.checkDigit(iin));
            assertThat(kz.orleu.benefits.generator.Iin.birthDate(iin)).as(iin)
                    .isEqualTo(Iin.birthDate(iin).orElse(null));
        }
    }

    @Test
    void impossibleDateDigitsGiveNoBirthDate() {
        // 31 February; month 13; 29 February 2015 (not a leap year) but 29 February 2016 is fine
        assertThat(Iin.birthDate("900231318364")).isEmpty();
        assertThat(Iin.birthDate("901315318364")).isEmpty();
        assertThat(Iin.birthDate("150229500000")).isEmpty();
        assertThat(Iin.birthDate("160229500000")).contains(LocalDate.of(2016, 2, 29));
    }
}
