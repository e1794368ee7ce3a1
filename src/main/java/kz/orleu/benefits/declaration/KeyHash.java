package kz.orleu.benefits.declaration;

import java.security.SecureRandom;
import kz.orleu.benefits.store.PgCopy;

/**
 * A 64-bit hash of a key's text values, seeded. Equal keys always hash alike, whatever the seed: that is all
 * that makes a duplicate certain to be seen. The seed is drawn anew for every screen, so that input written to
 * make different keys collide cannot count on the seed it was made against. It is a fast mixing hash, not a
 * cryptographic one; what a collision costs here is only time (the exact check in SQL that runs without any
 * screen), never a duplicate missed.
 */
record KeyHash(long seed) {

    private static final SecureRandom SEEDS = new SecureRandom();

    static KeyHash withRandomSeed() {
        return new KeyHash(SEEDS.nextLong());
    }

    /** The hash of the values at {@code columns} of {@code values}, none of them null, as they are staged. */
    long of(Object[] values, int[] columns) {
        long h = seed;
        for (int column : columns) {
            String value = PgCopy.storedText((String) values[column]);
            int n = value.length();
            // the length first, so that ("ab", "c") and ("a", "bc") differ
            h = mix(h, n);
            int i = 0;
            for (; i + 4 <= n; i += 4) {
                h = mix(h, value.charAt(i) | (long) value.charAt(i + 1) << 16 | (long) value.charAt(i + 2) << 32
                        | (long) value.charAt(i + 3) << 48);
            }
            long tail = 0;
            for (int shift = 0; i < n; i++, shift += 16) {
                tail |= (long) value.charAt(i) << shift;
            }
            h = mix(h, tail);
        }
        return finish(h);
    }

    /** One step of the state: each part (xor, odd multiplier, xor-shift) is a bijection. */
    private static long mix(long h, long lane) {
        h = (h ^ lane) * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }

    /** MurmurHash3's finalizer: every bit of the state reaches both halves (slot and stored part). */
    private static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return h ^ (h >>> 33);
    }
}
