package dev.retort.rec.metric;

import org.junit.jupiter.api.Test;

import static dev.retort.rec.metric.SevenUsers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PerUserRankingMetricsTest {
    private static final double EPS = 1e-12;
    private static final double D2 = 1 / (Math.log(3) / Math.log(2));  // 0.6309297536
    private static final double D4 = 1 / (Math.log(5) / Math.log(2));  // 0.4306765581
    private static final double D5 = 1 / (Math.log(6) / Math.log(2));  // 0.3868528072
    private final EvalResult r = evaluate("ndcg@3", "ndcg@5", "hr@5", "precision@3", "precision@5",
            "recall@3", "recall@5", "map@3", "map@5", "mrr@5");

    @Test
    void ndcg_divides_by_ideal_over_min_of_relevant_and_k() {
        // u0@5: DCG = 1 + 0.5 + D5; IDCG over min(3,5)=3 ranks = 1 + D2 + 0.5 -> 0.8854598816
        assertThat(perUser(r, U0, "ndcg@5")).isCloseTo((1 + 0.5 + D5) / (1 + D2 + 0.5), within(EPS))
                .isCloseTo(0.8854598816, within(1e-9));
        // u2@5 has 7 relevant > k: IDCG over 5 ranks = 1 + D2 + 0.5 + D4 + D5; DCG = D2 + D4 + D5 -> 0.4912596921
        assertThat(perUser(r, U2, "ndcg@5")).isCloseTo(0.4912596921, within(1e-9));
        // u1: list [0,7] shorter than 3, hit at rank 2: D2 / 1
        assertThat(perUser(r, U1, "ndcg@3")).isCloseTo(D2, within(EPS));
        assertThat(perUser(r, U6, "ndcg@5")).isEqualTo(1.0);   // hit at rank 1, one relevant
    }

    @Test
    void precision_divides_by_k_even_when_the_list_is_shorter() {
        assertThat(perUser(r, U0, "precision@5")).isCloseTo(3.0 / 5, within(EPS));
        assertThat(perUser(r, U0, "precision@3")).isCloseTo(2.0 / 3, within(EPS));  // hits at ranks 1,3
        assertThat(perUser(r, U1, "precision@5")).isCloseTo(1.0 / 5, within(EPS));  // 2 items listed, still /5
        assertThat(perUser(r, U6, "precision@3")).isCloseTo(1.0 / 3, within(EPS));
    }

    @Test
    void recall_divides_by_all_relevant_items() {
        assertThat(perUser(r, U0, "recall@3")).isCloseTo(2.0 / 3, within(EPS));
        assertThat(perUser(r, U2, "recall@5")).isCloseTo(3.0 / 7, within(EPS));  // 7 relevant > k, can't reach 1
        assertThat(perUser(r, U2, "recall@3")).isCloseTo(1.0 / 7, within(EPS));
    }

    @Test
    void average_precision_divides_by_min_of_relevant_and_k() {
        // u0@5: (1/1 + 2/3 + 3/5) / min(3,5) = 2.2666.../3
        assertThat(perUser(r, U0, "map@5")).isCloseTo((1 + 2.0 / 3 + 3.0 / 5) / 3, within(EPS));
        // u2@5: (1/2 + 2/4 + 3/5) / min(7,5) = 1.6/5 = 0.32
        assertThat(perUser(r, U2, "map@5")).isCloseTo(0.32, within(EPS));
        // u2@3: only the rank-2 hit: (1/2) / min(7,3)
        assertThat(perUser(r, U2, "map@3")).isCloseTo(0.5 / 3, within(EPS));
        assertThat(perUser(r, U1, "map@5")).isCloseTo(0.5, within(EPS));  // (1/2) / min(1,5)
    }

    @Test
    void hit_rate_and_reciprocal_rank_follow_the_first_hit() {
        assertThat(perUser(r, U0, "mrr@5")).isEqualTo(1.0);
        assertThat(perUser(r, U2, "mrr@5")).isEqualTo(0.5);
        assertThat(perUser(r, U5, "hr@5")).isZero();
        assertThat(perUser(r, U5, "mrr@5")).isZero();
        assertThat(perUser(r, U1, "hr@5")).isEqualTo(1.0);
    }

    @Test
    void relevant_user_without_predictions_scores_zero_on_every_metric() {
        for (MetricSpec m : r.perUser().columns()) assertThat(perUser(r, U3, m.toString())).as(m.toString()).isZero();
        assertThat(r.perUser().users()).contains(U3).doesNotContain(4);
    }

    @Test
    void cutoff_beyond_the_hits_sees_no_later_items() {
        EvalResult atOne = evaluate("hr@1", "mrr@1", "ndcg@1");
        assertThat(perUser(atOne, U2, "hr@1")).isZero();    // first hit of u2 is at rank 2
        assertThat(perUser(atOne, U2, "mrr@1")).isZero();
        assertThat(perUser(atOne, U0, "ndcg@1")).isEqualTo(1.0);
    }
}
