package dev.retort.rec.algo;

/**
 * User-based nearest neighbours on binary feedback. Fit: for every user, its {@code k} most similar users
 * (see {@link Similarity}). Score of item j for user u: the sum of sim(u, v) over neighbours v who have j.
 * Parameters: {@code k} (default 50), {@code similarity} (cosine), {@code alpha} (0.5, asymmetric cosine
 * only), {@code shrink} (0), {@code values} (binary only).
 */
public final class UserKnn extends NeighbourhoodModel {
    private static final int MAGIC = 0x524B4E55; // "RKNU"

    public UserKnn(int k, Similarity similarity, double alpha, double shrink, int threads) {
        super(MAGIC, k, similarity, alpha, shrink, threads);
    }

    @Override
    public String name() {
        return "UserKNN";
    }

    @Override
    boolean itemSide() {
        return false;
    }

    @Override
    public TopKLists recommend(int[] users, int k) {
        UserItemMatrix train = Ranking.fitted(this.train, name());
        Neighbours n = neighbours;
        return Ranking.rank(train, users, k, threads, () -> (u, s) -> {
            if (u >= train.numUsers) return;
            for (int q = n.ptr[u]; q < n.ptr[u + 1]; q++) {
                int v = n.ids[q];
                float w = n.sims[q];
                for (int p = train.rowPtr[v]; p < train.rowPtr[v + 1]; p++) s[train.rowItems[p]] += w;
            }
        });
    }
}
