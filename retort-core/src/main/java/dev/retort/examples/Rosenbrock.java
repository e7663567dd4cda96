package dev.retort.examples;

import dev.retort.Objective;
import dev.retort.Trial;
import dev.retort.space.Config;

import java.util.Map;

/**
 * The Rosenbrock function over every parameter named {@code x1, x2, ...}: sum of
 * 100 (x[i+1] - x[i]^2)^2 + (1 - x[i])^2, minimum 0 at (1, ..., 1). Returns {@code value}.
 */
public final class Rosenbrock implements Objective {
    @Override
    public Map<String, Object> evaluate(Trial trial) {
        Config c = trial.config();
        double sum = 0;
        for (int i = 1; c.has("x" + (i + 1)); i++) {
            double a = c.getDouble("x" + i), b = c.getDouble("x" + (i + 1));
            sum += 100 * (b - a * a) * (b - a * a) + (1 - a) * (1 - a);
        }
        return Map.of("value", sum);
    }
}
