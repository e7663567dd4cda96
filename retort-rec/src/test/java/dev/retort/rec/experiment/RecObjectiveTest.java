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
    void without_a_metric_key_the_ranking_metric_does_not_depend_on_the_order_of_metrics() {
        for (String list : List.of("[recall@20, hr@5, ndcg@20]", "[ndcg@20, recall@20, hr@5]")) {
            PlanExtension.Contribution c = parse(list, null);
            assertThat(c.metric().name()).as(list).isEqualTo("ndcg@20");
            assertThat(c.metric().goal().maximize()).isTrue();
        }
        assertThat(parse("[recall@20, hr@5, ndcg@10, ndcg@5]", null).metric().name()).isEqualTo("ndcg@10");
        assertThat(parse("[recall@20, hr@5]", null).metric().name()).isEqualTo("hr@5");
    }

    @Test
    void a_declared_metric_ranks_and_is_evaluated_even_when_metrics_does_not_list_it() {
        PlanExtension.Contribution c = parse("[recall@20]", new PlanExtension.DeclaredMetric("mrr@10", null, "m.yaml:12"));
        assertThat(c.metric().name()).isEqualTo("mrr@10");
        assertThat(c.metric().goal().maximize()).isTrue();
        assertThat(c.objective().runtime().path("evaluation").path("metrics").toString()).isEqualTo("[\"recall@20\",\"mrr@10\"]");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse("[recall@20]", new PlanExtension.DeclaredMetric("ndcg", null, "m.yaml:12")))
                .hasMessageContaining("m.yaml:12").hasMessageContaining("metric");
    }

    private PlanExtension.Contribution parse(String metrics, PlanExtension.DeclaredMetric declared) {
        return new RecPlanExtension().parse(new PlanExtension.Source("m.yaml", PLAN + "metrics: " + metrics + "\n", dir,
                List.of("datasets", "algorithms", "metrics"), declared));
    }

    @Test
    void a_list_length_beyond_the_limit_is_refused_not_clamped() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RecPlanExtension().parse(new PlanExtension.Source("k.yaml",
                        PLAN + "evaluation: {k: 200000}\n", dir, List.of("datasets", "algorithms", "evaluation"), null)))
                .isInstanceOf(dev.retort.PlanException.class)
                .hasMessageContaining("k.yaml:").hasMessageContaining("evaluation.k").hasMessageContaining("100000");
    }
}
