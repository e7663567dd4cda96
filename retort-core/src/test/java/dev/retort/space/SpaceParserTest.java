package dev.retort.space;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;

/** YAML that parses: the grammar of docs/plan-space.md. Errors are in {@link SpaceParserErrorsTest}. */
class SpaceParserTest {

    /** Composes a whole plan and parses its {@code space:} value, as the plan loader does. */
    static Space parse(String plan) {
        MappingNode root = (MappingNode) new Yaml().compose(new StringReader(plan));
        for (NodeTuple t : root.getValue())
            if (((ScalarNode) t.getKeyNode()).getValue().equals("space")) return SpaceParser.parse(t.getValueNode(), "plan.yaml");
        return SpaceParser.parse(null, "plan.yaml");
    }

    @Test
    void scalars_keep_their_yaml_types() {
        Space s = parse("""
                space:
                  i: 1
                  f: 1.0
                  e: 1e-3
                  b: true
                  t: "1"
                  u: 1_000
                  h: 0x10
                """);
        assertThat(s.grid().next()).isEqualTo(Config.of("i", 1L, "f", 1.0, "e", 0.001, "b", true, "t", "1", "u", 1000L, "h", 16L));
    }

    @Test
    void nested_levels_in_yaml_sweep_like_the_builder() {
        Space s = parse("""
                space:
                  x: [1, 2]
                  optimizer:
                    sgd:
                      momentum: [0.0, 0.9]
                      nesterov: {true: null, false: {dampening: [0.1]}}
                    adam: {}
                    rmsprop:
                """);
        Space built = Space.builder().factor("x", 1, 2).levels("optimizer", Levels.of()
                .level("sgd", Space.builder().factor("momentum", 0.0, 0.9).levels("nesterov", Levels.of()
                        .level(true).level(false, Space.builder().factor("dampening", 0.1).build())).build())
                .level("adam").level("rmsprop")).build();
        assertThat(s).isEqualTo(built);
        assertThat(s.gridSize()).isEqualTo(2 * (2 * 2 + 1 + 1));
    }

    @Test
    void one_key_form_with_a_list_is_a_range() {
        Space s = parse("""
                space:
                  x1: {linspace: [-5, 10, 16]}
                  x2: {geom: [0.1, 15, 8]}
                  n: {igeom: [1, 10, 10]}
                  k: {range: [0, 3]}
                  act: {choice: [relu, tanh]}
                """);
        assertThat(s.gridSize()).isEqualTo(16L * 8 * 8 * 3 * 2);
        assertThat(s.toJson()).contains("\"x1\":{\"linspace\":[-5.0,10.0,16]}", "\"k\":{\"range\":[0,3,1]}");
    }

    @Test
    void distributions_parse_and_make_the_space_random_only() {
        Space s = parse("""
                space:
                  lr: {loguniform: [1.0e-5, 0.1]}
                  drop: {uniform: [0, 0.5]}
                  layers: {int: [1, 4]}
                """);
        assertThat(s.isGridable()).isFalse();
        assertThat(s.sample(1, 1).getLong("layers")).isBetween(1L, 4L);
    }

    @Test
    void one_key_map_whose_key_is_no_form_is_a_map_of_levels() {
        Space s = parse("""
                space:
                  model: {resnet: {depth: [18, 34]}}
                """);
        assertThat(SpaceGridTest.grid(s)).containsExactly("{\"depth\":18,\"model\":\"resnet\"}", "{\"depth\":34,\"model\":\"resnet\"}");
    }

    @Test
    void empty_list_factor_is_dropped_and_sibling_levels_share_names() {
        Space s = parse("""
                space:
                  unused: []
                  opt:
                    sgd: {lr: [0.1]}
                    adam: {lr: [0.001]}
                """);
        assertThat(s.parameterNames()).containsExactly("opt", "lr");
        assertThat(s.gridSize()).isEqualTo(2);
    }

    @Test
    void level_keys_keep_their_yaml_type() {
        Space s = parse("""
                space:
                  depth: {1: null, 2: {width: [8]}}
                """);
        assertThat(s.grid().next().get("depth")).isEqualTo(1L);
    }

}
