package dev.retort.rec.metric;

import org.junit.jupiter.api.Test;

import static dev.retort.rec.metric.SevenUsers.*;
import static org.assertj.core.api.Assertions.assertThat;

class CoverageTest {
    @Test
    void coverage_counts_distinct_top_k_items_of_evaluated_users_over_the_catalog() {
        EvalResult r = evaluate("coverage@1", "coverage@3", "coverage@5");
        // top-1 of u0,u1,u2,u5,u6: {1,0,9,8,6} = 5 of 10
        assertThat(r.value("coverage@1")).isEqualTo(0.5);
        // top-3: {1,2,3} + {0,7} + {9,0,8} + {8,9} + {6} = {0,1,2,3,6,7,8,9} = 8 of 10.
        // u4's list [3,4] would add item 4 (-> 0.9), but u4 has nothing relevant and is excluded.
        assertThat(r.value("coverage@3")).isEqualTo(0.8);
        // top-5 adds u0's 4 and 5: all 10
        assertThat(r.value("coverage@5")).isEqualTo(1.0);
    }

    @Test
    void catalog_size_override_is_the_denominator() {
        EvalResult r = Evaluator.of(specs("coverage@3")).catalogSize(20).evaluate(lists(), relevance());
        assertThat(r.value("coverage@3")).isEqualTo(8.0 / 20);
    }

    @Test
    void coverage_is_the_same_with_one_or_two_threads() {
        int users = 3 * Evaluator.CHUNK;   // several chunks, so both threads take some
        int[][] lists = new int[users][];
        int[][] relevant = new int[users][];
        for (int u = 0; u < users; u++) {
            lists[u] = new int[] {u % 97, (u * 7) % 1000};
            relevant[u] = new int[] {u % 97};
        }
        Relevance rel = Relevance.of(1000, relevant);
        Evaluator e = Evaluator.of(specs("coverage@1", "coverage@2"));
        EvalResult one = e.threads(1).evaluate(ArrayRankedLists.ofItems(lists), rel);
        EvalResult two = e.threads(2).evaluate(ArrayRankedLists.ofItems(lists), rel);
        // rank 1: items 0..96 -> 97/1000; rank 2 adds (7u mod 1000) which reaches all 1000 residues over 12288 users
        assertThat(one.value("coverage@1")).isEqualTo(0.097);
        assertThat(one.value("coverage@2")).isEqualTo(1.0);
        assertThat(two.values()).isEqualTo(one.values());
    }
}
