package dev.retort.store.jdbc;

/** An open-addressing set of longs: 1,000,000 keys in 16 MiB instead of ~60 MiB of boxed Longs. */
final class LongSet {
    private long[] keys = new long[1 << 12];
    private boolean hasZero;
    private int size;

    /** Adds {@code k}; false when it was already there. */
    boolean add(long k) {
        if (k == 0) {
            boolean had = hasZero;
            hasZero = true;
            return !had;
        }
        if ((size + 1) * 2 > keys.length) grow();
        int mask = keys.length - 1;
        for (int i = mix(k) & mask; ; i = (i + 1) & mask) {
            if (keys[i] == 0) {
                keys[i] = k;
                size++;
                return true;
            }
            if (keys[i] == k) return false;
        }
    }

    private void grow() {
        long[] old = keys;
        keys = new long[old.length * 2];
        size = 0;
        for (long k : old) if (k != 0) add(k);
    }

    private static int mix(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
