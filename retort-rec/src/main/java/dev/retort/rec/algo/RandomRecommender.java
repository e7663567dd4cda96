package dev.retort.rec.algo;

import dev.retort.rec.data.Interactions;

/**
 * Ranks items at random: the score of (user, item) is a uniform float in [0, 1) hashed from
 * (seed, user, item), so a user's list does not depend on which other users are asked for, nor on threads.
 * Parameter: {@code seed} (long).
 */
public final class RandomRecommender implements Recommender {
    private final long seed;
    private final int threads;
    private UserItemMatrix train;

    public RandomRecommender(long seed, int threads) {
        this.seed = seed;
        this.threads = threads;
    }

    @Override
    public String name() {
        return "Random";
    }

    @Override
    public void fit(Interactions data) {
        train = UserItemMatrix.of(data);
    }

    @Override
    public TopKLists recommend(int[] users, int k) {
        return Ranking.rank(Ranking.fitted(train, name()), users, k, threads, () -> (u, s) -> {
            long base = mix(seed ^ mix(u + 0x9E3779B97F4A7C15L));
            for (int j = 0; j < s.length; j++) s[j] = (mix(base + j) >>> 40) * 0x1.0p-24f;
        });
    }

    /** A 64-bit finaliser (xor-shift-multiply) that spreads nearby inputs over the whole range. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
