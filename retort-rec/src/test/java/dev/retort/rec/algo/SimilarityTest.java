package dev.retort.rec.algo;

import dev.retort.rec.test.TestData;
import dev.retort.rec.data.Interactions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A 3x3 matrix: u0 = {i0, i1}, u1 = {i0, i2}, u2 = {i0, i1, i2}. Items: |i0| = 3, |i1| = |i2| = 2;
 * overlaps co(i0,i1) = co(i0,i2) = 2, co(i1,i2) = 1. Users: |u0| = |u1| = 2, |u2| = 3; co(u0,u1) = 1,
 * co(u0,u2) = co(u1,u2) = 2.
 */
class SimilarityTest {
    private static final Interactions DATA = TestData.of(3, 3, new int[][]{{0, 0}, {0, 1}, {1, 0}, {1, 2}, {2, 0}, {2, 1}, {2, 2}});

    private static ItemKnn items(Similarity s, double alpha, double shrink) {
        ItemKnn knn = new ItemKnn(5, s, alpha, shrink, 1);
        knn.fit(DATA);
        return knn;
    }

    @Test
    void cosine_is_overlap_over_geometric_mean_of_sizes() {
        ItemKnn knn = items(Similarity.COSINE, 0.5, 0);
        assertThat(knn.neighbourSimilarity(0, 1)).isCloseTo(0.8164966f, within(1e-6f)); // 2 / sqrt(3*2)
        assertThat(knn.neighbourSimilarity(1, 0)).isCloseTo(0.8164966f, within(1e-6f));
        assertThat(knn.neighbourSimilarity(1, 2)).isCloseTo(0.5f, within(1e-6f)); // 1 / sqrt(2*2)
        assertThat(knn.neighbourSimilarity(0, 0)).isZero(); // an item is never its own neighbour
    }

    @Test
    void jaccard_is_overlap_over_union() {
        ItemKnn knn = items(Similarity.JACCARD, 0.5, 0);
        assertThat(knn.neighbourSimilarity(0, 1)).isCloseTo(2f / 3, within(1e-6f)); // 2 / (3+2-2)
        assertThat(knn.neighbourSimilarity(2, 1)).isCloseTo(1f / 3, within(1e-6f)); // 1 / (2+2-1)
    }

    @Test
    void asymmetric_cosine_weighs_the_two_sizes_by_alpha() {
        ItemKnn knn = items(Similarity.ASYMMETRIC_COSINE, 0.25, 0);
        assertThat(knn.neighbourSimilarity(0, 1)).isCloseTo(0.9036020f, within(1e-6f)); // 2 / (3^.25 2^.75)
        assertThat(knn.neighbourSimilarity(1, 0)).isCloseTo(0.7377879f, within(1e-6f)); // 2 / (2^.25 3^.75)
        ItemKnn half = items(Similarity.ASYMMETRIC_COSINE, 0.5, 0);
        assertThat(half.neighbourSimilarity(0, 1)).isCloseTo(0.8164966f, within(1e-6f)); // alpha 0.5 = cosine
    }

    @Test
    void shrink_is_added_to_the_denominator() {
        assertThat(items(Similarity.COSINE, 0.5, 2).neighbourSimilarity(1, 2)).isCloseTo(0.25f, within(1e-6f)); // 1/(2+2)
        assertThat(items(Similarity.COSINE, 0.5, 1).neighbourSimilarity(0, 1)).isCloseTo(0.5797959f, within(1e-6f));
    }

    @Test
    void user_knn_computes_the_same_similarities_over_users() {
        UserKnn knn = new UserKnn(5, Similarity.COSINE, 0.5, 0, 1);
        knn.fit(DATA);
        assertThat(knn.neighbourSimilarity(0, 2)).isCloseTo(0.8164966f, within(1e-6f)); // 2 / sqrt(2*3)
        assertThat(knn.neighbourSimilarity(0, 1)).isCloseTo(0.5f, within(1e-6f)); // 1 / sqrt(2*2)
        UserKnn jac = new UserKnn(5, Similarity.JACCARD, 0.5, 0, 1);
        jac.fit(DATA);
        assertThat(jac.neighbourSimilarity(1, 2)).isCloseTo(2f / 3, within(1e-6f));
    }

    @Test
    void only_the_k_most_similar_neighbours_are_kept_with_ties_to_the_lower_id() {
        ItemKnn knn = new ItemKnn(1, Similarity.COSINE, 0.5, 0, 1);
        knn.fit(DATA);
        // i0's neighbours i1 and i2 tie at 2/sqrt(6): k = 1 keeps i1 only
        assertThat(knn.neighbourSimilarity(0, 1)).isGreaterThan(0f);
        assertThat(knn.neighbourSimilarity(0, 2)).isZero();
    }

    @Test
    void item_knn_scores_sum_the_neighbour_similarities_of_the_users_items() {
        ItemKnn knn = items(Similarity.COSINE, 0.5, 0);
        TopKLists lists = knn.recommend(new int[]{0}, 5);
        // u0 has i0, i1; i2 scores sim(i0,i2) + sim(i1,i2) = 2/sqrt(6) + 1/2
        assertThat(lists.items(0)).containsExactly(2);
        assertThat(lists.score(0, 0)).isCloseTo(0.8164966f + 0.5f, within(1e-6f));
    }
}
