package dev.retort.rec.preprocess;

import dev.retort.PlanException;
import dev.retort.rec.data.Interactions;
import dev.retort.rec.test.TestData;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PipelineTest {
    private static final Interactions RATED = TestData.of(
            "u1 i1 5 100", "u1 i2 3 200", "u2 i1 4 300", "u2 i3 1 400", "u3 i2 2 500");

    @Test
    void implicit_keeps_ratings_at_least_min_and_drops_ratings() {
        Pipeline.Result r = Pipeline.run("d", RATED, List.of(new Implicit(4)));
        assertThat(TestData.pairs(r.data())).containsExactly("u1 i1", "u2 i1");
        assertThat(r.data().hasRatings()).isFalse();
        assertThat(r.data().hasTimestamps()).isTrue();
        assertThat(r.reports()).containsExactly(new StepReport("implicit(min_rating=4.0)", 5, 2, 3, 2, 3, 1));
    }

    @Test
    void filtering_remaps_ids_densely_and_keeps_originals() {
        Interactions d = Pipeline.run("d", RATED, List.of(new RatingFilter(2f, 3f))).data();
        assertThat(TestData.pairs(d)).containsExactly("u1 i2", "u3 i2");
        assertThat(d.numUsers()).isEqualTo(2);
        assertThat(d.numItems()).isEqualTo(1);
        assertThat(d.usersArray()).containsExactly(0, 1);
        assertThat(d.userIds().original(1)).isEqualTo("u3");
    }

    @Test
    void core_is_iterated_until_stable() {
        // k=2: i3 has 1 row -> (u3,i3) goes; then u3 has 1 row -> (u3,i1) goes; then everything has 2.
        Interactions d = TestData.of("u1 i1", "u1 i2", "u2 i1", "u2 i2", "u3 i1", "u3 i3");
        Pipeline.Result r = Pipeline.run("d", d, List.of(new Core(2)));
        assertThat(TestData.pairs(r.data())).containsExactly("u1 i1", "u1 i2", "u2 i1", "u2 i2");
        assertThat(r.reports().get(0)).isEqualTo(new StepReport("core(2)", 6, 4, 3, 2, 3, 2));
    }

    @Test
    void rating_filter_is_inclusive_and_open_ended() {
        Interactions d = Pipeline.run("d", RATED, List.of(new RatingFilter(4f, null))).data();
        assertThat(TestData.pairs(d)).containsExactly("u1 i1", "u2 i1");
    }

    @Test
    void time_filter_keeps_from_inclusive_to_exclusive() {
        Interactions d = Pipeline.run("d", RATED, List.of(new TimeFilter(200L, 400L))).data();
        assertThat(TestData.pairs(d)).containsExactly("u1 i2", "u2 i1");
    }

    @Test
    void subsample_keeps_exact_count_in_file_order_and_is_seeded() {
        Interactions a = Pipeline.run("d", RATED, List.of(new Subsample(3L, null, 7))).data();
        Interactions b = Pipeline.run("d", RATED, List.of(new Subsample(3L, null, 7))).data();
        assertThat(a.size()).isEqualTo(3);
        assertThat(a.timestampsArray()).isSorted();
        assertThat(TestData.pairs(a)).isEqualTo(TestData.pairs(b));
        assertThat(Pipeline.run("d", RATED, List.of(new Subsample(null, 0.4, 1))).data().size()).isEqualTo(2);
        assertThat(Pipeline.run("d", RATED, List.of(new Subsample(99L, null, 1))).data().size()).isEqualTo(5);
    }

    @Test
    void different_subsample_seeds_give_different_samples_somewhere() {
        Interactions big = TestData.of(java.util.stream.IntStream.range(0, 100).mapToObj(i -> "u" + i + " i" + i).toArray(String[]::new));
        List<String> first = TestData.pairs(new Subsample(10L, null, 1).apply(big, "x"));
        List<String> second = TestData.pairs(new Subsample(10L, null, 2).apply(big, "x"));
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void steps_run_in_order_and_each_is_reported() {
        Pipeline.Result r = Pipeline.run("d", RATED, List.of(new RatingFilter(3f, null), new Implicit(4)));
        assertThat(r.reports()).containsExactly(
                new StepReport("rating(min=3.0, max=null)", 5, 3, 3, 2, 3, 2),
                new StepReport("implicit(min_rating=4.0)", 3, 2, 2, 2, 2, 1));
    }

    @Test
    void step_that_empties_the_dataset_names_dataset_and_step() {
        assertThatThrownBy(() -> Pipeline.run("ml-100k", RATED, List.of(new Core(1), new Implicit(6))))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("dataset 'ml-100k'")
                .hasMessageContaining("preprocess[1]")
                .hasMessageContaining("implicit(min_rating=6.0)")
                .hasMessageContaining("left no interactions (it had 5 rows)");
    }

    @Test
    void steps_needing_missing_columns_are_rejected() {
        Interactions implicit = TestData.of("a x", "b y");
        assertThatThrownBy(() -> Pipeline.run("d", implicit, List.of(new Implicit(4))))
                .isInstanceOf(PlanException.class).hasMessageContaining("needs ratings");
        assertThatThrownBy(() -> Pipeline.run("d", implicit, List.of(new TimeFilter(1L, null))))
                .isInstanceOf(PlanException.class).hasMessageContaining("needs timestamps");
    }

    @Test
    void bad_parameters_are_rejected() {
        assertThatThrownBy(() -> new Core(0)).isInstanceOf(PlanException.class).hasMessageContaining("integer >= 1");
        assertThatThrownBy(() -> new Subsample(null, 1.5, 1)).isInstanceOf(PlanException.class).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> new Subsample(3L, 0.5, 1)).isInstanceOf(PlanException.class).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> new TimeFilter(5L, 5L)).isInstanceOf(PlanException.class).hasMessageContaining("from < to");
    }
}
