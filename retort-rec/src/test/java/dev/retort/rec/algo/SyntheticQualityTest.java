package dev.retort.rec.algo;

import dev.retort.rec.test.TestData;
import dev.retort.rec.data.Interactions;
import dev.retort.rec.data.Synthetic;
import dev.retort.rec.data.SyntheticSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The synthetic generator separates the algorithms: ItemKNN > MostPopular > Random on NDCG@10. */
class SyntheticQualityTest {
    @Test
    void neighbours_beat_popularity_which_beats_random() {
        Interactions all = Synthetic.generate(new SyntheticSpec(1000, 500, 40_000, 21, false, false));
        Interactions[] split = TestData.holdout(all, 0.2, 4);
        int[] users = TestData.testUsers(split[1]);
        double[] ndcg = new double[3];
        Recommender[] algos = {new RandomRecommender(3, 2), new MostPopular(2), new ItemKnn(50, Similarity.COSINE, 0.5, 0, 2)};
        for (int a = 0; a < 3; a++) {
            algos[a].fit(split[0]);
            ndcg[a] = TestData.ndcg(algos[a].recommend(users, 10), split[1], 10);
        }
        assertThat(ndcg[1]).isGreaterThan(2 * ndcg[0]);
        assertThat(ndcg[2]).isGreaterThan(1.3 * ndcg[1]);
    }
}
