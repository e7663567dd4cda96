package dev.retort.space;

import dev.retort.PlanException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** geom, igeom, linspace, range: exact levels computed by hand. */
class SpaceRangesTest {

    static List<Object> levels(Domain d) {
        List<Object> out = new ArrayList<>();
        for (long i = 0; i < d.size(); i++) out.add(d.level(i));
        return out;
    }

    @Test
    void geom_powers_of_ten_are_clean() {
        // 1000^(1/3) is 9.999999999999998 in plain double arithmetic
        assertThat(levels(Domain.geom(1, 1000, 4))).containsExactly(1.0, 10.0, 100.0, 1000.0);
    }

    @Test
    void geom_endpoints_are_exactly_min_and_max_and_levels_increase() {
        List<Object> v = levels(Domain.geom(0.1, 15, 8));
        assertThat(v).hasSize(8).startsWith(0.1).endsWith(15.0);
        for (int i = 1; i < v.size(); i++) assertThat((Double) v.get(i)).isGreaterThan((Double) v.get(i - 1));
        // constant ratio 150^(1/7) between neighbours
        assertThat((Double) v.get(1) / 0.1).isCloseTo(Math.pow(150, 1.0 / 7), org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void geom_with_n_one_yields_min() {
        assertThat(levels(Domain.geom(0.5, 8, 1))).containsExactly(0.5);
    }

    @Test
    void geom_with_min_equal_max_yields_one_value() {
        assertThat(levels(Domain.geom(3, 3, 5))).containsExactly(3.0);
    }

    @Test
    void geom_refuses_non_positive_min_and_min_above_max_and_n_below_one() {
        assertThatThrownBy(() -> Domain.geom(0, 15, 8)).isInstanceOf(PlanException.class)
                .hasMessage("geom: [0.0, 15.0, 8] min must be > 0; allowed: [min, max, n] with 0 < min <= max, 1 <= n <= 1000000");
        assertThatThrownBy(() -> Domain.geom(2, 1, 3)).hasMessageContaining("min must be <= max");
        assertThatThrownBy(() -> Domain.geom(1, 2, 0)).hasMessageContaining("n must be >= 1");
    }

    @Test
    void igeom_rounds_and_removes_duplicates() {
        // 10^(i/9) for i = 0..9: 1, 1.29, 1.67, 2.15, 2.78, 3.59, 4.64, 5.99, 7.74, 10
        assertThat(levels(Domain.igeom(1, 10, 10))).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 8L, 10L);
        assertThat(levels(Domain.igeom(1, 1000, 4))).containsExactly(1L, 10L, 100L, 1000L);
    }

    @Test
    void igeom_edge_cases() {
        assertThat(levels(Domain.igeom(4, 4, 3))).containsExactly(4L);
        assertThat(levels(Domain.igeom(2, 64, 1))).containsExactly(2L);
        assertThatThrownBy(() -> Domain.igeom(0, 10, 3)).isInstanceOf(PlanException.class)
                .hasMessageContaining("min must be >= 1");
    }

    @Test
    void linspace_steps_without_drift_and_ends_exactly_at_max() {
        assertThat(levels(Domain.linspace(-5, 10, 16))).hasSize(16).startsWith(-5.0, -4.0).endsWith(9.0, 10.0);
        // naive 0.1 + k * 0.1 gives 0.30000000000000004
        assertThat(levels(Domain.linspace(0.1, 0.5, 5))).containsExactly(0.1, 0.2, 0.3, 0.4, 0.5);
        assertThat(levels(Domain.linspace(-0.1, 0.2, 4))).containsExactly(-0.1, 0.0, 0.1, 0.2);
        assertThat(levels(Domain.linspace(0, 1, 7)).get(1)).isEqualTo(1.0 / 6);
        assertThat(levels(Domain.linspace(0, 0.7, 8))).endsWith(0.7);
    }

    @Test
    void linspace_n_one_and_min_equal_max() {
        assertThat(levels(Domain.linspace(2.5, 9, 1))).containsExactly(2.5);
        assertThat(levels(Domain.linspace(1, 1, 4))).containsExactly(1.0);
        assertThatThrownBy(() -> Domain.linspace(1, 0, 4)).hasMessageContaining("min must be <= max");
    }

    @Test
    void range_follows_python_semantics() {
        assertThat(levels(Domain.range(0, 5))).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(levels(Domain.range(1, 10, 3))).containsExactly(1L, 4L, 7L);
        assertThat(levels(Domain.range(10, 0, -3))).containsExactly(10L, 7L, 4L, 1L);
        assertThat(levels(Domain.range(5, 0, -1))).containsExactly(5L, 4L, 3L, 2L, 1L);
        assertThat(levels(Domain.range(0, 5, -1))).isEmpty();
        assertThat(levels(Domain.range(1, 0, 2))).isEmpty();
        assertThat(levels(Domain.range(3, 3))).isEmpty();
    }

    @Test
    void huge_range_is_computed_not_stored() {
        Domain d = Domain.range(0, Long.MAX_VALUE, 2);
        assertThat(d.size()).isEqualTo(Long.MAX_VALUE / 2 + 1);
        assertThat(d.level(d.size() - 1)).isEqualTo(Long.MAX_VALUE - 1);
    }

    @Test
    void range_step_zero_is_refused() {
        assertThatThrownBy(() -> Domain.range(0, 5, 0)).isInstanceOf(PlanException.class)
                .hasMessage("range: [0, 5, 0] step must not be 0; allowed: [start, stop] or [start, stop, step] integers with step != 0");
    }

    @Test
    void distributions_check_their_bounds() {
        assertThatThrownBy(() -> Domain.loguniform(0, 1)).hasMessageContaining("low must be > 0");
        assertThatThrownBy(() -> Domain.uniform(2, 1)).hasMessageContaining("low must be <= high");
        assertThatThrownBy(() -> Domain.randint(5, 4)).hasMessageContaining("low must be <= high");
        assertThat(Domain.uniform(0, 1).isFinite()).isFalse();
    }
}
