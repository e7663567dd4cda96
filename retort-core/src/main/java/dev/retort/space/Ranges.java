package dev.retort.space;

import com.fasterxml.jackson.core.io.NumberOutput;
import dev.retort.PlanException;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/** Computes and checks the materialised ranges {@code geom}, {@code igeom} and {@code linspace}. */
final class Ranges {
    /** Largest n accepted: the levels are held in memory. */
    static final long MAX_N = 1_000_000;

    private Ranges() {
    }

    static ListDomain geom(String where, String key, List<Object> shown, double min, double max, long n) {
        String allowed = "[min, max, n] with 0 < min <= max, 1 <= n <= " + MAX_N;
        check(where, key, shown, min, max, n, allowed);
        if (min <= 0) throw PlanException.at(where, key, shown, "min must be > 0", allowed);
        List<Object> out = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            double v = i == 0 ? min : i == n - 1 ? max : min * Math.pow(max / min, (double) i / (n - 1));
            // 15 significant digits drop the last-bit noise of pow without merging distinct levels
            addDistinct(out, i == 0 || i == n - 1 ? v : new BigDecimal(v).round(new MathContext(15)).doubleValue());
        }
        return new ListDomain("geom", List.of(min, max, n), out);
    }

    static ListDomain igeom(String where, String key, List<Object> shown, long min, long max, long n) {
        String allowed = "[min, max, n] integers with 1 <= min <= max, 1 <= n <= " + MAX_N;
        check(where, key, shown, min, max, n, allowed);
        if (min < 1) throw PlanException.at(where, key, shown, "min must be >= 1", allowed);
        List<Object> out = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            long v = i == 0 ? min : i == n - 1 ? max
                    : Math.round(min * Math.pow((double) max / min, (double) i / (n - 1)));
            addDistinct(out, v);
        }
        return new ListDomain("igeom", List.of(min, max, n), out);
    }

    static ListDomain linspace(String where, String key, List<Object> shown, double min, double max, long n) {
        String allowed = "[min, max, n] with min <= max, 1 <= n <= " + MAX_N;
        min = min == 0.0 ? 0.0 : min; // folds -0.0
        max = max == 0.0 ? 0.0 : max;
        check(where, key, shown, min, max, n, allowed);
        if (!Double.isFinite(max - min))
            throw PlanException.at(where, key, shown, "max - min overflows", allowed);
        // exact decimal arithmetic on the bounds as written, then one rounding to double: no drift (0.1 + 0.2
        // gives 0.3), and 1/6 still gets its nearest double
        BigDecimal lo = decimal(min);
        BigDecimal span = decimal(max).subtract(lo);
        BigDecimal steps = BigDecimal.valueOf(n - 1);
        List<Object> out = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            double v = i == 0 ? min : i == n - 1 ? max
                    : lo.add(span.multiply(BigDecimal.valueOf(i)).divide(steps, MathContext.DECIMAL128)).doubleValue();
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

    /** The shortest decimal that reads back as {@code d}, the same text on every JDK. */
    static BigDecimal decimal(double d) {
        return new BigDecimal(NumberOutput.toString(d, true));
    }

    /** Levels are non-decreasing, so a duplicate can only equal the previous level. */
    private static void addDistinct(List<Object> out, Object v) {
        if (out.isEmpty() || !out.get(out.size() - 1).equals(v)) out.add(v);
    }
}
