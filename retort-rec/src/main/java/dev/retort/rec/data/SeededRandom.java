package dev.retort.rec.data;

/**
 * A small, fully specified pseudo-random generator (SplitMix64), so that every seeded operation in
 * retort-rec (subsampling, splits) gives the same result on every JDK. Not thread-safe; not for security.
 */
public final class SeededRandom {
    private long state;

    /** A generator whose whole sequence is fixed by {@code seed}. */
    public SeededRandom(long seed) {
        this.state = seed;
    }

    /** A seed for an independent stream {@code stream} derived from {@code seed} (e.g. one per fold). */
    public static long derive(long seed, long stream) {
        return mix(seed ^ mix(stream + 0x9E3779B97F4A7C15L));
    }

    public long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return mix(state);
    }

    /** Uniform in {@code [0, bound)}; {@code bound > 0}. Rejection sampling keeps it unbiased. */
    public int nextInt(int bound) {
        if (bound <= 0) throw new IllegalArgumentException("bound must be positive: " + bound);
        long limit = Long.MAX_VALUE - (Long.MAX_VALUE % bound);
        long r;
        do {
            r = nextLong() >>> 1;
        } while (r >= limit);
        return (int) (r % bound);
    }

    /** Uniform in {@code [0, 1)} with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Fisher-Yates shuffle of {@code a[from, to)} in place. */
    public void shuffle(int[] a, int from, int to) {
        for (int i = to - 1; i > from; i--) {
            int j = from + nextInt(i - from + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
