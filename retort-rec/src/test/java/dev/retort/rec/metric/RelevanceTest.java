package dev.retort.rec.metric;

import dev.retort.PlanException;
import dev.retort.rec.data.IdMap;
import dev.retort.rec.data.Interactions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RelevanceTest {
    /** Users a,b,c (c only in the id map); items x,y,z. a rated z:5, y:2, z:5 again; b rated x:4. */
    private static Interactions test(boolean withRatings) {
        IdMap users = new IdMap(), items = new IdMap();
        for (String u : new String[] {"a", "b", "c"}) users.intern(u);
        for (String i : new String[] {"x", "y", "z"}) items.intern(i);
        float[] ratings = withRatings ? new float[] {5, 2, 4, 5} : null;
        return new Interactions(new int[] {0, 0, 1, 0}, new int[] {2, 1, 0, 2}, ratings, null, users, items);
    }

    @Test
    void every_test_interaction_is_relevant_sorted_and_once() {
        Relevance r = Relevance.of(test(false));
        assertThat(r.items(0)).containsExactly(1, 2);   // z twice -> once; sorted
        assertThat(r.items(1)).containsExactly(0);
        assertThat(r.count(2)).isZero();
        assertThat(r.numUsers()).isEqualTo(3);
        assertThat(r.numItems()).isEqualTo(3);
        assertThat(r.size()).isEqualTo(3);
        assertThat(r.contains(0, 2)).isTrue();
        assertThat(r.contains(0, 0)).isFalse();
        assertThat(r.count(7)).isZero();
    }

    @Test
    void rating_threshold_keeps_ratings_at_or_above_it() {
        Relevance r = Relevance.of(test(true), 4f);
        assertThat(r.items(0)).containsExactly(2);   // y rated 2 is dropped
        assertThat(r.items(1)).containsExactly(0);   // exactly 4 is kept
    }

    @Test
    void threshold_on_implicit_data_is_a_plan_error() {
        assertThatThrownBy(() -> Relevance.of(test(false), 4f)).isInstanceOf(PlanException.class)
                .hasMessageContaining("relevance.min_rating: 4.0 needs explicit ratings");
    }

    @Test
    void explicit_arrays_are_copied_sorted_and_deduplicated() {
        int[] mine = {5, 1, 5, 3};
        Relevance r = Relevance.of(6, new int[][] {mine, {}});
        mine[0] = 0;
        assertThat(r.items(0)).containsExactly(1, 3, 5);
        assertThat(r.count(1)).isZero();
    }
}
