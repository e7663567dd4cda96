package dev.retort.rec.algo;

import dev.retort.rec.test.TestData;
import dev.retort.rec.data.Interactions;
import dev.retort.rec.data.Synthetic;
import dev.retort.rec.data.SyntheticSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** ALS and BPR: they reduce their losses and rank much better than random on structured data. */
class FactorModelTest {
    private static final Interactions ALL = Synthetic.generate(new SyntheticSpec(400, 200, 12_000, 3, false, false));
    private static final Interactions[] SPLIT = TestData.holdout(ALL, 0.2, 9);
    private static final int[] USERS = TestData.testUsers(SPLIT[1]);

    private static double lossAfter(int iterations, Als.Solver solver) {
        Als als = new Als(16, 0.1, 2.0, iterations, 11, solver, 3, false, 2);
        als.fit(SPLIT[0]);
        return als.loss();
    }

    @Test
    void als_loss_falls_with_every_iteration_for_both_solvers() {
        for (Als.Solver s : Als.Solver.values()) {
            double l1 = lossAfter(1, s), l2 = lossAfter(2, s), l5 = lossAfter(5, s);
            assertThat(l2).as("%s", s).isLessThan(l1);
            assertThat(l5).as("%s", s).isLessThan(l2);
        }
    }

    @Test
    void als_conjugate_gradient_approaches_the_exact_solve() {
        double exact = lossAfter(8, Als.Solver.CHOLESKY), cg = lossAfter(8, Als.Solver.CG);
        assertThat(cg).isBetween(exact, exact * 1.02);
    }

    @Test
    void als_and_bpr_beat_random_by_a_wide_margin() {
        RandomRecommender random = new RandomRecommender(1, 2);
        random.fit(SPLIT[0]);
        double base = TestData.ndcg(random.recommend(USERS, 10), SPLIT[1], 10);
        Als als = new Als(16, 0.1, 2.0, 8, 11, Als.Solver.CG, 3, false, 2);
        als.fit(SPLIT[0]);
        Bpr bpr = new Bpr(16, 0.05, 0.01, 30, 11, 1);
        bpr.fit(SPLIT[0]);
        assertThat(TestData.ndcg(als.recommend(USERS, 10), SPLIT[1], 10)).isGreaterThan(2 * base + 0.05);
        assertThat(TestData.ndcg(bpr.recommend(USERS, 10), SPLIT[1], 10)).isGreaterThan(2 * base + 0.05);
    }

    @Test
    void bpr_sampled_loss_falls_over_epochs() {
        Bpr bpr = new Bpr(16, 0.05, 0.01, 10, 11, 1);
        bpr.fit(SPLIT[0]);
        double[] losses = bpr.epochLosses();
        assertThat(losses).hasSize(10);
        assertThat(losses[0]).isLessThan(Math.log(2) + 0.01); // near-zero initial factors give about ln 2
        assertThat(losses[9]).isLessThan(losses[0] * 0.8);
    }
}
