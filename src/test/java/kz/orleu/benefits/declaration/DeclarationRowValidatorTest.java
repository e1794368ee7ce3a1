package kz.orleu.benefits.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import kz.orleu.benefits.csv.CsvRecord;
import kz.orleu.benefits.quarter.Quarter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Row-level checks of {@code contracts.md}, "Validation and rejects": every row that cannot be used is rejected
 * with its file, line, column, value and reason. Income quarter 2016Q1.
 */
class DeclarationRowValidatorTest {

    private static final Set<String> REGIONS = Set.of("11", "31", "63", "75");
    private static final Set<String> INCOME_TYPES = Set.of("WAGE", "SELF_EMPLOYMENT", "SUBSIDIARY_FARMING",
            "PENSION", "DISABILITY_BENEFIT", "UNEMPLOYMENT_BENEFIT", "ALIMONY", "SCHOLARSHIP", "CHILD_BENEFIT",
            "HOUSING_AID", "ASP", "CCA", "ONE_OFF", "OTHER");

    private final DeclarationRowValidator validator =
            new DeclarationRowValidator(Quarter.parse("2016Q1"), REGIONS, INCOME_TYPES);

    // ---------------------------------------------------------------- valid rows

    @Test
    void validFamilyRowIsAcceptedWithTypedValues() {
        StagedRow row = validator.validate(InputFile.FAMILIES, family());

        assertThat(row.rejected()).isFalse();
        assertThat(row.values()).containsExactly("F000001", "31", "Байзақ ауданы", "RURAL", LocalDate.of(2016, 3, 20));
        assertThat(row.warnings()).isEmpty();
    }

    @Test
    void familyWithoutDeclarationDateIsAccepted() {
        // empty declared_on: no declaration this quarter (NO_DECLARATION later), not a reject
        StagedRow row = validator.validate(InputFile.FAMILIES, family("declared_on", ""));

        assertThat(row.rejected()).isFalse();
        assertThat(row.values()[4]).isNull();
    }

    @Test
    void validMemberRowIsAccepted() {
        StagedRow row = validator.validate(InputFile.MEMBERS, member());

        assertThat(row.rejected()).isFalse();
        assertThat(row.values()[1]).isEqualTo("900415318364");
        assertThat(row.values()[4]).isEqualTo(LocalDate.of(1990, 4, 15));
        assertThat(row.warnings()).isEmpty();
    }

    @Test
    void memberLeavingOnTheDayHeJoinedIsAccepted() {
        assertThat(validator.validate(InputFile.MEMBERS, member("left_on", "2010-01-01")).rejected()).isFalse();
    }

    @Test
    void validIncomeRowIsAccepted() {
        StagedRow row = validator.validate(InputFile.INCOMES, income("amount", "15000.50"));

        assertThat(row.rejected()).isFalse();
        assertThat(row.values()).containsExactly("F000001", "900415318364", "2016-01", "WAGE",
                new BigDecimal("15000.50"));
    }

    @Test
    void zeroIncomeAmountIsAccepted() {
        assertThat(validator.validate(InputFile.INCOMES, income("amount", "0")).rejected()).isFalse();
    }

    @Test
    void validContractRowIsAccepted() {
        assertThat(validator.validate(InputFile.CONTRACTS, contract()).rejected()).isFalse();
    }

    @Test
    void declinedContractMayHaveNoDates() {
        // F000010: C00005,F000010,,,,MONTHLY,DECLINED
        StagedRow row = validator.validate(InputFile.CONTRACTS,
                contract("signed_on", "", "start_date", "", "end_date", "", "status", "DECLINED"));

        assertThat(row.rejected()).isFalse();
    }

    @Test
    void contractOfExactlyTwelveMonthsIsAccepted() {
        // 2016-01-01..2016-12-31: 12 months, the most an extended contract may run
        assertThat(validator.validate(InputFile.CONTRACTS, contract("end_date", "2016-12-31")).rejected()).isFalse();
    }

    @Test
    void contractEndingOnTheTwentyNinthOfFebruaryInALeapYearIsMonthAligned() {
        assertThat(validator.validate(InputFile.CONTRACTS, contract("end_date", "2016-02-29")).rejected()).isFalse();
    }

    @Test
    void validObligationAndMonitoringRowsAreAccepted() {
        assertThat(validator.validate(InputFile.OBLIGATIONS, obligation()).rejected()).isFalse();
        assertThat(validator.validate(InputFile.MONITORING, monitoring()).rejected()).isFalse();
        assertThat(validator.validate(InputFile.MONITORING,
                monitoring("obligation", "SPENDING_REPORT", "spending_purpose", "DEBT")).warnings()).isEmpty();
    }

