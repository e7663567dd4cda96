package dev.retort.rec.metric;

import org.junit.jupiter.api.Test;

import static dev.retort.rec.metric.SevenUsers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MeansAndExclusionTest {
    private static final double EPS = 1e-9;
    private final EvalResult r = Evaluator.of(specs("ndcg@5", "hr@5", "precision@5", "recall@5", "map@5",
            "mrr@5", "precision@3")).evaluate(lists(), relevance());

    @Test
    void users_without_relevant_items_are_excluded_and_counted() {
        // u0,u1,u2,u3,u5,u6 have relevant items (u3 without a list); u4 has a list but nothing relevant
        assertThat(r.evaluatedUsers()).isEqualTo(6);
        assertThat(r.excludedUsers()).isEqualTo(1);
        assertThat(r.perUser()).isNull();
    }

    @Test
    void means_average_over_evaluated_users_counting_missing_lists_as_zero() {
        // u0,u1,u2,u6 hit; u3 (no list) and u5 (no hit) add 0: 4/6
        assertThat(r.value("hr@5")).isCloseTo(4.0 / 6, within(EPS));
        // (0.6 + 0.2 + 0.6 + 0 + 0 + 0.2) / 6
        assertThat(r.value("precision@5")).isCloseTo(1.6 / 6, within(EPS));
        // (2/3 + 1/3 + 1/3 + 0 + 0 + 1/3) / 6 = 0.2777...
        assertThat(r.value("precision@3")).isCloseTo(0.2777777778, within(EPS));
        // (1 + 1 + 3/7 + 0 + 0 + 1) / 6 = 0.5714285714
        assertThat(r.value("recall@5")).isCloseTo(0.5714285714, within(EPS));
        // (0.7555... + 0.5 + 0.32 + 0 + 0 + 1) / 6 = 0.4292592593
        assertThat(r.value("map@5")).isCloseTo(0.4292592593, within(EPS));
        // (1 + 1/2 + 1/2 + 0 + 0 + 1) / 6
        assertThat(r.value("mrr@5")).isCloseTo(0.5, within(EPS));
        // (0.8854598816 + 0.6309297536 + 0.4912596921 + 0 + 0 + 1) / 6
        assertThat(r.value("ndcg@5")).isCloseTo(0.5012748879, within(EPS));
    }

    @Test
    void values_come_back_in_request_order() {
        assertThat(r.values()).extracting(v -> v.metric().toString())
                .containsExactly("ndcg@5", "hr@5", "precision@5", "recall@5", "map@5", "mrr@5", "precision@3");
    }

    @Test
    void no_evaluated_users_gives_na_n_means() {
        Relevance none = Relevance.of(10, new int[][] {{}, {}});
        EvalResult empty = Evaluator.of(specs("ndcg@5")).evaluate(ArrayRankedLists.ofItems(new int[][] {{1}, {2}}), none);
        assertThat(empty.evaluatedUsers()).isZero();
        assertThat(empty.excludedUsers()).isEqualTo(2);
        assertThat(empty.value("ndcg@5")).isNaN();
    }
}
