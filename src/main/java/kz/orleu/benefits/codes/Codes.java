package kz.orleu.benefits.codes;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The closed code lists of the input files (contracts.md), one enum each, so that a list is written once and
 * validation, rules and judgement agree on it. Codes travel as the enum constants' names.
 */
public final class Codes {

    private Codes() {
    }

    /** The codes of a list in their documented order (the order a reject message lists them in). */
    public static <E extends Enum<E>> Set<String> names(Class<E> codeList) {
        Set<String> names = new LinkedHashSet<>();
        Arrays.stream(codeList.getEnumConstants()).forEach(code -> names.add(code.name()));
        return Collections.unmodifiableSet(names);
    }
}
