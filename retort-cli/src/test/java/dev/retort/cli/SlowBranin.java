package dev.retort.cli;

import dev.retort.Objective;
import dev.retort.Trial;
import dev.retort.examples.Branin;

import java.util.Map;

/** Branin scaled by k, taking 20 ms a trial, so that several workers share a small experiment. */
public final class SlowBranin implements Objective {
    @Override
    public Map<String, Object> evaluate(Trial trial) throws InterruptedException {
        Thread.sleep(20); // the trial's own work, not synchronisation
        double v = Branin.branin(trial.config().getDouble("x1"), trial.config().getDouble("x2"));
        return Map.of("value", v * trial.config().getLong("k"));
    }
}
