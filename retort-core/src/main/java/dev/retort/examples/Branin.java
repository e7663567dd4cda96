package dev.retort.examples;

import dev.retort.Objective;
import dev.retort.Trial;

import java.util.Map;

/**
 * The Branin-Hoo function on x1 in [-5, 10], x2 in [0, 15]: three global minima of 0.397887 at
 * (-pi, 12.275), (pi, 2.275) and (9.42478, 2.475). Returns {@code value}.
 */
public final class Branin implements Objective {
    public static double branin(double x1, double x2) {
        double a = 1, b = 5.1 / (4 * Math.PI * Math.PI), c = 5 / Math.PI, r = 6, s = 10, t = 1 / (8 * Math.PI);
        double u = x2 - b * x1 * x1 + c * x1 - r;
        return a * u * u + s * (1 - t) * Math.cos(x1) + s;
    }

    @Override
    public Map<String, Object> evaluate(Trial trial) {
        return Map.of("value", branin(trial.config().getDouble("x1"), trial.config().getDouble("x2")));
    }
}
