package dev.retort.rec.algo;

import dev.retort.PlanException;
import dev.retort.space.Config;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlgorithmsTest {
    @Test
    void unknownAlgorithmListsTheKnownOnes() {
        assertThatThrownBy(() -> Algorithms.create("SVD++", Config.empty(), "algorithms.SVD++"))
                .isInstanceOf(PlanException.class)
                .hasMessage("algorithms.SVD++: 'SVD++' is not a known algorithm; allowed: MostPopular, Random, ItemKNN, "
                        + "UserKNN, EASE, ALS, BPR (BPRMF = BPR)");
    }

    @Test
    void unknownParameterListsTheAlgorithmsParameters() {
        assertThatThrownBy(() -> Algorithms.create("ItemKNN", Config.of("neighbours", 5), null))
                .isInstanceOf(PlanException.class)
                .hasMessage("algorithms.ItemKNN.neighbours: 5 is not a parameter of ItemKNN; allowed: alpha, k, shrink, similarity");
        assertThatThrownBy(() -> Algorithms.create("MostPopular", Config.of("seed", 5), null))
                .hasMessage("algorithms.MostPopular.seed: 5 is not a parameter of MostPopular; allowed: no parameters");
    }

    @Test
    void outOfRangeValuesNameKeyPathValueAndRange() {
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
    void resolveFillsDefaultsWithCanonicalTypesSoEqualSettingsHashEqual() {
        Config a = Algorithms.resolve("EASE", Config.of("lambda", 500), null);
        Config b = Algorithms.resolve("EASE", Config.empty(), null);
        assertThat(a).isEqualTo(b);
        assertThat(a.toJson()).isEqualTo("{\"lambda\":500.0}");
        assertThat(Algorithms.resolve("ItemKNN", Config.of("k", 20), null).toJson())
                .isEqualTo("{\"alpha\":0.5,\"k\":20,\"shrink\":0.0,\"similarity\":\"cosine\"}");
    }

    @Test
    void defaultsAreDeclaredForEveryAlgorithm() {
        assertThat(Algorithms.defaults("ALS")).containsEntry("factors", 64L).containsEntry("iterations", 15L)
                .containsEntry("seed", 42L).containsEntry("solver", "cg").containsKeys("reg", "alpha", "cg_steps");
        assertThat(Algorithms.defaults("BPR")).containsOnlyKeys("factors", "learning_rate", "reg", "epochs", "seed");
        assertThat(Algorithms.defaults("MostPopular")).isEmpty();
        for (String n : Algorithms.names()) Algorithms.resolve(n, Config.empty(), null); // defaults pass their own checks
    }

    @Test
    void bprmfIsAnAliasOfBpr() {
        assertThat(Algorithms.canonicalName("BPRMF", null)).isEqualTo("BPR");
        assertThat(Algorithms.create("BPRMF", Config.empty(), null).name()).isEqualTo("BPR");
    }
}
