package kz.orleu.benefits.codes;

/** {@code families.csv settlement}. */
public enum Settlement { URBAN, RURAL }
