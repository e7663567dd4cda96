package dev.retort.rec.split;

import dev.retort.PlanException;

/** Shared parameter checks for split records; messages name the plan key. */
final class Params {
    private Params() {
    }

    static void fraction(String key, double f) {
        if (!(f > 0 && f < 1)) throw PlanException.at(null, key, f, "is outside (0, 1)", "0 < fraction < 1");
    }

    static void validation(String key, double v, double taken) {
        if (!(v >= 0 && v < 1)) throw PlanException.at(null, key, v, "is outside [0, 1)", "0 <= validation < 1 (0 = none)");
        if (taken + v >= 1) throw PlanException.at(null, key, v, "plus the test fraction " + taken + " leaves no training data", "test + validation < 1");
    }

    static void folds(String key, int k) {
        if (k < 2) throw PlanException.at(null, key, k, "is too few folds", "integer >= 2");
    }

    /** round(f * n), at most {@code max}. */
    static int share(double f, int n, int max) {
        return (int) Math.min(max, Math.round(f * n));
    }
}
