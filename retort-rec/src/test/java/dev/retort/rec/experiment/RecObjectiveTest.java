package dev.retort.rec.experiment;

import dev.retort.plan.PlanExtension;
import dev.retort.rec.data.spec.DatasetSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecObjectiveTest {
    @TempDir
    Path dir;

    static final String PLAN = """
            experiment: eager
            datasets:
              - name: a
                source: {synthetic: {users: 60, items: 40, interactions: 800, seed: 1}}
                split: {leave_one_out: {by: random, seed: 1}}
              - name: b
                source: {synthetic: {users: 50, items: 30, interactions: 600, seed: 2}}
                split: {kfold: {folds: 2, by: user, seed: 3}}
            algorithms: {MostPopular: {}}
            """;

    @Test
    void a_worker_objective_loads_every_dataset_before_its_first_trial_so_no_trial_seconds_include_loading() {
        RecPlanExtension ext = new RecPlanExtension();
        PlanExtension.Contribution c = ext.parse(new PlanExtension.Source("eager.yaml", PLAN, dir,
                List.of("datasets", "algorithms"), null));
        List<DatasetSpec> specs = RecSpecs.datasets(new dev.retort.plan.Yaml("eager.yaml")
                .compose(c.objective().identity().path("datasets").asText()), dir.resolve("eager.yaml").toString());
        DatasetCache.clear(); // as in a fresh worker process
        ext.objective(c.objective().identity(), c.objective().runtime(), dir);
        assertThat(specs).hasSize(2).allMatch(DatasetCache::isLoaded);
    }

    @Test
    void the_ranking_metric_defaults_to_ndcg_at_10_and_is_always_evaluated() {
        PlanExtension.Contribution c = new RecPlanExtension().parse(new PlanExtension.Source("m.yaml",
                PLAN + "metrics: [recall@20, hr@5]\n", dir, List.of("datasets", "algorithms", "metrics"), null));
        assertThat(c.metric().name()).isEqualTo("ndcg@10");
        assertThat(c.metric().goal().maximize()).isTrue();
        assertThat(c.objective().runtime().path("evaluation").path("metrics").toString()).isEqualTo("[\"recall@20\",\"hr@5\",\"ndcg@10\"]");
        PlanExtension.Contribution declared = new RecPlanExtension().parse(new PlanExtension.Source("m.yaml",
                PLAN + "metrics: [recall@20]\n", dir, List.of("datasets", "algorithms", "metrics"),
                new PlanExtension.DeclaredMetric("recall@20", null, "m.yaml:12")));
        assertThat(declared.metric().name()).isEqualTo("recall@20");
        assertThat(declared.objective().runtime().path("evaluation").path("metrics")).hasSize(1);
    }

    @Test
    void a_list_length_beyond_the_limit_is_refused_not_clamped() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RecPlanExtension().parse(new PlanExtension.Source("k.yaml",
                        PLAN + "evaluation: {k: 200000}\n", dir, List.of("datasets", "algorithms", "evaluation"), null)))
                .isInstanceOf(dev.retort.PlanException.class)
                .hasMessageContaining("k.yaml:").hasMessageContaining("evaluation.k").hasMessageContaining("100000");
    }
}
