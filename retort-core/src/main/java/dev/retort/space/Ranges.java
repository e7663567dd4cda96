package dev.retort.space;

import dev.retort.PlanException;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Computes and checks the materialised ranges {@code geom}, {@code igeom} and {@code linspace}. */
final class Ranges {
    /** Largest n accepted: the levels are held in memory. */
    static final long MAX_N = 1_000_000;

    private Ranges() {
    }

    static ListDomain geom(String where, String key, double min, double max, long n) {
        String allowed = "[min, max, n] with 0 < min <= max, 1 <= n <= " + MAX_N;
        check(where, key, List.of(min, max, n), min, max, n, allowed);
        if (min <= 0) throw PlanException.at(where, key, List.of(min, max, n), "min must be > 0", allowed);
        List<Object> out = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            double v = i == 0 ? min : i == n - 1 ? max : min * Math.pow(max / min, (double) i / (n - 1));
            // 15 significant digits drop the last-bit noise of pow without merging distinct levels
            addDistinct(out, i == 0 || i == n - 1 ? v : new BigDecimal(v).round(new MathContext(15)).doubleValue());
        }
        return new ListDomain("geom", List.of(min, max, n), out);
    }

    static ListDomain igeom(String where, String key, long min, long max, long n) {
        String allowed = "[min, max, n] integers with 1 <= min <= max, 1 <= n <= " + MAX_N;
        check(where, key, List.of(min, max, n), min, max, n, allowed);
        if (min < 1) throw PlanException.at(where, key, List.of(min, max, n), "min must be >= 1", allowed);
        List<Object> out = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            long v = i == 0 ? min : i == n - 1 ? max
                    : Math.round(min * Math.pow((double) max / min, (double) i / (n - 1)));
            addDistinct(out, v);
        }
        return new ListDomain("igeom", List.of(min, max, n), out);
    }

    static ListDomain linspace(String where, String key, double min, double max, long n) {
        String allowed = "[min, max, n] with min <= max, 1 <= n <= " + MAX_N;
        min = min == 0.0 ? 0.0 : min; // folds -0.0
        max = max == 0.0 ? 0.0 : max;
        check(where, key, List.of(min, max, n), min, max, n, allowed);
        if (!Double.isFinite(max - min))
            throw PlanException.at(where, key, List.of(min, max, n), "max - min overflows", allowed);
        // round to 15 significant digits of the larger bound: removes drift such as 0.1 + 0.2, even near zero
        double scale = Math.max(Math.abs(min), Math.abs(max));
        int decimals = scale == 0 ? 0 : 14 - (int) Math.floor(Math.log10(scale));
        List<Object> out = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            double v = i == 0 ? min : i == n - 1 ? max : min + i * (max - min) / (n - 1);
            if (i != 0 && i != n - 1) v = new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
            addDistinct(out, v == 0.0 ? 0.0 : v);
        }
        return new ListDomain("linspace", List.of(min, max, n), out);
    }

    private static void check(String where, String key, List<Object> args, double min, double max, long n,
                              String allowed) {
        if (!Double.isFinite(min) || !Double.isFinite(max))
            throw PlanException.at(where, key, args, "bounds must be finite numbers", allowed);
        if (min > max) throw PlanException.at(where, key, args, "min must be <= max", allowed);
        if (n < 1) throw PlanException.at(where, key, args, "n must be >= 1", allowed);
        if (n > MAX_N) throw PlanException.at(where, key, args, "n must be <= " + MAX_N, allowed);
    }

    /** Levels are non-decreasing, so a duplicate can only equal the previous level. */
    private static void addDistinct(List<Object> out, Object v) {
        if (out.isEmpty() || !out.get(out.size() - 1).equals(v)) out.add(v);
    }
}
