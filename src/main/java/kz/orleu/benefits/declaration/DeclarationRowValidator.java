package kz.orleu.benefits.declaration;

import kz.orleu.benefits.codes.SpendingPurpose;
import kz.orleu.benefits.codes.Outcome;
import kz.orleu.benefits.codes.Obligation;
import kz.orleu.benefits.codes.ContractStatus;
import kz.orleu.benefits.codes.PaymentMode;
import kz.orleu.benefits.codes.Relation;
import kz.orleu.benefits.codes.Settlement;
import kz.orleu.benefits.codes.Codes;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.orleu.benefits.csv.CsvRecord;
import kz.orleu.benefits.quarter.Quarter;

/**
 * The checks of "Validation and rejects" that a row allows on its own (types, codes, dates, IIN, the quarter).
 * Checks across rows and files (duplicates, unknown family, member or contract, overlapping contracts) are
 * set-based and run once every file is staged, in {@link CrossFileValidation}.
 */
public final class DeclarationRowValidator {

    static final Set<String> SETTLEMENTS = Codes.names(Settlement.class);
    static final Set<String> RELATIONS = Codes.names(Relation.class);
    static final Set<String> DISABILITY_GROUPS = Set.of("1", "2", "3");
    static final Set<String> PAYMENT_MODES = Codes.names(PaymentMode.class);
    static final Set<String> CONTRACT_STATUSES = Codes.names(ContractStatus.class);
    static final Set<String> OBLIGATIONS = Codes.names(Obligation.class);
    static final Set<String> OUTCOMES = Codes.names(Outcome.class);
    static final Set<String> PURPOSES = Codes.names(SpendingPurpose.class);
    static final int MAX_CONTRACT_MONTHS = 12;
    /**
     * The longest family or contract id accepted, in characters. Ids are opaque text of any characters, and
     * far longer than any district uses (ten or twenty characters) are accepted; but every table that joins on
     * them keys them in a B-tree index, which cannot hold an entry of more than about 2.7 kB. 500 characters are
     * at most 2,000 bytes in UTF-8, so every key holding one id fits. Longer ids are rejected wherever they
     * appear (ID_TOO_LONG), so no accepted family or contract has one and a reject naming one can belong to
     * nobody else.
     */
    static final int MAX_ID_LENGTH = 500;

    private final Quarter incomeQuarter;
    private final Set<String> regionCodes;
    private final Set<String> incomeTypes;

    /**
     * @param regionCodes the regions of {@code regions.csv}
     * @param incomeTypes the income types in force for the run
     */
    public DeclarationRowValidator(Quarter incomeQuarter, Set<String> regionCodes, Set<String> incomeTypes) {
        this.incomeQuarter = incomeQuarter;
        this.regionCodes = regionCodes;
        this.incomeTypes = incomeTypes;
    }

    public StagedRow validate(InputFile file, CsvRecord record) {
        if (record instanceof CsvRecord.Malformed malformed) {
            return malformed(file, malformed);
        }
        return row(file, (CsvRecord.Row) record);
    }

    private StagedRow row(InputFile file, CsvRecord.Row row) {
        List<RowWarning> warnings = new ArrayList<>(0);
        if (isRepeatedHeader(file, row)) {
            return rejected(file, row.line(), row.values(), new RowRejection(RejectReason.REPEATED_HEADER,
                    file.columns().get(0).name(), row.get(file.columns().get(0).name()),
                    "the header line is repeated as a data row"));
        }
        FieldReader fields = new FieldReader(row);
        try {
            Object[] values = switch (file) {
                case FAMILIES -> family(fields);
                case MEMBERS -> member(fields, file, row.line(), warnings);
                case INCOMES -> income(fields);
                case CONTRACTS -> contract(fields);
                case OBLIGATIONS -> obligation(fields);
                case MONITORING -> monitoring(fields, file, row.line(), warnings);
            };
            return new StagedRow(file, row.line(), values, null, warnings);
        } catch (RowRejection rejection) {
            return rejected(file, row.line(), row.values(), rejection);
        }
    }

