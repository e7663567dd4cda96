package dev.retort.run;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlanDiffTest {
    @Test
    void changed_added_and_removed_keys_are_listed_by_path_with_old_and_new_values() {
        String stored = "{\"metric\":{\"goal\":\"minimize\",\"name\":\"value\"},\"space\":{\"a\":[1,2,3],\"b\":{\"x\":1}}}";
        String now = "{\"metric\":{\"goal\":\"maximize\",\"name\":\"value\"},\"space\":{\"a\":[1,2,3,5],\"c\":[true]}}";
        assertThat(PlanDiff.changes(stored, now)).containsExactly(
                "metric.goal: \"minimize\" -> \"maximize\"",
                "space.a: [1,2,3] -> [1,2,3,5]",
                "space.b: {\"x\":1} -> (none)",
                "space.c: (none) -> [true]");
    }

    @Test
    void lists_of_mappings_are_compared_element_by_element() {
        assertThat(PlanDiff.changes("{\"l\":[{\"k\":1},{\"k\":2}]}", "{\"l\":[{\"k\":1},{\"k\":3}]}"))
                .containsExactly("l[1].k: 2 -> 3");
    }

    @Test
    void equal_plans_have_no_changes() {
        assertThat(PlanDiff.changes("{\"a\":[1]}", "{\"a\":[1]}")).isEmpty();
    }
}
