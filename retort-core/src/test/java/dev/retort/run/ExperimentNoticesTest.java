package dev.retort.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.retort.engine.GridSearch;
import dev.retort.engine.Limits;
import dev.retort.engine.Metric;
import dev.retort.plan.ObjectiveSpec;
import dev.retort.plan.Plan;
import dev.retort.space.Space;
import dev.retort.store.StoreSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Library code prints nothing: what opening an experiment has to tell the user comes back as notices. */
class ExperimentNoticesTest {
    @TempDir
    Path dir;

    static Plan plan(String evaluation) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode runtime = json.createObjectNode();
        runtime.putObject("evaluation").put("metrics", evaluation);
        ObjectiveSpec objective = new ObjectiveSpec("class", json.createObjectNode().put("class", "dev.retort.examples.Noop"), runtime, null);
        Space space = Space.builder().factor("a", 1, 2, 3, 4).build();
        return new Plan("notices", space, objective, Metric.minimize("value"), new GridSearch(), Limits.NONE, StoreSettings.DEFAULTS, 1);
    }

    @Test
    void open_returns_the_re_evaluation_notice_instead_of_printing_it() {
        Clock clock = Clock.systemUTC();
        try (Experiment first = Experiment.open(plan("ndcg"), dir, Experiment.Mode.STRICT, clock)) {
            assertThat(first.notices()).isEmpty();
            LocalRun.run(first, 1, getClass().getClassLoader(), List.of(), clock);
        }
        PrintStream old = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        List<String> notices;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try (Experiment second = Experiment.open(plan("ndcg, recall"), dir, Experiment.Mode.STRICT, clock)) {
                notices = second.notices();
            }
        } finally {
            System.setErr(old);
        }
        assertThat(notices).containsExactly("the evaluation changed; re-evaluating 4 finished trials from their saved artifacts");
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void a_run_result_carries_the_re_evaluation_notice_of_opening_the_experiment() {
        Clock clock = Clock.systemUTC();
        try (Experiment first = Experiment.open(plan("ndcg"), dir, Experiment.Mode.STRICT, clock)) {
            assertThat(LocalRun.run(first, 1, getClass().getClassLoader(), List.of(), clock).notices()).isEmpty();
        }
        try (Experiment second = Experiment.open(plan("ndcg, recall"), dir, Experiment.Mode.STRICT, clock)) {
            RunResult r = LocalRun.run(second, 1, getClass().getClassLoader(), List.of(), clock);
            assertThat(r.notices()).containsExactly("the evaluation changed; re-evaluating 4 finished trials from their saved artifacts");
            assertThat(r.counts().get(dev.retort.store.TrialState.DONE)).isEqualTo(4);
        }
    }
}
