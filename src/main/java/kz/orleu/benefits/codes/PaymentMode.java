package kz.orleu.benefits.codes;

/** {@code contracts.csv payment_mode}: how CCA is paid. */
public enum PaymentMode { MONTHLY, LUMP_SUM }
