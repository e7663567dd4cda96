package dev.retort.space;

import dev.retort.PlanException;
import org.junit.jupiter.api.Test;

import static dev.retort.space.SpaceParserTest.parse;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every mistake names file:line, the key path, the value and what is allowed. */
class SpaceParserErrorsTest {

    private static void fails(String plan, String... parts) {
        assertThatThrownBy(() -> parse(plan)).isInstanceOf(PlanException.class).hasMessageContainingAll(parts);
    }

    @Test
    void empty_space_is_refused() {
        assertThatThrownBy(() -> parse("space: {}\n")).isInstanceOf(PlanException.class)
                .hasMessage("plan.yaml:1: space is empty; allowed: at least one factor");
        fails("space:\n", "plan.yaml", "space is empty; allowed: at least one factor");
        fails("space:\n  x: []\n", "plan.yaml:2: space is empty");
        fails("name: p\n", "plan.yaml: space is empty");
    }

    @Test
    void space_that_is_not_a_mapping_is_refused() {
        fails("space: [1, 2]\n", "plan.yaml:1: space: [1, 2] is not a mapping of factors; allowed: a mapping");
    }

    @Test
    void non_scalar_list_element_is_refused() {
        fails("space:\n  x: [1, [2, 3]]\n", "plan.yaml:2: space.x[1]: [2, 3] is not a scalar; allowed: a string, an integer");
    }

    @Test
    void geom_with_non_positive_min_names_place_key_value_and_rule() {
        assertThatThrownBy(() -> parse("space:\n  x1: [1]\n  x2: {geom: [0, 15, 8]}\n"))
                .hasMessage("plan.yaml:3: space.x2.geom: [0, 15, 8] min must be > 0; "
                        + "allowed: [min, max, n] with 0 < min <= max, 1 <= n <= 1000000");
    }

    @Test
    void wrong_arity_is_refused() {
        fails("space:\n  x: {geom: [1, 2]}\n", "plan.yaml:2: space.x.geom: [1, 2] has 2 values, expected 3",
                "allowed: [min, max, n]");
        fails("space:\n  x: {range: [1]}\n", "space.x.range: [1] has 1 values, expected 3",
                "allowed: [start, stop] or [start, stop, step] integers");
        fails("space:\n  x: {uniform: [1, 2, 3]}\n", "space.x.uniform: [1, 2, 3] has 3 values, expected 2");
    }

    @Test
    void non_numeric_and_non_integer_arguments_are_refused() {
        fails("space:\n  x: {linspace: [a, 1, 3]}\n", "plan.yaml:2: space.x.linspace: [a, 1, 3] argument 1 ('a') is not a number");
        fails("space:\n  x: {geom: [1, 2, 3.0]}\n", "space.x.geom: [1, 2, 3.0] argument 3 (3.0) is not an integer");
        fails("space:\n  x: {range: [0, 2.5]}\n", "space.x.range", "argument 2 (2.5) is not an integer");
    }

    @Test
    void bad_bounds_are_refused() {
        fails("space:\n  x: {linspace: [5, 1, 3]}\n", "plan.yaml:2: space.x.linspace: [5, 1, 3] min must be <= max");
        fails("space:\n  x: {geom: [1, 2, 0]}\n", "space.x.geom: [1, 2, 0] n must be >= 1");
        fails("space:\n  x: {igeom: [0, 8, 3]}\n", "space.x.igeom: [0, 8, 3] min must be >= 1");
        fails("space:\n  x: {range: [0, 5, 0]}\n", "space.x.range: [0, 5, 0] step must not be 0");
        fails("space:\n  x: {int: [5, 1]}\n", "space.x.int: [5, 1] low must be <= high",
                "allowed: [low, high] integers with low <= high");
        fails("space:\n  x: {loguniform: [0, 1]}\n", "space.x.loguniform: [0, 1] low must be > 0");
    }

    @Test
    void level_value_that_is_neither_mapping_nor_null_explains_both_readings() {
        fails("space:\n  opt:\n    sgd: 0.1\n    adam: null\n",
                "plan.yaml:3: space.opt.sgd: 0.1 is neither a sub-space (a mapping) nor null",
                "map of levels", "exactly one key among", "is a range or distribution");
        fails("space:\n  x: {geom: 5}\n", "plan.yaml:2: space.x.geom: 5 is neither a sub-space");
    }

    @Test
    void name_repeated_on_one_path_is_refused() {
        fails("space:\n  a: [1]\n  opt:\n    sgd: {a: [2]}\n",
                "plan.yaml:4: space.opt.sgd.a: is defined twice on one path", "sibling levels may reuse a name");
        fails("space:\n  opt:\n    sgd: {lr: [2]}\n  lr: [1]\n", "plan.yaml:4: space.lr: is defined twice");
        fails("space:\n  opt:\n    sgd: {opt: [2]}\n", "plan.yaml:3: space.opt.sgd.opt: is defined twice");
        fails("space:\n  a: [1]\n  a: [2]\n", "plan.yaml:3: space.a: is defined twice");
    }

    @Test
    void repeated_level_is_refused() {
        fails("space:\n  opt:\n    sgd: null\n    sgd: {}\n", "plan.yaml:4: space.opt.sgd: 'sgd' is a level already given");
    }

    @Test
    void out_of_range_integers_infinities_and_nulls_are_refused() {
        fails("space:\n  x: 99999999999999999999\n", "plan.yaml:2: space.x: 99999999999999999999 is an integer outside the 64-bit range");
        fails("space:\n  x: [1.0, .inf]\n", "plan.yaml:2: space.x[1]: .inf is not a finite number");
        fails("space:\n  x: ~\n", "plan.yaml:2: space.x: null is not a level");
        fails("space:\n  x: [1, null]\n", "space.x[1]: null is not a level");
    }

    @Test
    void distribution_in_a_grid_names_the_yaml_line() {
        Space s = parse("space:\n  a: [1]\n  lr: {uniform: [0, 1]}\n");
        assertThatThrownBy(s::grid).isInstanceOf(PlanException.class)
                .hasMessageContainingAll("plan.yaml:3: space.lr: {uniform: [0.0, 1.0]} is a random-search distribution",
                        "need random search");
    }
}
