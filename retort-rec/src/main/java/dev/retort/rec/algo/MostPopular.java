package dev.retort.rec.algo;

import dev.retort.rec.data.Interactions;

/**
 * Recommends the items with the most distinct training users (score = that count), the same list for
 * everyone minus their own items. No parameters.
 */
public final class MostPopular implements Recommender {
    private final int threads;
    private UserItemMatrix train;
    private float[] popularity;

    public MostPopular(int threads) {
        this.threads = threads;
    }

    @Override
    public String name() {
        return "MostPopular";
    }

    @Override
    public void fit(Interactions data) {
        train = UserItemMatrix.of(data);
        popularity = new float[train.numItems];
        for (int i = 0; i < train.numItems; i++) popularity[i] = train.itemCount(i);
    }

    @Override
    public TopKLists recommend(int[] users, int k) {
        return Ranking.rank(Ranking.fitted(train, name()), users, k, threads,
                () -> (u, s) -> System.arraycopy(popularity, 0, s, 0, s.length));
    }
}
