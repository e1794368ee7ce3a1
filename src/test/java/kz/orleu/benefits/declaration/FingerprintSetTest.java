package kz.orleu.benefits.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FingerprintSetTest {

    @Test
    void everyFingerprintAddedIsFoundAndOneAddedAgainIsARepeat() {
        long[] prints = new SplittableRandom(42).longs(2_000_000).toArray();
        FingerprintSet set = new FingerprintSet(prints.length);
        for (long print : prints) {
            set.add(print);
        }

        assertThat(set.repeated()).as("two million different fingerprints").isFalse();
        assertThat(found(set, prints)).as("found: none missed").isEqualTo(prints.length);
        assertThat(set.size()).isEqualTo(prints.length);
        assertThat(set.tables()).as("sized for them: one table").isEqualTo(1);
        set.add(prints[1_234_567]);
        assertThat(set.repeated()).isTrue();
    }

    @Test
    void aSetSizedTooSmallGrowsAndStillFindsEveryFingerprint() {
        long[] prints = new SplittableRandom(7).longs(300_000).toArray();
        FingerprintSet set = new FingerprintSet(1_000);
        for (long print : prints) {
            set.add(print);
        }

        assertThat(set.tables()).as("tables added as it filled up").isGreaterThan(1);
        assertThat(set.repeated()).isFalse();
        assertThat(found(set, prints)).as("found in whichever table holds it").isEqualTo(prints.length);
        // every table at most 60 % full: at least size / 0.6 slots of 4 bytes
        assertThat(set.bytes()).isGreaterThanOrEqualTo((long) (prints.length / FingerprintSet.MAX_LOAD) * 4);
        set.add(prints[17]);
        assertThat(set.repeated()).as("a fingerprint of the first table again").isTrue();
    }

    @Test
    void fingerprintsThatDifferInEitherHalfAreDifferent() {
        long print = 0x1234_5678_9ABC_DEF0L;
        FingerprintSet set = new FingerprintSet(10);

        set.add(print);
        set.add(print ^ 1);
        set.add(print ^ (1L << 63));
        assertThat(set.repeated()).as("another stored half, another slot half").isFalse();
        set.add(print);
        assertThat(set.repeated()).isTrue();
    }

    @Test
    void aFingerprintWhoseStoredHalfIsZeroIsNotTakenForAnEmptySlot() {
        FingerprintSet set = new FingerprintSet(10);

        set.add(0L);
        assertThat(set.repeated()).isFalse();
        set.add(0L);
        assertThat(set.repeated()).isTrue();
    }

    @Test
    void aRepeatWithinOneBatchOfProbesIsARepeat() {
        FingerprintSet set = new FingerprintSet(10);

        set.add(42L);
        set.add(42L);

        assertThat(set.repeated()).isTrue();
    }

    @Test
    void theIncomesOfAMillionFamiliesTakeAboutSeventyMegabytes() {
        // 9.92 M income rows, estimated 5 % high: ceil(10.42 M / 0.6) + 1 = 17.36 M slots of 4 bytes = 66 MiB
        FingerprintSet set = new FingerprintSet(10_416_000);

        assertThat(set.bytes()).isLessThan(70L << 20);
    }

    private static int found(FingerprintSet set, long[] prints) {
        int found = 0;
        for (long print : prints) {
            if (set.contains(print)) {
                found++;
            }
        }
        return found;
    }
}
