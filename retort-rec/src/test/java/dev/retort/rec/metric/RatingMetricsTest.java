package dev.retort.rec.metric;

import dev.retort.rec.test.TestData;
import dev.retort.PlanException;
import dev.retort.rec.data.IdMap;
import dev.retort.rec.data.Interactions;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RatingMetricsTest {
    private final Evaluator errors = Evaluator.parse("test", "metrics", List.of("rmse", "MAE"));

    @Test
    void rmse_and_mae_skip_pairs_without_a_prediction() {
        // errors: 3.5-4 = -0.5, 3-3 = 0, (NaN skipped), 3-1 = 2
        RatingPredictions p = RatingPredictions.of(new float[] {4, 3, 5, 1}, new float[] {3.5f, 3, Float.NaN, 3});
        EvalResult r = errors.evaluate(null, null, p);
        // RMSE = sqrt((0.25 + 0 + 4) / 3) = sqrt(1.41666...) = 1.1902380714
        assertThat(r.value("rmse")).isCloseTo(1.1902380714, within(1e-9));
        // MAE = (0.5 + 0 + 2) / 3
        assertThat(r.value("mae")).isCloseTo(2.5 / 3, within(1e-12));
        assertThat(r.ratedPairs()).isEqualTo(3);
        assertThat(r.unratedPairs()).isEqualTo(1);
    }

    @Test
    void predictions_align_with_test_interactions() {
        IdMap users = new IdMap(), items = new IdMap();
        users.intern("a");
        items.intern("x");
        items.intern("y");
        Interactions test = new Interactions(new int[] {0, 0}, new int[] {0, 1}, new float[] {2, 5}, null, users, items);
        EvalResult r = errors.evaluate(null, null, RatingPredictions.of(test, new float[] {4, 5}));
        assertThat(r.value("rmse")).isCloseTo(Math.sqrt(4.0 / 2), within(1e-12));  // errors 2 and 0
        assertThat(r.value("mae")).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void rating_metrics_without_predictions_are_a_plan_error() {
        assertThatThrownBy(() -> errors.evaluate(null, null, null))
                .isInstanceOf(PlanException.class).hasMessageContaining("need rating predictions");
    }

    @Test
    void rating_metrics_on_implicit_test_data_are_a_plan_error() {
        IdMap users = new IdMap(), items = new IdMap();
        users.intern("a");
        items.intern("x");
        Interactions implicit = new Interactions(new int[] {0}, new int[] {0}, null, null, users, items);
        assertThatThrownBy(() -> RatingPredictions.of(implicit, new float[] {1}))
                .isInstanceOf(PlanException.class).hasMessageContaining("need explicit ratings");
    }
}
