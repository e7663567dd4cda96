package dev.retort.test;

import dev.retort.Objective;
import dev.retort.Trial;

import java.util.Map;

/**
 * Trial {@code i = 1} is steered by the test like {@link SocketObjective} (when {@code retort.test.port} is not
 * 0); every other trial sleeps {@code ms} milliseconds and returns {@code value = i}.
 */
public final class GateObjective implements Objective {
    private final SocketObjective gate = new SocketObjective();

    @Override
    public Map<String, Object> evaluate(Trial trial) throws Exception {
        long i = trial.config().getLong("i");
        if (i == 1 && !"0".equals(System.getProperty("retort.test.port", "0"))) return gate.evaluate(trial);
        Thread.sleep(trial.config().getLong("ms"));
        return Map.of("value", (double) i, "pid", ProcessHandle.current().pid());
    }
}
