package dev.retort.space;

import dev.retort.PlanException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpaceGridTest {

    static List<String> grid(Space s) {
        List<String> out = new ArrayList<>();
        s.grid().forEachRemaining(c -> out.add(c.toJson()));
        return out;
    }

    @Test
    void first_declared_factor_varies_slowest() {
        Space s = Space.builder().factor("b", 1, 2).factor("a", "x", "y").build();
        assertThat(grid(s)).containsExactly(
                "{\"a\":\"x\",\"b\":1}", "{\"a\":\"y\",\"b\":1}", "{\"a\":\"x\",\"b\":2}", "{\"a\":\"y\",\"b\":2}");
    }

    @Test
    void levels_sweep_their_sub_space_only_under_that_level_and_keep_declaration_order() {
        Space s = Space.builder()
                .factor("a", 1, 2)
                .levels("opt", Levels.of()
                        .level("sgd", Space.builder().factor("m", 0.0, 0.9).build())
                        .level("adam"))
                .build();
        assertThat(grid(s)).containsExactly(
                "{\"a\":1,\"m\":0.0,\"opt\":\"sgd\"}", "{\"a\":1,\"m\":0.9,\"opt\":\"sgd\"}", "{\"a\":1,\"opt\":\"adam\"}",
                "{\"a\":2,\"m\":0.0,\"opt\":\"sgd\"}", "{\"a\":2,\"m\":0.9,\"opt\":\"sgd\"}", "{\"a\":2,\"opt\":\"adam\"}");
        assertThat(s.gridSize()).isEqualTo(6);
    }

    @Test
    void two_deep_nesting_sweeps_inner_levels_inside_outer_ones() {
        Space gelu = Space.builder().factor("approx", true, false).build();
        Space mlp = Space.builder().factor("layers", 1, 2)
                .levels("act", Levels.of().level("relu").level("gelu", gelu)).build();
        Space s = Space.builder().levels("model", Levels.of().level("mlp", mlp).level("linear")).build();
        assertThat(grid(s)).containsExactly(
                "{\"act\":\"relu\",\"layers\":1,\"model\":\"mlp\"}",
                "{\"act\":\"gelu\",\"approx\":true,\"layers\":1,\"model\":\"mlp\"}",
                "{\"act\":\"gelu\",\"approx\":false,\"layers\":1,\"model\":\"mlp\"}",
                "{\"act\":\"relu\",\"layers\":2,\"model\":\"mlp\"}",
                "{\"act\":\"gelu\",\"approx\":true,\"layers\":2,\"model\":\"mlp\"}",
                "{\"act\":\"gelu\",\"approx\":false,\"layers\":2,\"model\":\"mlp\"}",
                "{\"model\":\"linear\"}");
        assertThat(s.gridSize()).isEqualTo(7);
        assertThat(s.parameterNames()).containsExactly("model", "layers", "act", "approx");
    }

    @Test
    void level_with_empty_sub_space_yields_one_config() {
        Space s = Space.builder().levels("optimizer", Levels.of().level("adam", Space.empty())).build();
        assertThat(grid(s)).containsExactly("{\"optimizer\":\"adam\"}");
    }

    @Test
    void empty_list_factor_is_dropped_and_product_is_over_the_others() {
        Space s = Space.builder().factor("a", 1, 2).factor("none").factor("b", List.of()).factor("c", "x").build();
        assertThat(grid(s)).containsExactly("{\"a\":1,\"c\":\"x\"}", "{\"a\":2,\"c\":\"x\"}");
        assertThat(s.parameterNames()).containsExactly("a", "c");
    }

    @Test
    void empty_python_range_is_dropped_like_an_empty_list() {
        Space s = Space.builder().factor("a", Domain.range(5, 0)).factor("b", 1).build();
        assertThat(grid(s)).containsExactly("{\"b\":1}");
    }

    @Test
    void scalar_factor_is_one_level() {
        Space s = Space.builder().factor("seed", 42).factor("x", 1, 2).build();
        assertThat(s.gridSize()).isEqualTo(2);
        assertThat(grid(s)).allMatch(j -> j.contains("\"seed\":42"));
    }

    @Test
    void sibling_levels_may_reuse_a_name() {
        Space s = Space.builder().levels("opt", Levels.of()
                .level("sgd", Space.builder().factor("lr", 0.1).build())
                .level("adam", Space.builder().factor("lr", 0.001).build())).build();
        assertThat(grid(s)).containsExactly("{\"lr\":0.1,\"opt\":\"sgd\"}", "{\"lr\":0.001,\"opt\":\"adam\"}");
    }

    @Test
    void sub_space_redefining_a_name_of_its_path_is_refused() {
        Space sub = Space.builder().factor("a", 3).build();
        assertThatThrownBy(() -> Space.builder().factor("a", 1).levels("opt", Levels.of().level("sgd", sub)).build())
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("a: is defined twice on one path")
                .hasMessageContaining("allowed: each parameter name once per path");
        Space redefinesParent = Space.builder().factor("opt", 1).build();
        assertThatThrownBy(() -> Space.builder().levels("opt", Levels.of().level("sgd", redefinesParent)).build())
                .isInstanceOf(PlanException.class).hasMessageContaining("opt: is defined twice");
    }

    @Test
    void two_level_factors_of_one_space_cannot_both_set_a_name() {
        Space lr = Space.builder().factor("lr", 0.1).build();
        assertThatThrownBy(() -> Space.builder()
                .levels("opt", Levels.of().level("sgd", lr))
                .levels("sched", Levels.of().level("step", lr)).build())
                .isInstanceOf(PlanException.class).hasMessageContaining("lr: is defined twice");
    }

    @Test
    void grid_size_equals_the_number_of_configs_iterated() {
        Space s = Space.builder().factor("x", Domain.linspace(0, 1, 5)).factor("k", Domain.range(10, 0, -3))
                .levels("o", Levels.of().level("a", Space.builder().factor("y", 1, 2, 3).build()).level("b")).build();
        assertThat((long) grid(s).size()).isEqualTo(s.gridSize()).isEqualTo(5 * 4 * 4);
    }

    @Test
    void million_config_grid_streams_to_the_end() {
        Space s = Space.builder().factor("a", Domain.range(0, 100)).factor("b", Domain.range(0, 100))
                .factor("c", Domain.range(0, 100)).build();
        Iterator<Config> it = s.grid();
        long n = 0;
        Config last = null;
        while (it.hasNext()) {
            last = it.next();
            n++;
        }
        assertThat(n).isEqualTo(1_000_000).isEqualTo(s.gridSize());
        assertThat(last).isEqualTo(Config.of("a", 99, "b", 99, "c", 99));
        assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void same_space_iterates_identically_twice() {
        Space s = Space.builder().factor("x", Domain.geom(0.1, 15, 8)).factor("act", "relu", "tanh").build();
        assertThat(grid(s)).isEqualTo(grid(s)).hasSize(16);
    }

    @Test
    void random_distribution_in_a_grid_names_its_key_path() {
        Space s = Space.builder().levels("opt", Levels.of()
                .level("sgd", Space.builder().factor("lr", Domain.loguniform(1e-4, 1e-1)).build())).build();
        assertThat(s.isGridable()).isFalse();
        assertThatThrownBy(s::grid).isInstanceOf(PlanException.class)
                .hasMessageContaining("space.opt.sgd.lr: {loguniform: [1.0E-4, 0.1]}")
                .hasMessageContaining("cannot be swept in a grid")
                .hasMessageContaining("uniform, loguniform, int need random search");
        assertThatThrownBy(s::gridSize).isInstanceOf(PlanException.class);
    }

    @Test
    void grid_size_overflow_is_a_plan_exception() {
        Space s = Space.builder().factor("a", Domain.range(0, Long.MAX_VALUE)).factor("b", 1, 2).build();
        assertThatThrownBy(s::gridSize).isInstanceOf(PlanException.class).hasMessageContaining("more than 2^63-1");
    }

    @Test
    void choice_in_a_grid_is_a_plain_list() {
        Space s = Space.builder().factor("act", Domain.choice("relu", "tanh")).build();
        assertThat(grid(s)).containsExactly("{\"act\":\"relu\"}", "{\"act\":\"tanh\"}");
    }

    @Test
    void duplicate_levels_are_refused() {
        assertThatThrownBy(() -> Space.builder().factor("act", "relu", "relu")).isInstanceOf(PlanException.class)
                .hasMessageContaining("act").hasMessageContaining("twice");
        assertThat(Space.builder().factor("x", 1, 1.0).build().gridSize()).isEqualTo(2);
    }

    @Test
    void space_without_factors_has_one_empty_config() {
        Space s = Space.builder().build();
        assertThat(s.isEmpty()).isTrue();
        assertThat(grid(s)).containsExactly("{}");
        assertThat(s.gridSize()).isEqualTo(1);
    }
}