    private static boolean isRepeatedHeader(InputFile file, CsvRecord.Row row) {
        return file.columns().stream().allMatch(c -> c.name().equals(row.get(c.name())));
    }

    private Object[] family(FieldReader f) {
        String familyId = f.id("family_id");
        String region = f.required("region_code");
        if (!regionCodes.contains(region)) {
            throw new RowRejection(RejectReason.UNKNOWN_REGION, "region_code", region,
                    "region " + region + " is not in regions.csv");
        }
        String district = f.required("district");
        String settlement = f.code("settlement", SETTLEMENTS);
        LocalDate declaredOn = f.optionalDate("declared_on");
        return new Object[] {familyId, region, district, settlement, declaredOn};
    }

    private Object[] member(FieldReader f, InputFile file, long line, List<RowWarning> warnings) {
        String familyId = f.id("family_id");
        String iin = iin(f);
        String lastName = f.required("last_name");
        String firstName = f.required("first_name");
        LocalDate birthDate = f.date("birth_date");
        String relation = f.code("relation", RELATIONS);
        String disability = f.optionalCode("disability_group", DISABILITY_GROUPS);
        boolean pensioner = f.bool("pensioner");
        boolean student = f.bool("student");
        boolean carer = f.bool("carer");
        boolean employed = f.bool("employed");
        LocalDate joinedOn = f.date("joined_on");
        LocalDate leftOn = f.optionalDate("left_on");
        if (leftOn != null && leftOn.isBefore(joinedOn)) {
            throw new RowRejection(RejectReason.LEFT_BEFORE_JOINED, "left_on", leftOn.toString(),
                    "left_on " + leftOn + " is before joined_on " + joinedOn);
        }
        if (!Iin.birthDate(iin).map(birthDate::equals).orElse(false)) {
            warnings.add(new RowWarning(file.fileName(), line, "iin", iin, WarningReason.IIN_BIRTH_DATE_MISMATCH,
                    "the IIN's date digits do not match birth_date " + birthDate));
        }
        return new Object[] {familyId, iin, lastName, firstName, birthDate, relation,
                disability == null ? null : Short.valueOf(disability), pensioner, student, carer, employed,
                joinedOn, leftOn};
    }

    private static String iin(FieldReader f) {
        String iin = f.required("iin");
        if (!Iin.isTwelveDigits(iin)) {
            throw new RowRejection(RejectReason.INVALID_IIN, "iin", iin, "an IIN is 12 digits");
        }
        if (!Iin.hasValidCheckDigit(iin)) {
            throw new RowRejection(RejectReason.IIN_CHECK_DIGIT, "iin", iin, "the IIN's check digit is wrong");
        }
        return iin;
    }

    private Object[] income(FieldReader f) {
        String familyId = f.id("family_id");
        String iin = f.required("iin");
        String month = monthInIncomeQuarter(f);
        String type = f.required("income_type");
        if (!incomeTypes.contains(type)) {
            throw new RowRejection(RejectReason.UNKNOWN_INCOME_TYPE, "income_type", type,
                    "income type " + type + " is not in income-types.csv");
        }
        BigDecimal amount = f.amount("amount");
        return new Object[] {familyId, iin, month, type, amount};
    }

    private String monthInIncomeQuarter(FieldReader f) {
        YearMonth month = f.month("month");
        if (!incomeQuarter.contains(month)) {
            throw new RowRejection(RejectReason.MONTH_OUTSIDE_QUARTER, "month", month.toString(),
                    "month " + month + " is outside the income quarter " + incomeQuarter);
        }
        return month.toString();
    }

