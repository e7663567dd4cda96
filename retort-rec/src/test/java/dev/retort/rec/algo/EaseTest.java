package dev.retort.rec.algo;

import dev.retort.rec.test.TestData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * u0 = {i0, i1}, u1 = {i0, i2}, u2 = {i0, i1, i2}, lambda = 1: G + I = [[4,2,2],[2,3,1],[2,1,3]], determinant 16,
 * P = [[.5,-.25,-.25],[-.25,.5,0],[-.25,0,.5]] by cofactors, so B[i][j] = -P[i][j] / P[j][j] is
 * [[0,.5,.5],[.5,0,0],[.5,0,0]].
 */
class EaseTest {
    private static final int[][] PAIRS = {{0, 0}, {0, 1}, {1, 0}, {1, 2}, {2, 0}, {2, 1}, {2, 2}};

    @Test
    void weights_match_the_hand_computed_closed_form() {
        Ease ease = new Ease(1.0, 1);
        ease.fit(TestData.of(3, 3, PAIRS));
        float[][] expected = {{0, .5f, .5f}, {.5f, 0, 0}, {.5f, 0, 0}};
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                assertThat(ease.weight(i, j)).as("B[%d][%d]", i, j).isCloseTo(expected[i][j], within(1e-6f));
    }

    @Test
    void scores_sum_the_weights_of_the_users_items() {
        Ease ease = new Ease(1.0, 2);
        ease.fit(TestData.of(3, 3, PAIRS));
        TopKLists lists = ease.recommend(new int[]{0, 1}, 3);
        assertThat(lists.items(0)).containsExactly(2); // B[0][2] + B[1][2] = .5 + 0
        assertThat(lists.score(0, 0)).isCloseTo(0.5f, within(1e-6f));
        assertThat(lists.items(1)).containsExactly(1); // B[0][1] + B[2][1] = .5 + 0
        assertThat(lists.score(1, 0)).isCloseTo(0.5f, within(1e-6f));
    }
}
