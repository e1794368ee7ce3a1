package kz.orleu.benefits.generator;

import java.time.LocalDate;

/**
 * The Kazakh individual identification number (ИИН/ЖСН): {@code YYMMDD}, a century-and-sex digit
 * (1/2: 1800s male/female, 3/4: 1900s, 5/6: 2000s), four serial digits and a check digit
 * ({@code sum(d[i] * i) mod 11}, retried with weights 3..11,1,2 when 10; invalid when 10 again).
 *
 * <p>The generator's own arithmetic, written from the rule book: the generator makes test data for the product
 * and does not link to it. The product's tests check that it agrees with the validator's
 * ({@code kz.orleu.benefits.declaration.IinTest}).
 */
public final class Iin {

    private static final int[] SECOND_WEIGHTS = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};

    private Iin() {
    }

    /** Check digit for the first 11 digits of {@code digits}, or -1 when no check digit is possible. */
    public static int checkDigit(CharSequence digits) {
        int s = 0;
        for (int i = 0; i < 11; i++) {
            s += (digits.charAt(i) - '0') * (i + 1);
        }
        int c = s % 11;
        if (c != 10) {
            return c;
        }
        s = 0;
        for (int i = 0; i < 11; i++) {
            s += (digits.charAt(i) - '0') * SECOND_WEIGHTS[i];
        }
        c = s % 11;
        return c == 10 ? -1 : c;
    }

    /** True when {@code iin} is 12 digits with a correct check digit. */
    public static boolean isValid(String iin) {
        if (iin == null || iin.length() != 12 || !iin.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            return false;
        }
        int c = checkDigit(iin);
        return c >= 0 && c == iin.charAt(11) - '0';
    }

    /** The century-and-sex digit for a birth year and sex. */
    public static int centuryDigit(int birthYear, boolean male) {
        int base;
        if (birthYear < 1900) {
            base = 1;
        } else if (birthYear < 2000) {
            base = 3;
        } else {
            base = 5;
        }
        return male ? base : base + 1;
    }

    /** The birth date encoded in a (structurally valid) IIN, or null when the digits make no date. */
    public static LocalDate birthDate(String iin) {
        int c = iin.charAt(6) - '0';
        if (c < 1 || c > 6) {
            return null;
        }
        int century = 1800 + (c - 1) / 2 * 100;
        try {
            return LocalDate.of(century + Integer.parseInt(iin.substring(0, 2)),
                    Integer.parseInt(iin.substring(2, 4)), Integer.parseInt(iin.substring(4, 6)));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** True when the IIN's sex digit says male (odd). */
    public static boolean isMale(String iin) {
        return (iin.charAt(6) - '0') % 2 == 1;
    }

    /**
     * Builds an IIN from a birth date, sex and serial (0..9999), or returns null when that serial has no
     * valid check digit.
     */
    public static String of(LocalDate birth, boolean male, int serial) {
        char[] d = new char[12];
        int y = birth.getYear() % 100;
        d[0] = (char) ('0' + y / 10);
        d[1] = (char) ('0' + y % 10);
        d[2] = (char) ('0' + birth.getMonthValue() / 10);
        d[3] = (char) ('0' + birth.getMonthValue() % 10);
        d[4] = (char) ('0' + birth.getDayOfMonth() / 10);
        d[5] = (char) ('0' + birth.getDayOfMonth() % 10);
        d[6] = (char) ('0' + centuryDigit(birth.getYear(), male));
        d[7] = (char) ('0' + serial / 1000 % 10);
        d[8] = (char) ('0' + serial / 100 % 10);
        d[9] = (char) ('0' + serial / 10 % 10);
        d[10] = (char) ('0' + serial % 10);
        d[11] = '0';
        int c = checkDigit(new String(d, 0, 11));
        if (c < 0) {
            return null;
        }
        d[11] = (char) ('0' + c);
        return new String(d);
    }

    /** The same IIN with a wrong check digit (for deliberately bad rows). */
    public static String withWrongCheckDigit(String iin) {
        int c = iin.charAt(11) - '0';
        return iin.substring(0, 11) + (char) ('0' + (c + 1) % 10);
    }
}
