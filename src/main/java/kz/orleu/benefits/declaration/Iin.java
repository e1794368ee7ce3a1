package kz.orleu.benefits.declaration;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/** IIN (ЖСН / ИИН), the 12-digit personal identification number: birth date, century and sex, serial, check digit. */
public final class Iin {

    private static final int[] FIRST_WEIGHTS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    private static final int[] SECOND_WEIGHTS = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};

    private Iin() {
    }

    public static boolean isTwelveDigits(String iin) {
        if (iin == null || iin.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            char c = iin.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** True when the twelfth digit is the check digit of the first eleven (requires twelve digits). */
    public static boolean hasValidCheckDigit(String iin) {
        int check = checkDigit(iin);
        return check >= 0 && check == iin.charAt(11) - '0';
    }

    /** The check digit of the first eleven digits, or -1 when there is none (10 with both sets of weights). */
    public static int checkDigit(CharSequence digits) {
        int check = weightedSum(digits, FIRST_WEIGHTS) % 11;
        if (check == 10) {
            check = weightedSum(digits, SECOND_WEIGHTS) % 11;
        }
        return check == 10 ? -1 : check;
    }

    /** The birth date the IIN encodes (YYMMDD with the century of the seventh digit), if it is a real date. */
    public static Optional<LocalDate> birthDate(String iin) {
        int century = switch (iin.charAt(6)) {
            case '1', '2' -> 1800;
            case '3', '4' -> 1900;
            case '5', '6' -> 2000;
            default -> -1;
        };
        if (century < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(century + Integer.parseInt(iin, 0, 2, 10),
                    Integer.parseInt(iin, 2, 4, 10), Integer.parseInt(iin, 4, 6, 10)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static int weightedSum(CharSequence iin, int[] weights) {
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            sum += (iin.charAt(i) - '0') * weights[i];
        }
        return sum;
    }
}
