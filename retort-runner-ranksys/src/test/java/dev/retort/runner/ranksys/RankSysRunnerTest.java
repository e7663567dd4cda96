package dev.retort.runner.ranksys;

import dev.retort.rec.algo.Algorithms;
import dev.retort.rec.algo.Recommender;
import dev.retort.rec.algo.TopKLists;
import dev.retort.rec.data.Interactions;
import dev.retort.rec.metric.ArrayRankedLists;
import dev.retort.rec.metric.EvalResult;
import dev.retort.rec.metric.Evaluator;
import dev.retort.rec.metric.Relevance;
import dev.retort.rec.data.Synthetic;
import dev.retort.rec.data.SyntheticSpec;
import dev.retort.rec.runner.RunnerParams;
import dev.retort.rec.runner.RunnerProcess;
import dev.retort.rec.runner.RunnerRecommender;
import dev.retort.space.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The RankSys runner in its own JVM (a real child process), spoken to over protocol 1. */
class RankSysRunnerTest {
    private static RunnerProcess start(Path dir) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return RunnerProcess.start("ranksys", List.of(java, "-cp", System.getProperty("java.class.path"),
                RankSysRunnerMain.class.getName()), dir, dir.resolve("logs"), Duration.ofSeconds(60));
    }

    @Test
    void the_ranksys_runner_says_hello_with_its_four_algorithms(@TempDir Path dir) {
        try (RunnerProcess r = start(dir)) {
            assertThat(r.hello().framework()).isEqualTo("ranksys/0.4.3");
            assertThat(r.hello().algorithms()).containsOnlyKeys("ItemKNN", "UserKNN", "iALS", "PopularityRecommender");
        }
    }

    @Test
    void retort_item_knn_and_ranksys_item_knn_through_the_runner_agree_on_ndcg_at_10(@TempDir Path dir) {
        Interactions all = Synthetic.generate(new SyntheticSpec(600, 400, 24_000, 3, false, false));
        Interactions[] parts = holdout(all, 0.2, 11);
        int[] users = testUsers(parts[1]);
        Recommender own = Algorithms.create("ItemKNN", Config.of("k", 50, "similarity", "cosine"), "algorithms.ItemKNN");
        own.fit(parts[0]);
        double ndcgOwn = ndcg(own.recommend(users, 10), parts[1], 10);
        try (RunnerProcess r = start(dir)) {
            Map<String, Object> config = RunnerParams.resolve("ranksys", r.hello(), "ItemKNN", Map.of("k", 50), "algorithms.ranksys.ItemKNN");
            Recommender viaRunner = new RunnerRecommender("ranksys", r, "ItemKNN", config, 1, dir, Duration.ofSeconds(60));
            viaRunner.fit(parts[0]);
            TopKLists lists = viaRunner.recommend(users, 10);
            assertThat(lists.size()).isEqualTo(users.length);
            double ndcgRunner = ndcg(lists, parts[1], 10);
            assertThat(ndcgOwn).isGreaterThan(0.01);
            assertThat(Math.abs(ndcgRunner - ndcgOwn) / ndcgOwn).as("ndcg retort " + ndcgOwn + " ranksys " + ndcgRunner).isLessThan(0.01);
            // the process serves a second trial: popularity
            Map<String, Object> pop = RunnerParams.resolve("ranksys", r.hello(), "PopularityRecommender", Map.of(), "x");
            Recommender popular = new RunnerRecommender("ranksys", r, "PopularityRecommender", pop, 1, dir, Duration.ofSeconds(60));
            popular.fit(parts[0]);
            assertThat(popular.recommend(users, 10).size()).isEqualTo(users.length);
            assertThat(r.isAlive()).isTrue();
        }
    }

    static Interactions[] holdout(Interactions all, double testShare, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = all.size(), nTest = 0;
        boolean[] test = new boolean[n];
        for (int e = 0; e < n; e++) if (test[e] = rnd.nextDouble() < testShare) nTest++;
        int[] tu = new int[n - nTest], ti = new int[n - nTest], su = new int[nTest], si = new int[nTest];
        int tr = 0, te = 0;
        for (int e = 0; e < n; e++) {
            if (test[e]) { su[te] = all.user(e); si[te++] = all.item(e); }
            else { tu[tr] = all.user(e); ti[tr++] = all.item(e); }
        }
        return new Interactions[]{new Interactions(tu, ti, null, null, all.userIds(), all.itemIds()),
                new Interactions(su, si, null, null, all.userIds(), all.itemIds())};
    }

    static int[] testUsers(Interactions test) {
        boolean[] has = new boolean[test.numUsers()];
        for (int e = 0; e < test.size(); e++) has[test.user(e)] = true;
        return IntStream.range(0, has.length).filter(u -> has[u]).toArray();
    }

    /** NDCG@k by Retort's own Evaluator, as every trial is evaluated: lists row by row, relevance from the test part. */
    static double ndcg(TopKLists lists, Interactions test, int k) {
        int[][] rows = new int[test.numUsers()][0];
        for (int r = 0; r < lists.size(); r++) {
            int[] items = new int[lists.length(r)];
            for (int p = 0; p < items.length; p++) items[p] = lists.item(r, p);
            rows[lists.user(r)] = items;
        }
        EvalResult result = Evaluator.parse("metrics", "metrics", List.of("ndcg@" + k))
                .evaluate(ArrayRankedLists.ofItems(rows), Relevance.of(test));
        return result.value("ndcg@" + k);
    }
}
