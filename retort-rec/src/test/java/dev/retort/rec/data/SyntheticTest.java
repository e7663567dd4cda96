package dev.retort.rec.data;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyntheticTest {
    private static final SyntheticSpec SPEC = new SyntheticSpec(300, 120, 9000, 17, true, true);

    @Test
    void same_spec_gives_identical_data_and_another_seed_does_not() {
        Interactions a = Synthetic.generate(SPEC), b = Synthetic.generate(SPEC);
        assertThat(a.usersArray()).isEqualTo(b.usersArray());
        assertThat(a.itemsArray()).isEqualTo(b.itemsArray());
        assertThat(a.ratingsArray()).isEqualTo(b.ratingsArray());
        assertThat(a.timestampsArray()).isEqualTo(b.timestampsArray());
        Interactions c = Synthetic.generate(new SyntheticSpec(300, 120, 9000, 18, true, true));
        assertThat(c.itemsArray()).isNotEqualTo(a.itemsArray());
    }

    @Test
    void has_the_exact_shape_no_duplicates_and_at_least_five_per_user() {
        Interactions d = Synthetic.generate(SPEC);
        assertThat(d.size()).isEqualTo(9000);
        assertThat(d.numUsers()).isEqualTo(300);
        assertThat(d.numItems()).isEqualTo(120);
        assertThat(d.userIds().original(7)).isEqualTo("u7");
        Set<Long> pairs = new HashSet<>();
        int[] perUser = new int[300];
        for (int e = 0; e < d.size(); e++) {
            assertThat(pairs.add(((long) d.user(e) << 32) | d.item(e))).as("duplicate at %d", e).isTrue();
            perUser[d.user(e)]++;
        }
        for (int n : perUser) assertThat(n).isBetween(5, 120);
    }

    @Test
    void timestamps_increase_per_user_and_ratings_are_one_to_five() {
        Interactions d = Synthetic.generate(SPEC);
        Set<Float> seen = new HashSet<>();
        for (int e = 0; e < d.size(); e++) {
            seen.add(d.rating(e));
            if (e > 0 && d.user(e) == d.user(e - 1)) assertThat(d.timestamp(e)).isGreaterThan(d.timestamp(e - 1));
        }
        assertThat(seen).isSubsetOf(1f, 2f, 3f, 4f, 5f).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void a_tiny_dense_shape_fills_every_cell() {
        Interactions d = Synthetic.generate(new SyntheticSpec(4, 3, 12, 1, false, false));
        assertThat(d.size()).isEqualTo(12);
        assertThat(d.hasRatings()).isFalse();
    }

    @Test
    void impossible_shapes_are_rejected() {
        assertThatThrownBy(() -> Synthetic.generate(new SyntheticSpec(2, 2, 5, 1, false, false)))
                .hasMessage("synthetic: interactions: 5 does not fit the shape; allowed: 0 .. min(users * items, 2^31 - 9) = 4");
        assertThatThrownBy(() -> Synthetic.generate(new SyntheticSpec(0, 2, 0, 1, false, false)))
                .hasMessage("synthetic: users: 0 must be >= 1; allowed: integer >= 1");
    }
}
