package dev.retort.examples;

import dev.retort.Objective;
import dev.retort.Trial;

import java.util.Map;

/** Does nothing and returns {@code value = 0}: measures the engine's own cost per trial. */
public final class Noop implements Objective {
    private static final Map<String, Object> RESULT = Map.of("value", 0);

    @Override
    public Map<String, Object> evaluate(Trial trial) {
        return RESULT;
    }
}