    private Object[] contract(FieldReader f) {
        String contractId = f.id("contract_id");
        String familyId = f.id("family_id");
        String mode = f.code("payment_mode", PAYMENT_MODES);
        String status = f.code("status", CONTRACT_STATUSES);
        boolean declined = ContractStatus.DECLINED.name().equals(status);
        LocalDate signedOn = declined ? f.optionalDate("signed_on") : f.date("signed_on");
        LocalDate start = declined ? f.optionalDate("start_date") : f.date("start_date");
        LocalDate end = declined ? f.optionalDate("end_date") : f.date("end_date");
        if (start != null && start.getDayOfMonth() != 1) {
            throw new RowRejection(RejectReason.CONTRACT_NOT_MONTH_ALIGNED, "start_date", start.toString(),
                    "start_date must be the first day of a month");
        }
        if (end != null && end.getDayOfMonth() != end.lengthOfMonth()) {
            throw new RowRejection(RejectReason.CONTRACT_NOT_MONTH_ALIGNED, "end_date", end.toString(),
                    "end_date must be the last day of a month");
        }
        if (start != null && end != null) {
            if (end.isBefore(start)) {
                throw new RowRejection(RejectReason.END_BEFORE_START, "end_date", end.toString(),
                        "end_date " + end + " is before start_date " + start);
            }
            long months = ChronoUnit.MONTHS.between(YearMonth.from(start), YearMonth.from(end)) + 1;
            if (months > MAX_CONTRACT_MONTHS) {
                throw new RowRejection(RejectReason.CONTRACT_TOO_LONG, "end_date", end.toString(),
                        "the contract runs " + months + " months, more than " + MAX_CONTRACT_MONTHS);
            }
        }
        return new Object[] {contractId, familyId, signedOn, start, end, mode, status};
    }

    private static Object[] obligation(FieldReader f) {
        return new Object[] {f.id("contract_id"), f.required("iin"), f.code("obligation", OBLIGATIONS)};
    }

    private Object[] monitoring(FieldReader f, InputFile file, long line, List<RowWarning> warnings) {
        String contractId = f.id("contract_id");
        String iin = f.required("iin");
        String month = monthInIncomeQuarter(f);
        String obligation = f.code("obligation", OBLIGATIONS);
        String outcome = f.code("outcome", OUTCOMES);
        String purpose = f.optionalCode("spending_purpose", PURPOSES);
        if (purpose != null && !Obligation.SPENDING_REPORT.name().equals(obligation)) {
            warnings.add(new RowWarning(file.fileName(), line, "spending_purpose", purpose,
                    WarningReason.SPENDING_PURPOSE_ON_OTHER_OBLIGATION,
                    "a spending purpose on a " + obligation + " row is ignored"));
        }
        return new Object[] {contractId, iin, month, obligation, outcome, purpose};
    }

    private static StagedRow rejected(InputFile file, long line, Map<String, String> raw, RowRejection rejection) {
        Object[] values = new Object[file.columns().size()];
        for (int i = 0; i < values.length; i++) {
            InputFile.Column column = file.columns().get(i);
            if (column.text()) {
                String value = raw.get(column.name());
                values[i] = value == null || value.isBlank() ? null : value.strip();
            }
        }
        Reject reject = new Reject(file.fileName(), line, rejection.column, rejection.value, rejection.reason,
                rejection.getMessage(), ownerValue(file, raw, "family_id"), ownerValue(file, raw, "contract_id"));
        return new StagedRow(file, line, values, reject, List.of());
    }

    /**
     * The family or contract a rejected row names, compared exactly as an accepted row's id is staged, so that the
     * reject counts against that family whatever else is wrong with the row. An id longer than
     * {@link #MAX_ID_LENGTH} is rejected wherever it appears, so no accepted family or contract carries one: such
     * a reject belongs to nobody, and is not stored as an owner (the reject index could not hold it).
     */
    private static String ownerValue(InputFile file, Map<String, String> raw, String column) {
        if (!file.columnNames().contains(column)) {
            return null;
        }
        String value = raw.get(column);
        if (value == null || value.isBlank()) {
            return null;
        }
        String id = value.strip();
        return id.length() > MAX_ID_LENGTH ? null : id;
    }

    private StagedRow malformed(InputFile file, CsvRecord.Malformed malformed) {
        RejectReason reason = malformed.tooLong() ? RejectReason.LINE_TOO_LONG : RejectReason.MALFORMED_LINE;
        return rejected(file, malformed.line(), malformed.guessedValues(),
                new RowRejection(reason, "", abbreviate(malformed.text()), malformed.message()));
    }

    static String abbreviate(String text) {
        String clean = text.replace("\0", "\\0");
        return clean.length() <= 200 ? clean : clean.substring(0, 200) + "…";
    }
}
