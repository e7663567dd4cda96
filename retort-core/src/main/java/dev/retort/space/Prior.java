package dev.retort.space;

import dev.retort.PlanException;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A belief about where a distribution's good values lie ({@code prior: {value: 1e-3, confidence: high}}, the
 * NePS idea): random draws (random search, the base rung of ASHA and Hyperband, TPE's startup trials) come from
 * a normal centred on {@code value} in the transformed space (log for {@code loguniform}), truncated to the range,
 * of width {@link #width()} times the range; for {@code choice} the value gets {@link #mass(int)} of the
 * probability and the other levels share the rest. TPE's prior component is the same distribution.
 */
public record Prior(Object value, String confidence) {
    /** The confidences, most confident first. */
    public static final List<String> CONFIDENCES = List.of("high", "medium", "low");

    /**
     * Standard deviation of the numeric prior as a fraction of the (transformed) range: high 0.125, medium 0.25,
     * low 0.5 (the fractions NePS uses; 0.25 for high was hardly better than a flat draw on Branin).
     */
    public double width() {
        return switch (confidence) {
            case "high" -> 0.125;
            case "medium" -> 0.25;
            default -> 0.5;
        };
    }

    /** Share of a categorical prior's value among {@code levels} levels: 0.8, 0.6, 0.4, but never below 1/levels. */
    public double mass(int levels) {
        double m = switch (confidence) {
            case "high" -> 0.8;
            case "medium" -> 0.6;
            default -> 0.4;
        };
        return Math.max(m, 1.0 / levels);
    }

    /**
     * Checks {@code value} and {@code confidence} against {@code domain}; {@code key} is the prior's key path
     * (e.g. {@code space.lr.prior}). Returns the prior with its value canonical (an integer value of a
     * {@code uniform} as a double).
     */
    static Prior of(String where, String key, Domain domain, Object value, Object confidence) {
        if (!(confidence instanceof String c) || !CONFIDENCES.contains(c))
            throw PlanException.at(where, key + ".confidence", confidence, "is not a confidence", "low, medium, high");
        if (domain instanceof Distribution d) {
            if (!(value instanceof Long || value instanceof Double) || ((Number) value).doubleValue() < d.low()
                    || ((Number) value).doubleValue() > d.high())
                throw PlanException.at(where, key + ".value", value, "is not in the domain of " + d.kind(),
                        "a number in [" + d.low() + ", " + d.high() + "]");
            double v = ((Number) value).doubleValue();
            return new Prior(v == 0.0 ? 0.0 : v, c);
        }
        if (domain instanceof IntDistribution in) {
            if (!(value instanceof Long l) || l < in.low() || l > in.high())
                throw PlanException.at(where, key + ".value", value, "is not in the domain of int",
                        "an integer in [" + in.low() + ", " + in.high() + "]");
            return new Prior(l, c);
        }
        if (domain instanceof ListDomain list && list.kind().equals("choice")) {
            if (!list.values().contains(value))
                throw PlanException.at(where, key + ".value", value, "is not a level of choice",
                        "one of " + list.values());
            return new Prior(value, c);
        }
        throw PlanException.at(where, key, null, "is beside {" + domain.kind() + ": ...}, which is not a distribution",
                "a prior only on uniform, loguniform, int or choice");
    }

    /** One value of {@code domain} drawn from this prior. */
    Object sample(Domain domain, SplittableRandom random) {
        if (domain instanceof Distribution d) {
            boolean log = d.kind().equals("loguniform");
            double lo = log ? Math.log(d.low()) : d.low(), hi = log ? Math.log(d.high()) : d.high();
            if (lo == hi) return d.low();
            double t = normal(log ? Math.log((Double) value) : (Double) value, width() * (hi - lo), lo, hi, random);
            double v = log ? Math.exp(t) : t;
            return Math.min(d.high(), Math.max(d.low(), v));
        }
        if (domain instanceof IntDistribution in) {
            if (in.low() == in.high()) return in.low();
            double lo = in.low() - 0.5, hi = in.high() + 0.5;
            double t = normal((Long) value, width() * (hi - lo), lo, hi, random);
            return Math.min(in.high(), Math.max(in.low(), Math.round(t)));
        }
        List<Object> levels = ((ListDomain) domain).values();
        double[] p = pmf(levels);
        double u = random.nextDouble(), acc = 0;
        for (int i = 0; i < p.length; i++) {
            acc += p[i];
            if (u < acc) return levels.get(i);
        }
        return levels.get(levels.size() - 1);
    }

    /** The categorical prior over {@code levels}: {@link #mass(int)} on the value, the rest shared evenly. */
    double[] pmf(List<Object> levels) {
        int m = levels.size();
        double[] p = new double[m];
        if (m == 1) {
            p[0] = 1;
            return p;
        }
        double own = mass(m), rest = (1 - own) / (m - 1);
        for (int i = 0; i < m; i++) p[i] = levels.get(i).equals(value) ? own : rest;
        return p;
    }

    /** A normal (mu, sigma) truncated to [lo, hi] by rejection; sigma >= an eighth of the range, so a draw lands inside in a few tries. */
    private static double normal(double mu, double sigma, double lo, double hi, SplittableRandom random) {
        for (int tries = 0; tries < 100; tries++) {
            double x = mu + sigma * Tpe.gaussian(random);
            if (x >= lo && x <= hi) return x;
        }
        return mu;
    }
}
