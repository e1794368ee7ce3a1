package kz.orleu.benefits.declaration;

import java.util.ArrayList;
import java.util.List;

/**
 * The 64-bit fingerprints seen so far, in about 7 bytes each, answering whether one was added twice. It may answer
 * yes when none was (a false positive: for a file of ten million keys, about one in five hundred files), never no
 * when one was: it only decides whether the exact check in SQL is needed. Fingerprints must be well mixed
 * ({@link KeyHash}'s are): their high half places them. One thread at a time.
 *
 * <p>A table is open-addressed {@code int}s, at most 60 % full, probed linearly. A fingerprint's high 32 bits
 * choose its slot and only its low 32 bits are stored, so a false repeat needs both a stored value equal to the
 * low half and that value among the few slots probed from the same place (0.75 of them on average at 60 %): 10
 * million fingerprints give a false positive with a probability of about 0.2 %, where a set of 32-bit
 * fingerprints compared with each other would give thousands. The price of storing half: a table cannot be
 * rehashed into a larger one. When the table fills up, a new one takes the fingerprints that come next, half as
 * large as all the tables so far, and a fingerprint is looked up in each; sized well from the start
 * ({@code expected}), there is only one.
 */
final class FingerprintSet {

    static final double MAX_LOAD = 0.6;
    /** Below this a table costs more in headers than in slots. */
    private static final int MIN_CAPACITY = 1 << 10;
    /** The largest table, well within an array's limit; more tables follow it if needed. */
    private static final int MAX_CAPACITY = 1 << 30;
    /** The value of a slot that holds nothing; a fingerprint whose low half is 0 is stored as 1. */
    private static final int EMPTY = 0;
    /**
     * Fingerprints are probed a batch at a time. A probe of a large table waits for memory (about 200 ns on the
     * build machine); in a tight loop of probes the processor has many of those waits in flight at once, 20 ns a
     * fingerprint, whereas hashing a key between two probes leaves it room for only one.
     */
    private static final int BATCH = 1024;

    private final List<Table> tables = new ArrayList<>();
    private final long[] pending = new long[BATCH];
    private int pendingCount;
    private long size;
    private boolean repeated;

    /** A set with room for {@code expected} fingerprints in one table. */
    FingerprintSet(long expected) {
        tables.add(new Table(capacityFor(expected)));
    }

    /** Adds {@code fingerprint}; whether it was added before shows in {@link #repeated()}. */
    void add(long fingerprint) {
        pending[pendingCount++] = fingerprint;
        if (pendingCount == BATCH) {
            probePending();
        }
    }

    /** Whether a fingerprint was added more than once (or, rarely, looked as if it was). */
    boolean repeated() {
        probePending();
        return repeated;
    }

    /** Whether {@code fingerprint} was added (or, rarely, looks as if it was). */
    boolean contains(long fingerprint) {
        probePending();
        int stored = stored(fingerprint);
        return tables.stream().anyMatch(t -> t.contains(fingerprint, stored));
    }

    /** Fingerprints added once (false positives of {@link #repeated()} not counted). */
    long size() {
        probePending();
        return size;
    }

    /** The heap its tables take, for the log. */
    long bytes() {
        return tables.stream().mapToLong(t -> 4L * t.slots.length).sum();
    }

    int tables() {
        return tables.size();
    }

    static int capacityFor(long expected) {
        return (int) Math.min(MAX_CAPACITY, Math.max(MIN_CAPACITY, (long) Math.ceil(expected / MAX_LOAD) + 1));
    }

    private void probePending() {
        for (int i = 0; i < pendingCount; i++) {
            probe(pending[i]);
        }
        pendingCount = 0;
    }

    private void probe(long fingerprint) {
        int stored = stored(fingerprint);
        int last = tables.size() - 1;
        for (int i = 0; i < last; i++) {
            if (tables.get(i).contains(fingerprint, stored)) {
                repeated = true;
                return;
            }
        }
        Table newest = tables.get(last);
        if (!newest.insert(fingerprint, stored)) {
            repeated = true;
            return;
        }
        size++;
        if (newest.full()) {
            long allSlots = tables.stream().mapToLong(t -> t.slots.length).sum();
            tables.add(new Table((int) Math.min(MAX_CAPACITY, Math.max(MIN_CAPACITY, allSlots / 2))));
        }
    }

    private static int stored(long fingerprint) {
        return (int) fingerprint == EMPTY ? 1 : (int) fingerprint;
    }

    private static final class Table {

        private final int[] slots;
        private final int limit;
        private int used;

        Table(int capacity) {
            slots = new int[capacity];
            limit = (int) (capacity * MAX_LOAD);
        }

        /** The slot a fingerprint's probe starts at: its high half scaled to the capacity (any size, not 2^k). */
        private int home(long fingerprint) {
            return (int) (((fingerprint >>> 32) * slots.length) >>> 32);
        }

        boolean contains(long fingerprint, int stored) {
            return slots[find(fingerprint, stored)] == stored;
        }

        /** Stores {@code stored} unless found on the way; true when stored. */
        boolean insert(long fingerprint, int stored) {
            int i = find(fingerprint, stored);
            if (slots[i] == stored) {
                return false;
            }
            slots[i] = stored;
            used++;
            return true;
        }

        /** The slot holding {@code stored} on the fingerprint's probe, or the empty slot that ends it. */
        private int find(long fingerprint, int stored) {
            int i = home(fingerprint);
            while (slots[i] != stored && slots[i] != EMPTY) {
                i = next(i);
            }
            return i;
        }

        boolean full() {
            return used >= limit;
        }

        private int next(int i) {
            return i + 1 == slots.length ? 0 : i + 1;
        }
    }
}
