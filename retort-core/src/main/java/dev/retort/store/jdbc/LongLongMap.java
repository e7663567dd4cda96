package dev.retort.store.jdbc;

import java.util.Arrays;

/**
 * An open-addressing map from long to long (config key to trial id) for registrations of millions of configs:
 * two primitive arrays, no boxing. Not thread-safe.
 */
final class LongLongMap {
    static final long ABSENT = Long.MIN_VALUE;

    private long[] keys = new long[1 << 12];
    private long[] values = new long[1 << 12];
    private boolean hasZero;
    private long zeroValue;
    private int size;

    int size() {
        return size + (hasZero ? 1 : 0);
    }

    /** The value under {@code k}, or {@link #ABSENT}. */
    long get(long k) {
        if (k == 0) return hasZero ? zeroValue : ABSENT;
        int mask = keys.length - 1;
        for (int i = mix(k) & mask; ; i = (i + 1) & mask) {
            if (keys[i] == 0) return ABSENT;
            if (keys[i] == k) return values[i];
        }
    }

    /** Puts {@code k -> v} unless {@code k} is there; returns the value already there, or {@link #ABSENT}. */
    long putIfAbsent(long k, long v) {
        if (k == 0) {
            if (hasZero) return zeroValue;
            hasZero = true;
            zeroValue = v;
            return ABSENT;
        }
        if ((size + 1) * 2 > keys.length) grow();
        int mask = keys.length - 1;
        for (int i = mix(k) & mask; ; i = (i + 1) & mask) {
            if (keys[i] == 0) {
                keys[i] = k;
                values[i] = v;
                size++;
                return ABSENT;
            }
            if (keys[i] == k) return values[i];
        }
    }

    /** The keys whose value is at least {@code minValue}, in ascending signed order. */
    long[] sortedKeys(long minValue) {
        long[] out = new long[size()];
        int n = 0;
        if (hasZero && zeroValue >= minValue) out[n++] = 0;
        for (int i = 0; i < keys.length; i++) if (keys[i] != 0 && values[i] >= minValue) out[n++] = keys[i];
        out = Arrays.copyOf(out, n);
        Arrays.sort(out);
        return out;
    }

    private void grow() {
        long[] oldKeys = keys, oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new long[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) if (oldKeys[i] != 0) putIfAbsent(oldKeys[i], oldValues[i]);
    }

    private static int mix(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