    // ---------------------------------------------------------------- each reject reason

    @Test
    void malformedLineIsRejectedAsMalformedAndKeepsTheFamilyItProbablyBelongsTo() {
        CsvRecord.Malformed malformed = new CsvRecord.Malformed(7, "F000009,\"broken,31", "unbalanced double quote",
                Map.of("family_id", "F000009"));

        Reject reject = validator.validate(InputFile.INCOMES, malformed).reject();

        assertThat(reject.reason()).isEqualTo(RejectReason.MALFORMED_LINE);
        assertThat(reject.line()).isEqualTo(7);
        assertThat(reject.file()).isEqualTo("incomes.csv");
        assertThat(reject.familyId()).isEqualTo("F000009");
    }

    @Test
    void malformedLineNamingAFamilyIdOfTheLongestLengthStillBelongsToThatFamily() {
        String familyId = "F" + "0".repeat(DeclarationRowValidator.MAX_ID_LENGTH - 1);
        CsvRecord.Malformed malformed = new CsvRecord.Malformed(8, familyId + ",900415318364,2016-02,WAGE",
                "expected 5 columns as in the header, found 4", Map.of("family_id", familyId));

        assertThat(validator.validate(InputFile.INCOMES, malformed).reject().familyId()).isEqualTo(familyId);
    }

    @Test
    void rowRejectedForAnotherReasonBelongsToItsFamilyWhateverItsIdLooksLike() {
        // ids are opaque: spaces, separators and quotes inside are part of the id
        String familyId = "F 1|2;\"3\"";
        Reject reject = validator.validate(InputFile.INCOMES, income("family_id", familyId, "amount", "-1")).reject();

        assertThat(reject.reason()).isEqualTo(RejectReason.NEGATIVE_AMOUNT);
        assertThat(reject.familyId()).isEqualTo(familyId);
    }

    @Test
    void familyIdLongerThanTheLimitIsRejectedInEveryFileThatNamesIt() {
        // accepted, such a family would be paid while its rejected rows counted against nobody
        String longId = "F" + "0".repeat(DeclarationRowValidator.MAX_ID_LENGTH);

        for (var rejected : java.util.List.of(
                validator.validate(InputFile.FAMILIES, family("family_id", longId)),
                validator.validate(InputFile.MEMBERS, member("family_id", longId)),
                validator.validate(InputFile.INCOMES, income("family_id", longId)),
                validator.validate(InputFile.CONTRACTS, contract("family_id", longId)))) {
            assertThat(rejected.reject().reason()).isEqualTo(RejectReason.ID_TOO_LONG);
            assertThat(rejected.reject().column()).isEqualTo("family_id");
            assertThat(rejected.reject().message()).contains("501 characters");
        }
    }

    @Test
    void contractIdLongerThanTheLimitIsRejectedInEveryFileThatNamesIt() {
        String longId = "C" + "0".repeat(DeclarationRowValidator.MAX_ID_LENGTH);

        assertThat(reason(InputFile.CONTRACTS, contract("contract_id", longId))).isEqualTo(RejectReason.ID_TOO_LONG);
        assertThat(reason(InputFile.OBLIGATIONS, obligation("contract_id", longId)))
                .isEqualTo(RejectReason.ID_TOO_LONG);
        assertThat(reason(InputFile.MONITORING, monitoring("contract_id", longId)))
                .isEqualTo(RejectReason.ID_TOO_LONG);
    }

    @Test
    void lineLongerThanTheLimitIsRejectedAsTooLongAndBelongsToTheFamilyAtItsStart() {
        CsvRecord.Malformed tooLong = new CsvRecord.Malformed(9, "F000003,900606410006,2016-03,WAGE,1111",
                "the line is 3145728 bytes long", Map.of("family_id", "F000003", "iin", "900606410006"), true);

        Reject reject = validator.validate(InputFile.INCOMES, tooLong).reject();

        assertThat(reject.reason()).isEqualTo(RejectReason.LINE_TOO_LONG);
        assertThat(reject.line()).isEqualTo(9);
        assertThat(reject.familyId()).isEqualTo("F000003");
    }

    @ParameterizedTest
    @CsvSource({"birth_date,0000-04-15", "joined_on,0000-01-01", "left_on,0000-12-31"})
    void dateInYearZeroIsOutOfTheAcceptedRangeWithItsColumnAndValue(String column, String value) {
        // PostgreSQL has no year 0: such a date made the COPY of its whole chunk fail, naming no file or line
        Reject reject = validator.validate(InputFile.MEMBERS, member(column, value)).reject();

        assertThat(reject.reason()).isEqualTo(RejectReason.DATE_OUT_OF_RANGE);
        assertThat(reject.column()).isEqualTo(column);
        assertThat(reject.value()).isEqualTo(value);
        assertThat(reject.message()).contains("0001-01-01 to 9999-12-31");
    }

