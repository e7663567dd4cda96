package dev.retort.rec.algo;

import dev.retort.rec.test.TestData;
import dev.retort.PlanException;
import dev.retort.space.Config;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlgorithmsTest {
    @Test
    void unknown_algorithm_lists_the_known_ones() {
        assertThatThrownBy(() -> Algorithms.create("SVD++", Config.empty(), "algorithms.SVD++"))
                .isInstanceOf(PlanException.class)
                .hasMessage("algorithms.SVD++: 'SVD++' is not a known algorithm; allowed: MostPopular, Random, ItemKNN, "
                        + "UserKNN, EASE, ALS, BPR (BPRMF = BPR)");
    }

    @Test
    void unknown_parameter_lists_the_algorithms_parameters() {
        assertThatThrownBy(() -> Algorithms.create("ItemKNN", Config.of("neighbours", 5), null))
                .isInstanceOf(PlanException.class)
                .hasMessage("algorithms.ItemKNN.neighbours: 5 is not a parameter of ItemKNN; allowed: alpha, k, shrink, similarity, values");
        assertThatThrownBy(() -> Algorithms.create("MostPopular", Config.of("seed", 5), null))
                .hasMessage("algorithms.MostPopular.seed: 5 is not a parameter of MostPopular; allowed: values");
        assertThatThrownBy(() -> Algorithms.create("Random", Config.of("seed", 5, "k", 1), null))
                .hasMessage("algorithms.Random.k: 1 is not a parameter of Random; allowed: seed");
    }

    @Test
    void out_of_range_values_name_key_path_value_and_range() {
        assertThatThrownBy(() -> Algorithms.create("ItemKNN", Config.of("k", -5), null))
                .hasMessage("algorithms.ItemKNN.k: -5 must be >= 1; allowed: integer >= 1");
        assertThatThrownBy(() -> Algorithms.create("EASE", Config.of("lambda", 0.0), "plan.yaml:4: algorithms.EASE"))
                .hasMessage("plan.yaml:4: algorithms.EASE.lambda: 0.0 must be > 0; allowed: float > 0");
        assertThatThrownBy(() -> Algorithms.create("ALS", Config.of("factors", 0), null))
                .hasMessage("algorithms.ALS.factors: 0 must be >= 1; allowed: integer >= 1");
        assertThatThrownBy(() -> Algorithms.create("UserKNN", Config.of("similarity", "pearson"), null))
                .hasMessage("algorithms.UserKNN.similarity: 'pearson' is not a valid choice; allowed: cosine | jaccard | asymmetric_cosine");
        assertThatThrownBy(() -> Algorithms.create("ItemKNN", Config.of("alpha", 1.5), null))
                .hasMessage("algorithms.ItemKNN.alpha: 1.5 must be <= 1; allowed: float >= 0 and <= 1");
        assertThatThrownBy(() -> Algorithms.create("BPR", Config.of("epochs", 2.5), null))
                .hasMessage("algorithms.BPR.epochs: 2.5 is not an integer; allowed: integer >= 1");
        assertThatThrownBy(() -> Algorithms.create("ALS", Config.of("reg", "high"), null))
                .hasMessage("algorithms.ALS.reg: 'high' is not a number; allowed: float >= 0");
    }

    @Test
    void resolve_fills_defaults_with_canonical_types_so_equal_settings_hash_equal() {
        Config a = Algorithms.resolve("EASE", Config.of("lambda", 500), null);
        Config b = Algorithms.resolve("EASE", Config.empty(), null);
        assertThat(a).isEqualTo(b);
        assertThat(a.toJson()).isEqualTo("{\"lambda\":500.0,\"values\":\"binary\"}");
        assertThat(Algorithms.resolve("ItemKNN", Config.of("k", 20), null).toJson())
                .isEqualTo("{\"alpha\":0.5,\"k\":20,\"shrink\":0.0,\"similarity\":\"cosine\",\"values\":\"binary\"}");
    }

    @Test
    void defaults_are_declared_for_every_algorithm() {
        assertThat(Algorithms.defaults("ALS")).containsEntry("factors", 64L).containsEntry("iterations", 15L)
                .containsEntry("seed", 42L).containsEntry("solver", "cg").containsKeys("reg", "alpha", "cg_steps");
        assertThat(Algorithms.defaults("BPR")).containsOnlyKeys("factors", "learning_rate", "reg", "epochs", "seed", "values");
        assertThat(Algorithms.defaults("MostPopular")).containsOnlyKeys("values");
        for (String n : Algorithms.names()) Algorithms.resolve(n, Config.empty(), null); // defaults pass their own checks
    }

    @Test
    void every_algorithm_that_reads_the_data_says_how_it_uses_rating_values_and_only_als_can_use_ratings() {
        for (String n : Algorithms.names()) {
            if (n.equals("Random")) continue; // ignores the data
            assertThat(Algorithms.defaults(n)).as(n).containsEntry("values", "binary");
        }
        Algorithms.resolve("ALS", Config.of("values", "rating"), null);
        assertThatThrownBy(() -> Algorithms.create("ItemKNN", Config.of("values", "rating"), null))
                .hasMessage("algorithms.ItemKNN.values: 'rating' is not a valid choice; allowed: binary");
    }

    @Test
    void als_with_values_rating_weights_confidence_by_rating_and_binary_ignores_ratings() {
        // the same pairs, one copy with ratings 1 and one with ratings 5 on user 0's items
        dev.retort.rec.data.Interactions ones = TestData.of(
                "a x 1", "a y 1", "b x 1", "b z 1", "c y 1", "c z 1", "d x 1");
        dev.retort.rec.data.Interactions rated = TestData.of(
                "a x 5", "a y 5", "b x 1", "b z 1", "c y 1", "c z 1", "d x 1");
        Config binary = Config.of("factors", 4, "iterations", 3);
        Config rating = Config.of("factors", 4, "iterations", 3, "values", "rating");
        TopKLists b1 = fitted("ALS", binary, ones), b5 = fitted("ALS", binary, rated);
        TopKLists r1 = fitted("ALS", rating, ones), r5 = fitted("ALS", rating, rated);
        assertThat(scores(b5)).containsExactly(scores(b1)); // binary: ratings change nothing
        assertThat(scores(r1)).containsExactly(scores(b1)); // ratings of 1 are binary data
        assertThat(scores(r5)).isNotEqualTo(scores(b1));    // rating 5 raises the confidence
    }

    private static TopKLists fitted(String name, Config p, dev.retort.rec.data.Interactions data) {
        Recommender r = Algorithms.create(name, p, null, 1);
        r.fit(data);
        return r.recommendAll(data.numUsers(), 2);
    }

    private static float[] scores(TopKLists l) {
        float[] out = new float[l.size() * 2];
        for (int r = 0; r < l.size(); r++) for (int p = 0; p < l.length(r); p++) out[r * 2 + p] = l.score(r, p);
        return out;
    }

    @Test
    void bprmf_is_an_alias_of_bpr() {
        assertThat(Algorithms.canonicalName("BPRMF", null)).isEqualTo("BPR");
        assertThat(Algorithms.create("BPRMF", Config.empty(), null).name()).isEqualTo("BPR");
    }
}
