package dev.retort.rec.algo;

import dev.retort.rec.data.Interactions;

import java.io.IOException;
import java.nio.file.Path;

/**
 * User-based nearest neighbours on binary feedback. Fit: for every user, its {@code k} most similar users
 * (see {@link Similarity}). Score of item j for user u: the sum of sim(u, v) over neighbours v who have j.
 * Parameters: {@code k} (default 50), {@code similarity} (cosine), {@code alpha} (0.5, asymmetric cosine
 * only), {@code shrink} (0).
 */
public final class UserKnn implements Recommender, SavableModel {
    private static final int MAGIC = 0x524B4E55; // "RKNU"
    private final int k;
    private final Similarity similarity;
    private final double alpha;
    private final double shrink;
    private final int threads;
    private UserItemMatrix train;
    private Neighbours neighbours;

    public UserKnn(int k, Similarity similarity, double alpha, double shrink, int threads) {
        this.k = k;
        this.similarity = similarity;
        this.alpha = alpha;
        this.shrink = shrink;
        this.threads = threads;
    }

    @Override
    public String name() {
        return "UserKNN";
    }

    @Override
    public void fit(Interactions data) {
        train = UserItemMatrix.of(data);
        neighbours = Neighbours.compute(train.numUsers, train.rowPtr, train.rowItems, train.colPtr, train.colUsers,
                k, similarity, alpha, shrink, threads);
    }

    /** Similarity of user {@code a} to its neighbour {@code b}, or 0 when b is not among a's k neighbours. */
    public float neighbourSimilarity(int a, int b) {
        Neighbours n = neighbours;
        for (int p = n.ptr[a]; p < n.ptr[a + 1]; p++) if (n.ids[p] == b) return n.sims[p];
        return 0f;
    }

    @Override
    public TopKLists recommend(int[] users, int k) {
        Neighbours n = neighbours;
        return Ranking.rank(Ranking.fitted(train, name()), users, k, threads, () -> (u, s) -> {
            if (u >= train.numUsers) return;
            for (int q = n.ptr[u]; q < n.ptr[u + 1]; q++) {
                int v = n.ids[q];
                float w = n.sims[q];
                for (int p = train.rowPtr[v]; p < train.rowPtr[v + 1]; p++) s[train.rowItems[p]] += w;
            }
        });
    }

    /** Saves the neighbour lists (the training matrix is not saved: {@link #load} needs it again). */
    public void save(Path file) throws IOException {
        Ranking.fitted(train, name());
        neighbours.save(file, MAGIC);
    }

    /** Restores neighbour lists saved by {@link #save}, with the training data they were fitted on. */
    public void load(Path file, Interactions data) throws IOException {
        train = UserItemMatrix.of(data);
        neighbours = Neighbours.load(file, MAGIC);
    }
}