    @Test
    void firstAndLastDayOfTheAcceptedRangeAreDates() {
        assertThat(validator.validate(InputFile.MEMBERS, member("birth_date", "0001-01-01")).rejected()).isFalse();
        assertThat(validator.validate(InputFile.MEMBERS, member("left_on", "9999-12-31")).rejected()).isFalse();
    }

    @Test
    void headerRepeatedAsADataRowIsRejected() {
        Map<String, String> values = new LinkedHashMap<>();
        for (InputFile.Column c : InputFile.FAMILIES.columns()) {
            values.put(c.name(), c.name());
        }

        assertThat(reason(InputFile.FAMILIES, new CsvRecord.Row(40, values))).isEqualTo(RejectReason.REPEATED_HEADER);
    }

    @Test
    void missingRequiredValueIsRejectedWithItsColumn() {
        Reject reject = validator.validate(InputFile.FAMILIES, family("district", "  ")).reject();

        assertThat(reject.reason()).isEqualTo(RejectReason.MISSING_VALUE);
        assertThat(reject.column()).isEqualTo("district");
        assertThat(reject.familyId()).isEqualTo("F000001");
    }

    @Test
    void activeContractWithoutStartDateIsMissingAValue() {
        // only DECLINED contracts may leave their dates empty
        assertThat(reason(InputFile.CONTRACTS, contract("start_date", ""))).isEqualTo(RejectReason.MISSING_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12,50", "abc", "1e3", ".5", "12.", "+5", "1 000"})
    void amountThatIsNotAPlainDecimalWithADotIsABadNumber(String amount) {
        // F000015 wrote 12,50
        Reject reject = validator.validate(InputFile.INCOMES, income("amount", amount)).reject();

        assertThat(reject.reason()).isEqualTo(RejectReason.BAD_NUMBER);
        assertThat(reject.column()).isEqualTo("amount");
        assertThat(reject.value()).isEqualTo(amount.strip());
    }

    @Test
    void negativeAmountIsRejected() {
        assertThat(reason(InputFile.INCOMES, income("amount", "-5.00"))).isEqualTo(RejectReason.NEGATIVE_AMOUNT);
    }

    @Test
    void amountWithMoreThanTwoDecimalsIsRejected() {
        assertThat(reason(InputFile.INCOMES, income("amount", "12.345"))).isEqualTo(RejectReason.TOO_MANY_DECIMALS);
    }

    @Test
    void amountBeyondTheStoredPrecisionIsRejected() {
        assertThat(reason(InputFile.INCOMES, income("amount", "1000000000000.00")))
                .isEqualTo(RejectReason.AMOUNT_TOO_LARGE);
    }

    @ParameterizedTest
    @CsvSource({"birth_date,1990-02-30", "birth_date,15.04.1990", "birth_date,1990-4-15", "joined_on,2010-13-01",
            "left_on,yesterday"})
    void memberDateThatIsNotARealIsoDateIsABadDate(String column, String value) {
        Reject reject = validator.validate(InputFile.MEMBERS, member(column, value)).reject();

        assertThat(reject.reason()).isEqualTo(RejectReason.BAD_DATE);
        assertThat(reject.column()).isEqualTo(column);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2016-13", "2016-1", "2016-00", "2016-01-01", "201601"})
    void monthThatIsNotYyyyMmIsABadDate(String month) {
        assertThat(reason(InputFile.INCOMES, income("month", month))).isEqualTo(RejectReason.BAD_DATE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "TRUE", "1", "False"})
    void booleanOtherThanTrueOrFalseIsRejected(String flag) {
        assertThat(reason(InputFile.MEMBERS, member("pensioner", flag))).isEqualTo(RejectReason.BAD_BOOLEAN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2015-12", "2016-04"})
    void incomeMonthOutsideTheIncomeQuarterIsRejected(String month) {
        Reject reject = validator.validate(InputFile.INCOMES, income("month", month)).reject();

        assertThat(reject.reason()).isEqualTo(RejectReason.MONTH_OUTSIDE_QUARTER);
        assertThat(reject.value()).isEqualTo(month);
    }

    @Test
    void monitoringMonthOutsideTheIncomeQuarterIsRejected() {
        assertThat(reason(InputFile.MONITORING, monitoring("month", "2016-04")))
                .isEqualTo(RejectReason.MONTH_OUTSIDE_QUARTER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"90041531836", "9004153183640", "90041531836A"})
    void iinThatIsNotTwelveDigitsIsInvalid(String iin) {
        assertThat(reason(InputFile.MEMBERS, member("iin", iin))).isEqualTo(RejectReason.INVALID_IIN);
    }

    @Test
    void iinWithAWrongCheckDigitIsRejected() {
        // 90041531836x: weighted sum 257 mod 11 = 4, so 5 is wrong (F000014's child)
        Reject reject = validator.validate(InputFile.MEMBERS, member("iin", "900415318365")).reject();

        assertThat(reject.reason()).isEqualTo(RejectReason.IIN_CHECK_DIGIT);
        assertThat(reject.column()).isEqualTo("iin");
        assertThat(reject.value()).isEqualTo("900415318365");
        assertThat(reject.familyId()).isEqualTo("F000001");
    }

    @Test
    void familyOfARegionNotInTheRegionsFileIsRejected() {
        // F000017: region 99
        Reject reject = validator.validate(InputFile.FAMILIES, family("region_code", "99")).reject();

        assertThat(reject.reason()).isEqualTo(RejectReason.UNKNOWN_REGION);
        assertThat(reject.value()).isEqualTo("99");
    }

    @Test
    void incomeOfAnUnknownTypeIsRejected() {
        assertThat(reason(InputFile.INCOMES, income("income_type", "SALARY")))
                .isEqualTo(RejectReason.UNKNOWN_INCOME_TYPE);
    }

    @ParameterizedTest
    @CsvSource({"FAMILIES,settlement,CITY", "MEMBERS,relation,SON", "MEMBERS,disability_group,4",
            "CONTRACTS,payment_mode,WEEKLY", "CONTRACTS,status,SUSPENDED", "OBLIGATIONS,obligation,VOLUNTEERING",
            "MONITORING,outcome,PARTLY_MET", "MONITORING,spending_purpose,GAMBLING"})
    void unknownCodeIsRejectedWithItsColumn(InputFile file, String column, String value) {
        Reject reject = validator.validate(file, validRow(file, column, value)).reject();

        assertThat(reject.reason()).isEqualTo(RejectReason.UNKNOWN_CODE);
        assertThat(reject.column()).isEqualTo(column);
        assertThat(reject.value()).isEqualTo(value);
    }

    @Test
    void memberWhoLeftBeforeJoiningIsRejected() {
        assertThat(reason(InputFile.MEMBERS, member("joined_on", "2016-02-01", "left_on", "2016-01-31")))
                .isEqualTo(RejectReason.LEFT_BEFORE_JOINED);
    }

    @Test
    void contractStartingOnAnotherDayThanTheFirstIsNotMonthAligned() {
        // F000023: start 2016-04-15
        Reject reject = validator.validate(InputFile.CONTRACTS,
                contract("start_date", "2016-04-15", "end_date", "2016-09-30")).reject();

        assertThat(reject.reason()).isEqualTo(RejectReason.CONTRACT_NOT_MONTH_ALIGNED);
        assertThat(reject.column()).isEqualTo("start_date");
        assertThat(reject.contractId()).isEqualTo("C00007");
        assertThat(reject.familyId()).isEqualTo("F000001");
    }

    @Test
    void contractEndingOnAnotherDayThanTheLastIsNotMonthAligned() {
        assertThat(reason(InputFile.CONTRACTS, contract("end_date", "2016-06-29")))
                .isEqualTo(RejectReason.CONTRACT_NOT_MONTH_ALIGNED);
        // 2016 is a leap year: 2016-02-28 is not the last day of February
        assertThat(reason(InputFile.CONTRACTS, contract("end_date", "2016-02-28")))
                .isEqualTo(RejectReason.CONTRACT_NOT_MONTH_ALIGNED);
    }

    @Test
    void contractEndingBeforeItStartsIsRejected() {
        assertThat(reason(InputFile.CONTRACTS, contract("start_date", "2016-03-01", "end_date", "2016-02-29")))
                .isEqualTo(RejectReason.END_BEFORE_START);
    }

    @Test
    void contractLongerThanTwelveMonthsIsRejected() {
        // 2016-01-01..2017-01-31: 13 months
        assertThat(reason(InputFile.CONTRACTS, contract("end_date", "2017-01-31")))
                .isEqualTo(RejectReason.CONTRACT_TOO_LONG);
    }

    @Test
    void rejectNamesFileAndPhysicalLine() {
        Reject reject = validator.validate(InputFile.INCOMES,
                new CsvRecord.Row(17, income("amount", "-1").values())).reject();

        assertThat(reject.file()).isEqualTo("incomes.csv");
        assertThat(reject.line()).isEqualTo(17);
        assertThat(reject.familyId()).isEqualTo("F000001");
        assertThat(reject.contractId()).isNull();
    }

    @Test
    void rejectedMonitoringRowNamesItsContract() {
        Reject reject = validator.validate(InputFile.MONITORING, monitoring("outcome", "")).reject();

        assertThat(reject.reason()).isEqualTo(RejectReason.MISSING_VALUE);
        assertThat(reject.contractId()).isEqualTo("C00007");
        assertThat(reject.familyId()).isNull();
    }

    // ---------------------------------------------------------------- warnings, not rejects

    @Test
    void iinDateDigitsNotMatchingTheBirthDateIsAWarningNotAReject() {
        // 900415318364 encodes 1990-04-15; declared 1990-04-16
        StagedRow row = validator.validate(InputFile.MEMBERS, member("birth_date", "1990-04-16"));

        assertThat(row.rejected()).isFalse();
        assertThat(row.warnings()).extracting(RowWarning::reason)
                .containsExactly(WarningReason.IIN_BIRTH_DATE_MISMATCH);
    }

    @Test
    void spendingPurposeOnAnotherObligationsRowIsAWarningNotAReject() {
        StagedRow row = validator.validate(InputFile.MONITORING, monitoring("spending_purpose", "DEBT"));

        assertThat(row.rejected()).isFalse();
        assertThat(row.warnings()).extracting(RowWarning::reason)
                .containsExactly(WarningReason.SPENDING_PURPOSE_ON_OTHER_OBLIGATION);
    }

    // ---------------------------------------------------------------- fixtures

    private RejectReason reason(InputFile file, CsvRecord.Row row) {
        StagedRow staged = validator.validate(file, row);
        assertThat(staged.rejected()).as("row %s should be rejected", row.values()).isTrue();
        return staged.reject().reason();
    }

    private static CsvRecord.Row validRow(InputFile file, String... overrides) {
        return switch (file) {
            case FAMILIES -> family(overrides);
            case MEMBERS -> member(overrides);
            case INCOMES -> income(overrides);
            case CONTRACTS -> contract(overrides);
            case OBLIGATIONS -> obligation(overrides);
            case MONITORING -> monitoring(overrides);
        };
    }

    private static CsvRecord.Row family(String... overrides) {
        return row(overrides, "family_id", "F000001", "region_code", "31", "district", "Байзақ ауданы",
                "settlement", "RURAL", "declared_on", "2016-03-20");
    }

    private static CsvRecord.Row member(String... overrides) {
        return row(overrides, "family_id", "F000001", "iin", "900415318364", "last_name", "Һадиев",
                "first_name", "Олег \"Алик\"", "birth_date", "1990-04-15", "relation", "HEAD", "disability_group", "",
                "pensioner", "false", "student", "false", "carer", "false", "employed", "false",
                "joined_on", "2010-01-01", "left_on", "");
    }

    private static CsvRecord.Row income(String... overrides) {
        return row(overrides, "family_id", "F000001", "iin", "900415318364", "month", "2016-01",
                "income_type", "WAGE", "amount", "15000");
    }

    private static CsvRecord.Row contract(String... overrides) {
        return row(overrides, "contract_id", "C00007", "family_id", "F000001", "signed_on", "2015-12-20",
                "start_date", "2016-01-01", "end_date", "2016-06-30", "payment_mode", "MONTHLY", "status", "ACTIVE");
    }

    private static CsvRecord.Row obligation(String... overrides) {
        return row(overrides, "contract_id", "C00007", "iin", "900415318364", "obligation", "JOB_SEARCH");
    }

    private static CsvRecord.Row monitoring(String... overrides) {
        return row(overrides, "contract_id", "C00007", "iin", "900415318364", "month", "2016-01",
                "obligation", "JOB_SEARCH", "outcome", "MET", "spending_purpose", "");
    }

    /** A row at line 2 with the given column values, then the overrides (column, value, column, value, …). */
    private static CsvRecord.Row row(String[] overrides, String... columnsAndValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            values.put(columnsAndValues[i], columnsAndValues[i + 1]);
        }
        for (int i = 0; i < overrides.length; i += 2) {
            if (!values.containsKey(overrides[i])) {
                throw new IllegalArgumentException("no column " + overrides[i]);
            }
            values.put(overrides[i], overrides[i + 1]);
        }
        return new CsvRecord.Row(2, values);
    }
}
