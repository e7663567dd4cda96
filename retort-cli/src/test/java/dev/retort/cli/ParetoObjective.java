package dev.retort.cli;

import dev.retort.Objective;
import dev.retort.Trial;

import java.util.Map;

/** Two competing results: value is lowest at lr = 0.1 (sgd 0.5 worse), cost falls as lr grows; seed adds a little noise. */
public final class ParetoObjective implements Objective {
    @Override
    public Map<String, Object> evaluate(Trial trial) {
        double lr = trial.config().getDouble("lr");
        long seed = trial.config().getLong("seed");
        double value = Math.pow(Math.log10(lr) + 1, 2) + 0.01 * seed + (trial.config().getString("opt").equals("adam") ? 0 : 0.5);
        return Map.of("value", value, "cost", 1 / lr + seed);
    }
}
