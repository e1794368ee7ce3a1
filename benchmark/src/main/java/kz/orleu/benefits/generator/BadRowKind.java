package kz.orleu.benefits.generator;

/** The kinds of deliberately bad rows the generator can inject, each with the file it lands in. */
public enum BadRowKind {
    BAD_IIN_CHECK_DIGIT("members.csv", "iin", "a member's IIN with a wrong check digit"),
    AMOUNT_WITH_COMMA("incomes.csv", "amount", "an income amount written with a decimal comma"),
    DUPLICATE_INCOME("incomes.csv", "iin", "an income row repeated (same family, IIN, month, type)"),
    UNKNOWN_REGION("families.csv", "region_code", "a family in region 99, which does not exist"),
    MISALIGNED_CONTRACT_START("contracts.csv", "start_date", "a contract starting on the 15th of a month"),
    UNKNOWN_INCOME_TYPE("incomes.csv", "income_type", "an income type that is not in the income-type table"),
    /** Used by the sample data only. */
    MONTH_OUTSIDE_QUARTER("incomes.csv", "month", "an income month outside the income quarter"),
    /** Used by the sample data only. */
    TOO_MANY_DECIMALS("incomes.csv", "amount", "an income amount with three decimals");

    /** The kinds {@code --bad-rows} cycles through. */
    static final BadRowKind[] INJECTED = {
        BAD_IIN_CHECK_DIGIT, AMOUNT_WITH_COMMA, DUPLICATE_INCOME, UNKNOWN_REGION, MISALIGNED_CONTRACT_START,
        UNKNOWN_INCOME_TYPE,
    };

    private final String file;
    private final String column;
    private final String description;

    BadRowKind(String file, String column, String description) {
        this.file = file;
        this.column = column;
        this.description = description;
    }

    public String file() {
        return file;
    }

    public String column() {
        return column;
    }

    public String description() {
        return description;
    }
}
