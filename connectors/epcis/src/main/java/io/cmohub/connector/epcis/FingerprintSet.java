package io.cmohub.connector.epcis;

/**
 * A set of 64-bit EPC fingerprints in one primitive array (open addressing, linear probing): 8 to 16
 * bytes per EPC instead of the ~100 of a String in a HashSet. {@link Fingerprint}s end in a full
 * avalanche, so their low bits index the table directly. Two different EPCs share a fingerprint
 * with probability about n^2 / 2^65 for n EPCs (about 3 in 10 million for 5 million EPCs); such a
 * pair would be taken for a duplicate.
 */
final class FingerprintSet {
    private static final long EMPTY = 0L;
    /** Stands in for the fingerprint 0, which marks an empty slot. */
    private static final long ZERO = 0x9E3779B97F4A7C15L;

    private long[] table;
    private int size;

    FingerprintSet(int expected) {
        int capacity = 16;
        while (capacity * 3L / 4 < expected && capacity < 1 << 30) {
            capacity <<= 1;
        }
        table = new long[capacity];
    }

    int size() {
        return size;
    }

    /** The content of the slot where a lookup of {@code fingerprint} starts (to bring it into the cache). */
    long slot(long fingerprint) {
        long key = fingerprint == EMPTY ? ZERO : fingerprint;
        return table[(int) key & (table.length - 1)];
    }

    int capacity() {
        return table.length;
    }

    void clear() {
        if (size > 0) {
            java.util.Arrays.fill(table, EMPTY);
            size = 0;
        }
    }

    boolean contains(long fingerprint) {
        long key = fingerprint == EMPTY ? ZERO : fingerprint;
        int mask = table.length - 1;
        for (int i = (int) key & mask; ; i = (i + 1) & mask) {
            long slot = table[i];
            if (slot == EMPTY) {
                return false;
            }
            if (slot == key) {
                return true;
            }
        }
    }

    /** Adds the fingerprint; false if it was there already. */
    boolean add(long fingerprint) {
        long key = fingerprint == EMPTY ? ZERO : fingerprint;
        if ((size + 1) * 4L > table.length * 3L) {
            grow();
        }
        int mask = table.length - 1;
        for (int i = (int) key & mask; ; i = (i + 1) & mask) {
            long slot = table[i];
            if (slot == EMPTY) {
                table[i] = key;
                size++;
                return true;
            }
            if (slot == key) {
                return false;
            }
        }
    }

    /**
     * Removes the fingerprint; false if it was not there. Linear probing needs no tombstones: the
     * entries after the gap in its run move back into it unless that would put them before the slot
     * they hash to, so every lookup still finds its key before an empty slot.
     */
    boolean remove(long fingerprint) {
        long key = fingerprint == EMPTY ? ZERO : fingerprint;
        int mask = table.length - 1;
        int gap = (int) key & mask;
        while (table[gap] != key) {
            if (table[gap] == EMPTY) {
                return false;
            }
            gap = (gap + 1) & mask;
        }
        for (int j = (gap + 1) & mask; table[j] != EMPTY; j = (j + 1) & mask) {
            int home = (int) table[j] & mask;
            // the entry at j may fill the gap unless its home lies cyclically in (gap, j]
            boolean homeAfterGap = gap <= j ? gap < home && home <= j : gap < home || home <= j;
            if (!homeAfterGap) {
                table[gap] = table[j];
                gap = j;
            }
        }
        table[gap] = EMPTY;
        size--;
        return true;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        int mask = table.length - 1;
        for (long key : old) {
            if (key != EMPTY) {
                int i = (int) key & mask;
                while (table[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                table[i] = key;
            }
        }
    }
}
