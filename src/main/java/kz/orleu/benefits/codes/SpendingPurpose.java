package kz.orleu.benefits.codes;

/** {@code monitoring.csv spending_purpose}; which of them are forbidden is a rule ({@code forbidden_purposes}). */
public enum SpendingPurpose { EQUIPMENT, LIVESTOCK, SEEDS, REPAIRS, TRAINING, OTHER_ALLOWED, DEBT, LOAN, REAL_ESTATE }
