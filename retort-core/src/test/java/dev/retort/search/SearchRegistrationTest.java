package dev.retort.search;

import dev.retort.PlanException;
import dev.retort.engine.GridSearch;
import dev.retort.engine.RandomSearch;
import dev.retort.plan.Plan;
import dev.retort.plan.PlanJson;
import dev.retort.plan.PlanParser;
import dev.retort.plan.Searches;
import dev.retort.plan.UnknownSearch;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Grid and random as registrations: the same plan keys, messages and stored descriptions as before. */
class SearchRegistrationTest {
    private static final String HEAD = "experiment: e\nobjective: {class: dev.retort.examples.Branin}\n";

    private static Plan parse(String rest) {
        return new PlanParser(SearchRegistrationTest.class.getClassLoader()).parse(HEAD + rest, "plan.yaml", Path.of("."));
    }

    @Test
    void stored_descriptions_written_before_registrations_still_read() {
        String id = "{\"metric\":{\"name\":\"value\",\"goal\":\"minimize\"},\"objective\":{\"kind\":\"class\",\"spec\":{\"class\":\"x\"}},"
                + "\"search\":%s,\"space\":{\"a\":[1,2]}}";
        Plan grid = PlanJson.fromStored("e", id.formatted("\"grid\""), null);
        assertThat(grid.search()).isInstanceOf(GridSearch.class);
        Plan random = PlanJson.fromStored("e", id.formatted("{\"random\":{\"seed\":7,\"trials\":200}}"), null);
        assertThat(random.search()).isInstanceOf(RandomSearch.class);
        assertThat(random.search().describe()).isEqualTo("{\"random\":{\"seed\":7,\"trials\":200}}");
        assertThat(random.identityJson()).isEqualTo(id.formatted("{\"random\":{\"seed\":7,\"trials\":200}}"));
    }

    @Test
    void a_stored_strategy_nobody_registered_keeps_its_description_and_refuses_to_propose() {
        var s = Searches.stored(PlanJson.tree("{\"mine\":{\"k\":1}}"), getClass().getClassLoader());
        assertThat(s).isInstanceOf(UnknownSearch.class);
        assertThat(s.describe()).isEqualTo("{\"mine\":{\"k\":1}}");
        assertThatThrownBy(() -> s.initial(null)).isInstanceOf(PlanException.class)
                .hasMessageContainingAll("'mine' is registered by no", "registered: asha, grid, hyperband, random, tpe", "--classpath");
    }

    @Test
    void plan_search_keys_read_as_before() {
        assertThat(parse("space: {a: [1, 2]}\n").search()).isInstanceOf(GridSearch.class);
        assertThat(parse("space: {a: [1, 2]}\nsearch: grid\n").search()).isInstanceOf(GridSearch.class);
        assertThat(parse("space: {a: [1, 2]}\nsearch: {random: {trials: 5}}\n").search().describe())
                .isEqualTo("{\"random\":{\"seed\":0,\"trials\":5}}");
    }

    @Test
    void search_mistakes_name_file_line_key_value_and_what_is_allowed() {
        assertThatThrownBy(() -> parse("space: {a: [1]}\nsearch: {random: {trials: 0}}\n"))
                .hasMessage("plan.yaml:4: search.random.trials: 0 is too small; allowed: an integer >= 1");
        assertThatThrownBy(() -> parse("space: {a: [1]}\nsearch: {random: {seed: 1}}\n"))
                .hasMessage("plan.yaml:4: search.random.trials: is missing; allowed: an integer >= 1");
        assertThatThrownBy(() -> parse("space: {a: [1]}\nsearch: {random: {trials: 3, colour: 1}}\n"))
                .hasMessage("plan.yaml:4: search.random.colour: is not a known key; allowed: seed, trials");
        assertThatThrownBy(() -> parse("space: {a: [1]}\nsearch: bayes\n"))
                .hasMessageStartingWith("plan.yaml:4: search: 'bayes' is not a search strategy")
                .hasMessageContaining("allowed: grid, {random: {trials: N, seed: S}}");
        assertThatThrownBy(() -> parse("space: {a: {uniform: [0, 1]}}\nsearch: grid\n"))
                .hasMessageContaining("plan.yaml:4: search.grid: 'grid' cannot sweep a space with uniform/loguniform/int distributions");
        assertThatThrownBy(() -> parse("space: {a: {uniform: [0, 1]}}\n"))
                .hasMessageContaining("plan.yaml:1: search: 'grid' cannot sweep");
    }
}
