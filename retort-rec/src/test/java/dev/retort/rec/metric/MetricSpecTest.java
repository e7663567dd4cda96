package dev.retort.rec.metric;

import dev.retort.PlanException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetricSpecTest {
    private static MetricSpec parse(String text) {
        return MetricSpec.parse("plan.yaml:7", "evaluation.metrics[1]", text);
    }

    @Test
    void parses_every_family_case_insensitively() {
        assertThat(parse("NDCG@10")).isEqualTo(new MetricSpec(MetricKind.NDCG, 10));
        assertThat(parse(" Recall@20 ")).isEqualTo(new MetricSpec(MetricKind.RECALL, 20));
        assertThat(parse("coverage@100").kind()).isEqualTo(MetricKind.COVERAGE);
        assertThat(parse("rmse")).isEqualTo(new MetricSpec(MetricKind.RMSE, 0));
        assertThat(List.of("hr@1", "precision@5", "map@50", "mrr@3", "mae"))
                .allSatisfy(s -> assertThat(parse(s).toString()).isEqualTo(s));
    }

    @Test
    void unknown_name_names_key_value_and_allowed_set() {
        assertThatThrownBy(() -> parse("ndgc@10")).isInstanceOf(PlanException.class)
                .hasMessage("plan.yaml:7: evaluation.metrics[1]: 'ndgc@10' is not a known metric; allowed: "
                        + MetricSpec.ALLOWED);
    }

    @Test
    void zero_or_negative_cutoff_is_rejected() {
        assertThatThrownBy(() -> parse("ndcg@0")).isInstanceOf(PlanException.class)
                .hasMessageStartingWith("plan.yaml:7: evaluation.metrics[1]: 'ndcg@0' has cut-off 0, must be >= 1")
                .hasMessageContaining("allowed: ndcg@K");
        assertThatThrownBy(() -> parse("hr@-3")).isInstanceOf(PlanException.class)
                .hasMessageContaining("has cut-off -3, must be >= 1");
    }

    @Test
    void malformed_cutoffs_are_rejected() {
        assertThatThrownBy(() -> parse("ndcg")).hasMessageContaining("needs a cut-off, e.g. ndcg@10");
        assertThatThrownBy(() -> parse("ndcg@ten")).hasMessageContaining("not an integer");
        assertThatThrownBy(() -> parse("ndcg@")).hasMessageContaining("not an integer");
        assertThatThrownBy(() -> parse("ndcg@99999999999")).hasMessageContaining("not an integer");
        assertThatThrownBy(() -> parse("rmse@10")).hasMessageContaining("'rmse@10' takes no cut-off");
        assertThatThrownBy(() -> parse("  ")).isInstanceOf(PlanException.class).hasMessageContaining("is empty");
    }

    @Test
    void parse_all_indexes_keys_and_drops_repeats() {
        assertThat(MetricSpec.parseAll("p", "m", List.of("hr@5", "HR@5", "mrr@5")))
                .containsExactly(new MetricSpec(MetricKind.HR, 5), new MetricSpec(MetricKind.MRR, 5));
        assertThatThrownBy(() -> MetricSpec.parseAll("p", "m", List.of("hr@5", "auc")))
                .hasMessageStartingWith("p: m[1]: 'auc' is not a known metric");
    }

    @Test
    void result_lookup_of_an_unrequested_metric_is_a_plan_error() {
        EvalResult r = SevenUsers.evaluate("hr@5");
        assertThatThrownBy(() -> r.value("hr@10")).isInstanceOf(PlanException.class)
                .hasMessageContaining("'hr@10' was not requested; allowed: [hr@5]");
    }
}
