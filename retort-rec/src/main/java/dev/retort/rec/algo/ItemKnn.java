package dev.retort.rec.algo;

/**
 * Item-based nearest neighbours on binary feedback. Fit: for every item, its {@code k} most similar items
 * (see {@link Similarity}). Score of item j for user u: the sum of sim(i, j) over the user's training items i
 * that have j among their k neighbours. Parameters: {@code k} (default 50), {@code similarity} (cosine),
 * {@code alpha} (0.5, asymmetric cosine only), {@code shrink} (0), {@code values} (binary only).
 */
public final class ItemKnn extends NeighbourhoodModel {
    private static final int MAGIC = 0x524B4E49; // "RKNI"

    public ItemKnn(int k, Similarity similarity, double alpha, double shrink, int threads) {
        super(MAGIC, k, similarity, alpha, shrink, threads);
    }

    @Override
    public String name() {
        return "ItemKNN";
    }

    @Override
    boolean itemSide() {
        return true;
    }

    @Override
    public TopKLists recommend(int[] users, int k) {
        UserItemMatrix train = Ranking.fitted(this.train, name());
        Neighbours n = neighbours;
        return Ranking.rank(train, users, k, threads, () -> (u, s) -> {
            if (u >= train.numUsers) return;
            for (int p = train.rowPtr[u]; p < train.rowPtr[u + 1]; p++) {
                int i = train.rowItems[p];
                for (int q = n.ptr[i]; q < n.ptr[i + 1]; q++) s[n.ids[q]] += n.sims[q];
            }
        });
    }
}
