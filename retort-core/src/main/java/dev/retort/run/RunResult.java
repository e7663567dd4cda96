package dev.retort.run;

import dev.retort.engine.Metric;
import dev.retort.engine.WorkerLoop;
import dev.retort.store.Counts;
import dev.retort.store.TrialRecord;
import dev.retort.store.TrialState;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a run left in the store: every trial, the counts by state, what each worker did, and why the run
 * stopped ({@link #outcome()}: check it, a run can end with FAILED or unfinished trials).
 *
 * @param trials  every trial of the experiment, by id
 * @param notices what the caller should tell the user (for example that finished trials are re-evaluated
 *                because the evaluation changed); the run prints nothing itself
 */
public record RunResult(String experiment, Metric metric, Counts counts, List<TrialRecord> trials,
                        List<WorkerLoop.Summary> workers, RunOutcome outcome, List<String> notices) {
    public RunResult {
        notices = List.copyOf(notices);
    }

    /** This result with {@code first} before its notices (e.g. what reading the plan said). */
    public RunResult withNoticesFirst(List<String> first) {
        List<String> all = new java.util.ArrayList<>(first);
        all.addAll(notices);
        return new RunResult(experiment, metric, counts, trials, workers, outcome, all);
    }

    /** DONE trials, best first by the metric. */
    public List<TrialRecord> ranked() {
        Comparator<TrialRecord> byMetric = Comparator.comparingDouble(TrialRecord::metric);
        if (metric.goal().maximize()) byMetric = byMetric.reversed();
        return trials.stream().filter(t -> t.state() == TrialState.DONE && t.metric() != null)
                .sorted(byMetric.thenComparingLong(TrialRecord::id)).toList();
    }

    public Optional<TrialRecord> best() {
        return ranked().stream().findFirst();
    }

    public boolean anyFailed() {
        return counts.get(TrialState.FAILED) > 0;
    }
}
