package dev.retort.engine;

import dev.retort.PlanException;

import java.time.Duration;

/**
 * When workers stop taking new trials. Every field is optional (null: no limit).
 *
 * @param maxTrials       trials finished (DONE or FAILED) in the experiment as a whole, across all runs and
 *                        workers; exact, enforced inside the claim transaction
 * @param maxTrialsPerRun trials one worker evaluates before it exits (NePS's per-run count)
 * @param countRunning    whether RUNNING trials count toward {@code maxTrials} (default true: never start more
 *                        than {@code maxTrials}; false is NePS's "continue until max evaluations completed")
 * @param maxCost         budget: workers stop once the summed {@code cost} of finished trials reaches it
 * @param wallTime        each worker stops taking trials this long after it started
 */
public record Limits(Long maxTrials, Long maxTrialsPerRun, boolean countRunning, Double maxCost, Duration wallTime) {
    public static final Limits NONE = new Limits(null, null, true, null, null);

    public Limits {
        if (maxTrials != null && maxTrials < 0) throw negative("max_trials", maxTrials);
        if (maxTrialsPerRun != null && maxTrialsPerRun < 0) throw negative("max_trials_per_run", maxTrialsPerRun);
        if (maxCost != null && !(maxCost >= 0)) throw negative("max_cost", maxCost);
        if (wallTime != null && wallTime.isNegative()) throw negative("wall_time", wallTime);
    }

    private static PlanException negative(String key, Object v) {
        return PlanException.at(null, "limits." + key, v, "is negative", "a number >= 0, or leave it out for no limit");
    }

    public static Limits none() {
        return NONE;
    }

    public Limits withMaxTrials(long n) {
        return new Limits(n, maxTrialsPerRun, countRunning, maxCost, wallTime);
    }

    public Limits withMaxTrialsPerRun(long n) {
        return new Limits(maxTrials, n, countRunning, maxCost, wallTime);
    }

    public Limits withCountRunning(boolean b) {
        return new Limits(maxTrials, maxTrialsPerRun, b, maxCost, wallTime);
    }

    public Limits withMaxCost(double c) {
        return new Limits(maxTrials, maxTrialsPerRun, countRunning, c, wallTime);
    }

    public Limits withWallTime(Duration d) {
        return new Limits(maxTrials, maxTrialsPerRun, countRunning, maxCost, d);
    }
}
