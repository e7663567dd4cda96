package dev.retort.rec.metric;

import dev.retort.BugException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class OnePassTest {
    private static final int USERS = 2 * Evaluator.CHUNK + 123, ITEMS = 300;
    private static final int[] KS = {1, 3, 5, 10, 20};
    private static final String[] FAMILIES = {"ndcg", "hr", "precision", "recall", "map", "mrr", "coverage"};
    private static final int[][] LISTS = new int[USERS][];
    private static final int[][] RELEVANT = new int[USERS][];

    static {
        SplittableRandom rnd = new SplittableRandom(42);
        for (int u = 0; u < USERS; u++) {
            LISTS[u] = rnd.ints(rnd.nextInt(25), 0, ITEMS).distinct().toArray();   // lengths 0..24
            RELEVANT[u] = rnd.ints(rnd.nextInt(8), 0, 40).toArray();               // 0..7, popular items
        }
    }

    private static List<MetricSpec> all() {
        List<String> names = new java.util.ArrayList<>();
        for (String f : FAMILIES) for (int k : KS) names.add(f + "@" + k);
        return MetricSpec.parseAll("test", "metrics", names);
    }

    private static EvalResult run(List<MetricSpec> specs, int threads) {
        return Evaluator.of(specs).threads(threads).keepPerUser(true)
                .evaluate(ArrayRankedLists.ofItems(LISTS), Relevance.of(ITEMS, RELEVANT));
    }

    @Test
    void all_cutoffs_in_one_pass_equal_each_metric_computed_alone() {
        EvalResult together = run(all(), 2);
        for (MetricSpec m : all()) {
            assertThat(together.value(m)).as(m.toString()).isEqualTo(run(List.of(m), 1).value(m));
        }
    }

    @Test
    void one_pass_agrees_with_the_textbook_definitions() {
        EvalResult r = run(all(), 2);
        Relevance rel = Relevance.of(ITEMS, RELEVANT);
        for (int k : KS) {
            double[] sums = new double[6];
            int evaluated = 0;
            for (int u = 0; u < USERS; u++) {
                int n = rel.count(u);
                if (n == 0) continue;
                evaluated++;
                int hits = 0, first = 0;
                double dcg = 0, idcg = 0, ap = 0;
                for (int i = 0; i < Math.min(n, k); i++) idcg += 1 / (Math.log(i + 2) / Math.log(2));
                for (int i = 0; i < Math.min(k, LISTS[u].length); i++) {
                    if (!rel.contains(u, LISTS[u][i])) continue;
                    hits++;
                    dcg += 1 / (Math.log(i + 2) / Math.log(2));
                    ap += hits / (i + 1.0);
                    if (first == 0) first = i + 1;
                }
                double[] v = {dcg / idcg, hits > 0 ? 1 : 0, hits / (double) k, hits / (double) n,
                        ap / Math.min(n, k), first == 0 ? 0 : 1.0 / first};
                for (int j = 0; j < 6; j++) sums[j] += v[j];
            }
            assertThat(r.evaluatedUsers()).isEqualTo(evaluated);
            for (int j = 0; j < 6; j++) {
                assertThat(r.value(FAMILIES[j] + "@" + k)).as(FAMILIES[j] + "@" + k)
                        .isCloseTo(sums[j] / evaluated, within(1e-12));
            }
        }
    }

    @Test
    void results_are_identical_across_runs_and_thread_counts() {
        EvalResult one = run(all(), 1);
        EvalResult two = run(all(), 2);
        EvalResult again = run(all(), 2);
        assertThat(two.values()).isEqualTo(one.values());
        assertThat(again.values()).isEqualTo(two.values());
        assertThat(two.perUser().values()).isEqualTo(one.perUser().values());
        assertThat(two.perUser().users()).isEqualTo(one.perUser().users());
    }

    @Test
    void a_repeated_item_in_one_list_is_a_hit_only_once() {
        EvalResult r = Evaluator.of(MetricSpec.parseAll("t", "m", List.of("precision@2", "recall@2")))
                .evaluate(ArrayRankedLists.ofItems(new int[][] {{3, 3}}), Relevance.of(5, new int[][] {{3}}));
        assertThat(r.value("precision@2")).isEqualTo(0.5);   // 1 hit / 2, not 2 / 2
        assertThat(r.value("recall@2")).isEqualTo(1.0);
    }

    @Test
    void list_item_outside_the_catalog_is_a_bug() {
        Evaluator e = Evaluator.of(MetricSpec.parseAll("t", "m", List.of("hr@2")));
        assertThatThrownBy(() -> e.evaluate(ArrayRankedLists.ofItems(new int[][] {{1, 9}}), Relevance.of(5, new int[][] {{1}})))
                .isInstanceOf(BugException.class).hasMessageContaining("item 9 at rank 1, outside the catalog 0..4");
    }

    @Test
    void two_rows_for_one_user_is_a_bug() {
        RankedLists twice = new ArrayRankedLists(new int[] {0, 0}, new int[] {0, 1, 2}, new int[] {1, 2}, new float[2]);
        Evaluator e = Evaluator.of(MetricSpec.parseAll("t", "m", List.of("hr@2")));
        assertThatThrownBy(() -> e.evaluate(twice, Relevance.of(5, new int[][] {{1}})))
                .isInstanceOf(BugException.class).hasMessageContaining("user 0 has rows 0 and 1");
    }
}
