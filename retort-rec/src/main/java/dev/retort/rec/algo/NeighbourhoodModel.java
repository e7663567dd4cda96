package dev.retort.rec.algo;

import dev.retort.rec.data.Interactions;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What ItemKNN and UserKNN share: the parameters, the binary training matrix, the {@link Neighbours} of
 * every row on one side (items or users), saving and loading them. Each subclass keeps only its scoring
 * loop, so the hot loops stay as they were, monomorphic per class.
 */
abstract sealed class NeighbourhoodModel implements Recommender, SavableModel permits ItemKnn, UserKnn {
    private final int magic;
    private final int k;
    private final Similarity similarity;
    private final double alpha;
    private final double shrink;
    final int threads;
    UserItemMatrix train;
    Neighbours neighbours;

    NeighbourhoodModel(int magic, int k, Similarity similarity, double alpha, double shrink, int threads) {
        this.magic = magic;
        this.k = k;
        this.similarity = similarity;
        this.alpha = alpha;
        this.shrink = shrink;
        this.threads = threads;
    }

    /** True when neighbours are items (ItemKNN), false when users (UserKNN). */
    abstract boolean itemSide();

    @Override
    public final void fit(Interactions data) {
        train = UserItemMatrix.of(data);
        UserItemMatrix m = train;
        neighbours = itemSide()
                ? Neighbours.compute(m.numItems, m.colPtr, m.colUsers, m.rowPtr, m.rowItems, k, similarity, alpha, shrink, threads)
                : Neighbours.compute(m.numUsers, m.rowPtr, m.rowItems, m.colPtr, m.colUsers, k, similarity, alpha, shrink, threads);
    }

    /** Similarity of row {@code a} to its neighbour {@code b}, or 0 when b is not among a's k neighbours. */
    public final float neighbourSimilarity(int a, int b) {
        Neighbours n = neighbours;
        for (int p = n.ptr[a]; p < n.ptr[a + 1]; p++) if (n.ids[p] == b) return n.sims[p];
        return 0f;
    }

    /** Saves the neighbour lists (the training matrix is not saved: {@link #load} needs it again). */
    @Override
    public final void save(Path file) throws IOException {
        Ranking.fitted(train, name());
        neighbours.save(file, magic);
    }

    /** Restores neighbour lists saved by {@link #save}, with the training data they were fitted on. */
    public final void load(Path file, Interactions data) throws IOException {
        train = UserItemMatrix.of(data);
        neighbours = Neighbours.load(file, magic);
    }
}
