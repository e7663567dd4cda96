package dev.retort.api;

import dev.retort.Objective;
import dev.retort.Retort;
import dev.retort.engine.Limits;
import dev.retort.engine.Results;
import dev.retort.examples.Branin;
import dev.retort.run.RunResult;
import dev.retort.space.Config;
import dev.retort.space.Space;
import dev.retort.store.TrialRecord;
import dev.retort.store.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The Java API end to end: lambdas over a Branin grid, two worker threads, limits. */
class RetortApiTest {
    @TempDir
    Path dir;

    static List<Double> linspace(double a, double b, int n) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(a + (b - a) * i / (n - 1));
        return out;
    }

    static Space branin() {
        return Space.builder().factor("x1", linspace(-5, 10, 16)).factor("x2", linspace(0, 15, 16)).build();
    }

    static double bestOnGrid() {
        double best = Double.POSITIVE_INFINITY;
        for (double a : linspace(-5, 10, 16)) for (double b : linspace(0, 15, 16)) best = Math.min(best, Branin.branin(a, b));
        return best;
    }

    static Objective branin = t -> Map.of("value", Branin.branin(t.config().getDouble("x1"), t.config().getDouble("x2")),
            "thread", Thread.currentThread().getName());

    @Test
    void builder_runs_a_branin_grid_on_two_threads_and_returns_ranked_results() {
        Set<Config> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger calls = new AtomicInteger();
        Objective counting = t -> {
            calls.incrementAndGet();
            seen.add(t.config());
            return branin.evaluate(t);
        };
        RunResult r = Retort.experiment("branin").space(branin()).objective(counting).workers(2).dir(dir.resolve("b")).run();

        assertThat(r.counts().get(TrialState.DONE)).isEqualTo(256);
        assertThat(r.counts().total()).isEqualTo(256);
        assertThat(calls).hasValue(256);
        assertThat(seen).hasSize(256);
        assertThat(r.workers()).hasSize(2);
        assertThat(r.workers().stream().mapToLong(s -> s.done()).sum()).isEqualTo(256);
        TrialRecord best = r.best().orElseThrow();
        assertThat(best.metric()).isCloseTo(bestOnGrid(), within(1e-12));
        assertThat(Branin.branin(best.config().getDouble("x1"), best.config().getDouble("x2"))).isEqualTo(best.metric());
        List<TrialRecord> ranked = r.ranked();
        assertThat(ranked).hasSize(256);
        for (int i = 1; i < ranked.size(); i++) assertThat(ranked.get(i).metric()).isGreaterThanOrEqualTo(ranked.get(i - 1).metric());
        Map<String, Object> result = Results.fromJson(best.resultJson());
        assertThat(((Number) result.get("value")).doubleValue()).isEqualTo(best.metric());
        assertThat((String) result.get("thread")).startsWith("retort-worker");
    }

    @Test
    void second_run_of_the_same_experiment_evaluates_nothing_again() {
        AtomicInteger calls = new AtomicInteger();
        Objective o = t -> {
            calls.incrementAndGet();
            return branin.evaluate(t);
        };
        Retort.run(o, branin(), dir.resolve("again"), Limits.none());
        assertThat(calls).hasValue(256);
        RunResult second = Retort.run(o, branin(), dir.resolve("again"), Limits.none());
        assertThat(calls).hasValue(256);
        assertThat(second.counts().get(TrialState.DONE)).isEqualTo(256);
        assertThat(second.best().orElseThrow().metric()).isCloseTo(bestOnGrid(), within(1e-12));
    }

    @Test
    void short_form_run_honours_max_trials_exactly_counting_running_trials() {
        AtomicInteger calls = new AtomicInteger();
        Objective o = t -> {
            calls.incrementAndGet();
            return branin.evaluate(t);
        };
        RunResult r = Retort.run(o, branin(), dir.resolve("mt"), Limits.none().withMaxTrials(37).withCountRunning(true));
        assertThat(r.counts().get(TrialState.DONE)).isEqualTo(37);
        assertThat(r.counts().get(TrialState.PENDING)).isEqualTo(256 - 37);
        assertThat(r.counts().get(TrialState.RUNNING)).isZero();
        assertThat(calls).as("objective calls: none started beyond the limit").hasValue(37);
        assertThat(r.workers()).allSatisfy(s -> assertThat(s.exitReason()).isEqualTo("max_trials reached"));
        assertThat(r.outcome().reason()).isEqualTo(dev.retort.run.RunOutcome.Reason.LIMIT_REACHED);
        assertThat(r.outcome().limit()).isEqualTo("max_trials");
        assertThat(r.outcome().exitCode()).isZero();
    }

    @Test
    void max_cost_stops_a_single_worker_exactly_at_the_budget() {
        AtomicInteger calls = new AtomicInteger();
        Objective o = t -> {
            calls.incrementAndGet();
            return Map.of("value", t.config().getDouble("x1"), "cost", 2.5);
        };
        RunResult r = Retort.experiment("cost").space(branin()).objective(o).workers(1).dir(dir.resolve("cost"))
                .limits(Limits.none().withMaxCost(25.0)).run();
        assertThat(r.counts().cost()).isEqualTo(25.0);
        assertThat(r.counts().get(TrialState.DONE)).isEqualTo(10);
        assertThat(calls).hasValue(10);
        assertThat(r.workers().get(0).exitReason()).isEqualTo("max_cost reached");
    }

    @Test
    void max_cost_with_two_threads_stops_both_once_the_budget_is_spent() {
        AtomicInteger calls = new AtomicInteger();
        Objective o = t -> {
            calls.incrementAndGet();
            return Map.of("value", t.config().getDouble("x1"), "cost", 2.5);
        };
        RunResult r = Retort.experiment("cost2").space(branin()).objective(o).workers(2).dir(dir.resolve("cost2"))
                .limits(Limits.none().withMaxCost(25.0)).run();
        // the budget is checked before each claim, so the other worker may finish the one trial it had begun
        assertThat(r.counts().cost()).isBetween(25.0, 27.5);
        assertThat(r.counts().get(TrialState.DONE)).isBetween(10L, 11L);
        assertThat(calls.get()).isEqualTo((int) r.counts().get(TrialState.DONE));
        assertThat(r.counts().get(TrialState.RUNNING)).isZero();
        assertThat(r.workers()).allSatisfy(s -> assertThat(s.exitReason()).isEqualTo("max_cost reached"));
    }
}
