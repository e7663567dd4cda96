package dev.retort.rec.algo;

import dev.retort.BugException;
import dev.retort.PlanException;
import dev.retort.rec.data.Interactions;
import dev.retort.rec.data.Synthetic;
import dev.retort.rec.data.SyntheticSpec;
import dev.retort.space.Config;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every registered algorithm promises: exclusion, ordering, determinism, argument checks. */
class RecommenderContractTest {
    private static final Interactions DATA = Synthetic.generate(new SyntheticSpec(150, 80, 3000, 5, false, false));
    private static final Config SMALL = Config.of("factors", 8, "iterations", 3);

    static List<String> algorithms() {
        return Algorithms.names();
    }

    private static Recommender make(String name, int threads) {
        Config c = switch (name) {
            case "ALS" -> SMALL;
            case "BPR" -> Config.of("factors", 8, "epochs", 3);
            case "ItemKNN", "UserKNN" -> Config.of("k", 10);
            case "EASE" -> Config.of("lambda", 10.0);
            default -> Config.empty();
        };
        return Algorithms.create(name, c, null, threads);
    }

    private static int[] allUsers() {
        return java.util.stream.IntStream.range(0, DATA.numUsers()).toArray();
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void never_recommends_a_training_item_and_returns_all_others_when_k_is_large(String name) {
        Recommender r = make(name, 2);
        r.fit(DATA);
        TopKLists lists = r.recommend(allUsers(), 1000);
        for (int row = 0; row < lists.size(); row++) {
            int u = lists.user(row);
            Set<Integer> seen = new HashSet<>();
            for (int e = 0; e < DATA.size(); e++) if (DATA.user(e) == u) seen.add(DATA.item(e));
            assertThat(lists.length(row)).as("user %d", u).isEqualTo(DATA.numItems() - seen.size());
            for (int item : lists.items(row)) assertThat(seen).as("user %d", u).doesNotContain(item);
        }
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void lists_are_sorted_by_score_descending_then_item_ascending(String name) {
        Recommender r = make(name, 1);
        r.fit(DATA);
        TopKLists lists = r.recommend(allUsers(), 30);
        for (int row = 0; row < lists.size(); row++)
            for (int p = 1; p < lists.length(row); p++) {
                float a = lists.score(row, p - 1), b = lists.score(row, p);
                assertThat(a > b || (a == b && lists.item(row, p - 1) < lists.item(row, p)))
                        .as("%s user %d rank %d", name, lists.user(row), p).isTrue();
            }
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void two_fits_give_identical_lists_with_one_or_two_threads(String name) {
        Recommender one = make(name, 1), two = make(name, 2);
        one.fit(DATA);
        two.fit(DATA);
        TopKLists a = one.recommend(allUsers(), 10), b = two.recommend(allUsers(), 10);
        assertThat(a).isEqualTo(b);
        Recommender again = make(name, 2);
        again.fit(DATA);
        assertThat(again.recommend(allUsers(), 10)).isEqualTo(b);
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void rejects_k_below_one_and_recommend_before_fit(String name) {
        Recommender r = make(name, 1);
        assertThatThrownBy(() -> r.recommend(new int[]{0}, 10)).isInstanceOf(BugException.class)
                .hasMessageContaining("before fit");
        r.fit(DATA);
        assertThatThrownBy(() -> r.recommend(new int[]{0}, 0)).isInstanceOf(PlanException.class)
                .hasMessage("recommend: k: 0 must be >= 1; allowed: integer >= 1");
    }
}
