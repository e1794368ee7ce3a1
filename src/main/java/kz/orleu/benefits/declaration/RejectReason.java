package kz.orleu.benefits.declaration;

/** Why an input row could not be used. The codes appear in {@code rejects.csv}; never rename one lightly. */
public enum RejectReason {
    MALFORMED_LINE,
    LINE_TOO_LONG,
    REPEATED_HEADER,
    MISSING_VALUE,
    ID_TOO_LONG,
    BAD_NUMBER,
    NEGATIVE_AMOUNT,
    TOO_MANY_DECIMALS,
    AMOUNT_TOO_LARGE,
    BAD_DATE,
    DATE_OUT_OF_RANGE,
    BAD_BOOLEAN,
    MONTH_OUTSIDE_QUARTER,
    INVALID_IIN,
    IIN_CHECK_DIGIT,
    UNKNOWN_REGION,
    UNKNOWN_INCOME_TYPE,
    UNKNOWN_CODE,
    DUPLICATE_KEY,
    UNKNOWN_FAMILY,
    UNKNOWN_MEMBER,
    UNKNOWN_CONTRACT,
    LEFT_BEFORE_JOINED,
    CONTRACT_NOT_MONTH_ALIGNED,
    END_BEFORE_START,
    CONTRACT_TOO_LONG,
    OVERLAPPING_CONTRACT
}
