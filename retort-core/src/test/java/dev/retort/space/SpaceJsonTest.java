package dev.retort.space;

import dev.retort.PlanException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpaceJsonTest {
    private final Space space = Space.builder()
            .factor("x1", Domain.linspace(-5, 10, 16))
            .factor("x2", Domain.geom(0.1, 15, 8))
            .factor("seed", 42)
            .factor("act", "relu", "tanh")
            .factor("k", Domain.range(10, 0, -2))
            .factor("lr", Domain.loguniform(1e-4, 0.1))
            .factor("n", Domain.randint(1, 8))
            .factor("c", Domain.choice(true, 1, 1.0))
            .levels("optimizer", Levels.of()
                    .level("sgd", Space.builder().factor("momentum", 0.0, 0.9).build())
                    .level("adam")
                    .level(3L, Space.builder().factor("w", Domain.igeom(1, 100, 3)).build()))
            .build();

    @Test
    void to_json_keeps_declaration_order_and_written_forms() {
        assertThat(space.toJson()).isEqualTo("{\"x1\":{\"linspace\":[-5.0,10.0,16]},\"x2\":{\"geom\":[0.1,15.0,8]},"
                + "\"seed\":[42],\"act\":[\"relu\",\"tanh\"],\"k\":{\"range\":[10,0,-2]},"
                + "\"lr\":{\"loguniform\":[1.0E-4,0.1]},\"n\":{\"int\":[1,8]},\"c\":{\"choice\":[true,1,1.0]},"
                + "\"optimizer\":{\"levels\":[[\"sgd\",{\"momentum\":[0.0,0.9]}],[\"adam\",{}],[3,{\"w\":{\"igeom\":[1,100,3]}}]]}}");
    }

    @Test
    void from_json_round_trips_to_an_equal_space() {
        Space back = Space.fromJson(space.toJson());
        assertThat(back).isEqualTo(space);
        assertThat(back.toJson()).isEqualTo(space.toJson());
        assertThat(back.parameterNames()).isEqualTo(space.parameterNames());
        assertThat(back.sample(5, 9)).isEqualTo(space.sample(5, 9));
    }

    @Test
    void round_trip_preserves_the_grid() {
        Space gridable = Space.builder().factor("a", Domain.linspace(0, 1, 3))
                .levels("o", Levels.of().level("x", Space.builder().factor("b", 1, 2).build()).level("y")).build();
        assertThat(SpaceGridTest.grid(Space.fromJson(gridable.toJson()))).isEqualTo(SpaceGridTest.grid(gridable));
    }

    @Test
    void declaration_order_is_part_of_the_identity() {
        Space ab = Space.builder().factor("a", 1).factor("b", 2).build();
        Space ba = Space.builder().factor("b", 2).factor("a", 1).build();
        assertThat(ab).isNotEqualTo(ba);
    }

    @Test
    void malformed_json_is_a_plan_exception() {
        assertThatThrownBy(() -> Space.fromJson("{\"a\":")).isInstanceOf(PlanException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> Space.fromJson("{\"a\":{\"zigzag\":[1]}}")).isInstanceOf(PlanException.class)
                .hasMessageContaining("space.a.zigzag");
    }
}
