package kz.orleu.benefits.codes;

/** {@code members.csv relation}: to the head of the family. */
public enum Relation { HEAD, SPOUSE, CHILD, PARENT, OTHER }
