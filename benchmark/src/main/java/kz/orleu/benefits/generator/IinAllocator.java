package kz.orleu.benefits.generator;

import java.time.LocalDate;

/**
 * Hands out unique IINs without remembering them: one counter per (birth date, sex) slot, and the k-th IIN of
 * a slot uses serial {@code (base + k * 7919) mod 10000}, a permutation of 0..9999 (7919 is prime to 10000), so
 * serials never repeat within a slot. Serials without a valid check digit are skipped. Memory is a fixed array
 * of counters (about 0.9 MB for birth dates 1800-2099), whatever the number of people.
 */
final class IinAllocator {

    private static final long FIRST_DAY = LocalDate.of(1800, 1, 1).toEpochDay();
    private static final long LAST_DAY = LocalDate.of(2099, 12, 31).toEpochDay();

    private final short[] used = new short[(int) (LAST_DAY - FIRST_DAY + 1) * 2];
    private final long salt;

    IinAllocator(long salt) {
        this.salt = salt;
    }

    /** A fresh IIN for this birth date and sex, or null when all 10,000 serials of the slot are taken. */
    String next(long birthEpochDay, boolean male) {
        if (birthEpochDay < FIRST_DAY || birthEpochDay > LAST_DAY) {
            throw new IllegalArgumentException("birth date outside 1800-2099");
        }
        int slot = (int) (birthEpochDay - FIRST_DAY) * 2 + (male ? 1 : 0);
        int base = (int) Long.remainderUnsigned(mix(slot ^ salt), 10_000L);
        LocalDate birth = LocalDate.ofEpochDay(birthEpochDay);
        int k = used[slot] & 0xFFFF;
        while (k < 10_000) {
            int serial = (int) ((base + (long) k * 7919) % 10_000);
            k++;
            String iin = Iin.of(birth, male, serial);
            if (iin != null) {
                used[slot] = (short) k;
                return iin;
            }
        }
        used[slot] = (short) k;
        return null;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
