package kz.orleu.benefits.console;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a VIEWER must not see: IINs and names. A rejected row's value is hidden when its column names a person,
 * or when it is a whole line (no column: the line may hold anything); any twelve-digit run, the shape of an IIN,
 * is hidden wherever it appears.
 */
public final class PersonalData {

    public static final String HIDDEN = "(hidden)";
    private static final Set<String> PERSONAL_COLUMNS = Set.of("iin", "last_name", "first_name");
    private static final Pattern IIN_SHAPED = Pattern.compile("(?<!\\d)\\d{12}(?!\\d)");

    private PersonalData() {
    }

    public static boolean isPersonal(String column) {
        return column == null || column.isBlank() || PERSONAL_COLUMNS.contains(column.strip().toLowerCase());
    }

    /** The row's value as a VIEWER may see it. */
    public static String value(String column, String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return isPersonal(column) ? HIDDEN : withoutIins(value);
    }

    /** The row's message as a VIEWER may see it: without the hidden value, if the message quotes it. */
    public static String message(String column, String value, String message) {
        String text = message;
        if (text != null && value != null && !value.isBlank() && isPersonal(column)) {
            text = text.replace(value, HIDDEN);
        }
        return withoutIins(text);
    }

    public static String withoutIins(String text) {
        return text == null ? null : IIN_SHAPED.matcher(text).replaceAll(HIDDEN);
    }
}
