package dev.retort.rec.algo;

import dev.retort.BugException;
import dev.retort.PlanException;

/** Turns dense per-user item scores into {@link TopKLists}, skipping training items, in parallel over users. */
final class Ranking {
    /** Scores every item for one user; one instance per chunk, so it may keep scratch buffers. */
    interface Scorer {
        /** Fills {@code scores} (length numItems; arrives zeroed) for {@code user}. */
        void score(int user, float[] scores);
    }

    interface ScorerFactory {
        Scorer newScorer();
    }

    private static final int CHUNK = 64;

    private Ranking() {
    }

    static void checkK(int k) {
        if (k < 1) throw PlanException.at("recommend", "k", k, "must be >= 1", "integer >= 1");
    }

    static UserItemMatrix fitted(UserItemMatrix train, String algorithm) {
        if (train == null) throw new BugException(algorithm + ".recommend called before fit");
        return train;
    }

    static TopKLists rank(UserItemMatrix train, int[] users, int k, int threads, ScorerFactory factory) {
        checkK(k);
        int n = users.length, ni = train.numItems;
        int kk = Math.min(k, ni);
        int[] items = new int[n * kk];
        float[] scores = new float[n * kk];
        int[] lengths = new int[n];
        Parallel.forChunks(n, CHUNK, threads, (from, to) -> {
            Scorer scorer = factory.newScorer();
            float[] s = new float[ni];
            TopK top = new TopK(kk);
            for (int r = from; r < to; r++) {
                int u = users[r];
                java.util.Arrays.fill(s, 0f);
                scorer.score(u, s);
                top.reset(kk);
                select(train, u, s, top);
                lengths[r] = top.drainSorted(items, scores, r * kk);
            }
        });
        return TopKLists.compact(users.clone(), lengths, kk, items, scores);
    }

    /** Offers every item not in {@code u}'s training row to {@code top}. */
    static void select(UserItemMatrix train, int u, float[] s, TopK top) {
        int p = 0, end = 0, next = Integer.MAX_VALUE;
        if (u >= 0 && u < train.numUsers) {
            p = train.rowPtr[u];
            end = train.rowPtr[u + 1];
            next = p < end ? train.rowItems[p] : Integer.MAX_VALUE;
        }
        for (int j = 0; j < s.length; j++) {
            if (j == next) {
                p++;
                next = p < end ? train.rowItems[p] : Integer.MAX_VALUE;
                continue;
            }
            top.offer(j, s[j]);
        }
    }
}
