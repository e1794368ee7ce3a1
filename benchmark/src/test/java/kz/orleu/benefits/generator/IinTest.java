package kz.orleu.benefits.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class IinTest {

    @Test
    void acceptsIinsOfTheWorkedExamples() {
        for (String iin : new String[] {"651013362088", "750111327566", "050319678059", "400303468740"}) {
            assertTrue(Iin.isValid(iin), iin);
        }
        assertEquals(LocalDate.of(2005, 3, 19), Iin.birthDate("050319678059"));
        assertEquals(LocalDate.of(1940, 3, 3), Iin.birthDate("400303468740"));
    }

    @Test
    void rejectsWrongCheckDigitAndMalformedValues() {
        assertFalse(Iin.isValid(Iin.withWrongCheckDigit("651013362088")));
        assertFalse(Iin.isValid("65101336208"));
        assertFalse(Iin.isValid("65101336208x"));
        assertFalse(Iin.isValid(null));
    }

    @Test
    void usesTheSecondWeightsWhenTheFirstSumGivesTen() {
        // find an 11-digit prefix whose first weighted sum is 10 mod 11 and check the second weights are used
        String prefix = null;
        for (int serial = 0; serial < 10_000 && prefix == null; serial++) {
            String p = String.format("8001013%04d", serial);
            int s = 0;
            for (int i = 0; i < 11; i++) {
                s += (p.charAt(i) - '0') * (i + 1);
            }
            if (s % 11 == 10) {
                prefix = p;
            }
        }
        int[] w = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};
        int s = 0;
        for (int i = 0; i < 11; i++) {
            s += (prefix.charAt(i) - '0') * w[i];
        }
        int expected = s % 11 == 10 ? -1 : s % 11;
        assertEquals(expected, Iin.checkDigit(prefix));
    }

    @Test
    void centuryAndSexDigit() {
        assertEquals(1, Iin.centuryDigit(1899, true));
        assertEquals(2, Iin.centuryDigit(1899, false));
        assertEquals(3, Iin.centuryDigit(1965, true));
        assertEquals(4, Iin.centuryDigit(1999, false));
        assertEquals(5, Iin.centuryDigit(2000, true));
        assertEquals(6, Iin.centuryDigit(2016, false));
    }

    @Test
    void allocatorNeverRepeatsAnIinForOneBirthDay() {
        IinAllocator allocator = new IinAllocator(7);
        long day = LocalDate.of(2010, 6, 1).toEpochDay();
        Set<String> seen = new HashSet<>();
        String iin;
        while ((iin = allocator.next(day, true)) != null) {
            assertTrue(Iin.isValid(iin), iin);
            assertEquals(LocalDate.ofEpochDay(day), Iin.birthDate(iin));
            assertTrue(Iin.isMale(iin));
            assertTrue(seen.add(iin), "repeated " + iin);
        }
        assertTrue(seen.size() > 8_000, "a slot holds most of the 10,000 serials: " + seen.size());
        assertNull(allocator.next(day, true));
        assertNotEquals(null, allocator.next(day, false));
    }
}
