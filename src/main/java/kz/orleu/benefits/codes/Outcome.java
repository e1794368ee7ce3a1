package kz.orleu.benefits.codes;

/** {@code monitoring.csv outcome}. */
public enum Outcome { MET, NOT_MET, EXCUSED }
