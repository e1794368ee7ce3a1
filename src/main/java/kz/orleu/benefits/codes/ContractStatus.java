package kz.orleu.benefits.codes;

/** {@code contracts.csv status}, as the department recorded it. */
public enum ContractStatus { ACTIVE, COMPLETED, TERMINATED, DECLINED }
