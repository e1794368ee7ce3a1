package kz.orleu.benefits.statistics;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The language the workbook is written in. Kazakh is the state language and Russian is used officially beside
 * it; English is the default so that a run without the option reads as it always did.
 */
public enum Language {

    EN("en", Locale.ENGLISH, ""),
    KK("kk", Locale.forLanguageTag("kk-KZ"), "[$-43F]"),
    RU("ru", Locale.forLanguageTag("ru-RU"), "[$-419]");

    private final String code;
    private final Locale locale;
    private final String formatLocale;

    Language(String code, Locale locale, String formatLocale) {
        this.code = code;
        this.locale = locale;
        this.formatLocale = formatLocale;
    }

    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }

    /**
     * The locale prefix of a cell's number format: the format code itself is always written with the invariant
     * separators, and the prefix tells the spreadsheet to show it with that locale's decimal comma and space as
     * thousands separator.
     */
    String formatLocale() {
        return formatLocale;
    }

    /** A comma and a non-breaking space for kk and ru, as a Kazakh or Russian reader writes numbers. */
    boolean decimalComma() {
        return this != EN;
    }

    public static Optional<Language> named(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
    }

    public static String codes() {
        return Arrays.stream(values()).map(Language::code).collect(Collectors.joining("|"));
    }

    /** The option of the run if given, else {@code statistics_language} of the rule set, else English. */
    public static Language choose(String option, String ruleSetDefault) {
        String code = option != null ? option : ruleSetDefault;
        return code == null ? EN : named(code).orElseThrow(() -> new IllegalArgumentException(
                "unknown statistics language '" + code + "' (known: " + codes() + ")"));
    }
}
