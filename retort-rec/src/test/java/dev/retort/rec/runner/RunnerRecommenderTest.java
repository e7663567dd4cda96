package dev.retort.rec.runner;

import dev.retort.PlanException;
import dev.retort.rec.algo.Algorithms;
import dev.retort.rec.algo.Recommender;
import dev.retort.rec.algo.TopKLists;
import dev.retort.rec.data.Interactions;
import dev.retort.rec.test.TestData;
import dev.retort.space.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A runner behind the {@link Recommender} interface, and plan parameters checked against its hello. */
class RunnerRecommenderTest {
    private static RunnerProcess reference(Path dir) {
        return RunnerProcess.start("py", List.of("python3", RunnerProcessTest.REFERENCE.toString()), dir,
                dir.resolve("logs"), RunnerProcessTest.TIMEOUT);
    }

    private static Interactions randomData(int users, int items, int perUser, long seed) {
        Random rnd = new Random(seed);
        int[][] pairs = new int[users * perUser][];
        for (int u = 0, e = 0; u < users; u++)
            for (int j = 0; j < perUser; j++) pairs[e++] = new int[]{u, (int) Math.min(items - 1, Math.abs(rnd.nextGaussian()) * items / 3)};
        return TestData.of(users, items, pairs);
    }

    @Test
    void item_pop_through_the_runner_gives_the_same_lists_as_retort_most_popular(@TempDir Path dir) {
        Interactions train = randomData(200, 60, 8, 7);
        int[] users = new int[train.numUsers()];
        for (int u = 0; u < users.length; u++) users[u] = u;
        Recommender own = Algorithms.create("MostPopular", Config.empty(), "algorithms.MostPopular");
        own.fit(train);
        try (RunnerProcess p = reference(dir)) {
            Map<String, Object> config = RunnerParams.resolve("py", p.hello(), "ItemPop", Map.of(), "algorithms.py.ItemPop");
            Recommender viaRunner = new RunnerRecommender("py", p, "ItemPop", config, 1, dir, RunnerProcessTest.TIMEOUT);
            viaRunner.fit(train);
            TopKLists a = own.recommend(users, 10), b = viaRunner.recommend(users, 10);
            assertThat(b.size()).isEqualTo(a.size());
            for (int r = 0; r < a.size(); r++) assertThat(b.items(r)).as("user " + r).containsExactly(a.items(r));
            assertThat(viaRunner.name()).isEqualTo("py.ItemPop");
        }
    }

    @Test
    void parameters_get_the_runner_defaults(@TempDir Path dir) {
        try (RunnerProcess p = reference(dir)) {
            assertThat(RunnerParams.resolve("py", p.hello(), "ItemKNN", Map.of("k", 20), "algorithms.py.ItemKNN"))
                    .containsEntry("k", 20L).containsEntry("similarity", "cosine");
        }
    }

    @Test
    void unknown_algorithms_and_bad_parameters_are_plan_errors_naming_key_value_and_allowed(@TempDir Path dir) {
        try (RunnerProcess p = reference(dir)) {
            RunnerHello h = p.hello();
            assertThatThrownBy(() -> RunnerParams.resolve("py", h, "BPR", Map.of(), "algorithms.py.BPR"))
                    .isInstanceOf(PlanException.class)
                    .hasMessage("algorithms.py.BPR: algorithms: 'py.BPR' is not an algorithm of runner 'py' "
                            + "(retort-python-example/1.0); allowed: ItemPop, ItemKNN");
            assertThatThrownBy(() -> RunnerParams.resolve("py", h, "ItemKNN", Map.of("neighbours", 5), "algorithms.py.ItemKNN"))
                    .isInstanceOf(PlanException.class)
                    .hasMessage("algorithms.py.ItemKNN: neighbours: 5 is not a parameter of py.ItemKNN; allowed: k, similarity");
            assertThatThrownBy(() -> RunnerParams.resolve("py", h, "ItemKNN", Map.of("k", 0), "algorithms.py.ItemKNN"))
                    .isInstanceOf(PlanException.class)
                    .hasMessage("algorithms.py.ItemKNN.k: 0 is below the minimum; allowed: >= 1");
            assertThatThrownBy(() -> RunnerParams.resolve("py", h, "ItemKNN", Map.of("k", "ten"), "algorithms.py.ItemKNN"))
                    .isInstanceOf(PlanException.class)
                    .hasMessage("algorithms.py.ItemKNN.k: 'ten' is not of type int; allowed: int");
            assertThatThrownBy(() -> RunnerParams.resolve("py", h, "ItemKNN", Map.of("similarity", "pearson"), "algorithms.py.ItemKNN"))
                    .isInstanceOf(PlanException.class)
                    .hasMessage("algorithms.py.ItemKNN.similarity: 'pearson' is not allowed; allowed: [cosine]");
        }
    }
}
