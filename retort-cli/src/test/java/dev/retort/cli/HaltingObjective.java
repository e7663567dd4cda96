package dev.retort.cli;

import dev.retort.Objective;
import dev.retort.Trial;

import java.util.Map;

/** Trial {@code a = 2} ends its worker's JVM with {@code Runtime.halt(7)} on every attempt; others return value = a. */
public final class HaltingObjective implements Objective {
    @Override
    public Map<String, Object> evaluate(Trial trial) {
        long a = trial.config().getLong("a");
        if (a == 2) Runtime.getRuntime().halt(7);
        return Map.of("value", a);
    }
}
