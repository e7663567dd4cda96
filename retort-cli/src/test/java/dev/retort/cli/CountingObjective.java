package dev.retort.cli;

import dev.retort.Objective;
import dev.retort.Trial;
import dev.retort.space.Config;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** value = 10 * a + b; remembers every config it evaluated in this JVM (for --threads runs). */
public final class CountingObjective implements Objective {
    static final List<Config> EVALUATED = new CopyOnWriteArrayList<>();

    @Override
    public Map<String, Object> evaluate(Trial trial) {
        EVALUATED.add(trial.config());
        return Map.of("value", 10 * trial.config().getLong("a") + trial.config().getLong("b"));
    }
}
