package dev.retort.space;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The values one plain factor can take: either a finite list of levels (a list, {@code choice}, {@code geom},
 * {@code igeom}, {@code linspace}, {@code range}), usable in a grid and in random search, or a continuous or
 * integer distribution ({@code uniform}, {@code loguniform}, {@code int}), usable only in random search.
 *
 * <p>The factories validate their arguments and throw {@link dev.retort.PlanException} naming the form
 * (e.g. {@code geom}), the arguments and what is allowed. Levels are canonical {@link Config} scalars
 * ({@code Long}, {@code Double}, {@code String}, {@code Boolean}).
 */
public sealed interface Domain permits ListDomain, RangeDomain, Distribution, IntDistribution {

    /** The form as written in a plan: {@code list, choice, geom, igeom, linspace, range, uniform, loguniform, int}. */
    String kind();

    /** The arguments as written (canonical scalars); for {@code list} and {@code choice} the levels themselves. */
    List<Object> args();

    /** True when the domain is a finite list of levels and can be swept in a grid. */
    boolean isFinite();

    /** Number of levels; only for finite domains. */
    long size();

    /** Level number {@code i} (0-based, in order); only for finite domains. */
    Object level(long i);

    /** One value drawn with {@code random}; a finite domain draws one of its levels uniformly. */
    Object sample(SplittableRandom random);

    /** A plain list of levels, in the given order. Duplicates are refused; an empty list is a dropped factor. */
    static Domain list(Object... levels) {
        return ListDomain.of("list", null, null, Arrays.asList(levels));
    }

    /** Like {@link #list}, but spelled {@code choice}: in random search, one of the levels uniformly. */
    static Domain choice(Object... levels) {
        return ListDomain.of("choice", null, null, Arrays.asList(levels));
    }

    /** {@code n} doubles geometrically spaced from {@code min} to {@code max} inclusive; 0 < min <= max, n >= 1. */
    static Domain geom(double min, double max, long n) {
        return Ranges.geom(null, "geom", List.of(min, max, n), min, max, n);
    }

    /** {@code n} geometrically spaced longs from {@code min} to {@code max}, rounded, duplicates removed; 1 <= min <= max. */
    static Domain igeom(long min, long max, long n) {
        return Ranges.igeom(null, "igeom", List.of(min, max, n), min, max, n);
    }

    /** {@code n} evenly spaced doubles from {@code min} to {@code max}, both exact; min <= max, n >= 1. */
    static Domain linspace(double min, double max, long n) {
        return Ranges.linspace(null, "linspace", List.of(min, max, n), min, max, n);
    }

    /** Longs {@code start, start+1, ...} below {@code stop} (Python's {@code range(start, stop)}). */
    static Domain range(long start, long stop) {
        return RangeDomain.of(null, "range", start, stop, 1);
    }

    /** Python's {@code range(start, stop, step)}: stop exclusive, step != 0, may be negative. */
    static Domain range(long start, long stop, long step) {
        return RangeDomain.of(null, "range", start, stop, step);
    }

    /** Random search only: a double uniform in [low, high); low <= high. */
    static Domain uniform(double low, double high) {
        return Distribution.of(null, "uniform", List.of(low, high), "uniform", low, high);
    }

    /** Random search only: a double whose logarithm is uniform; 0 < low <= high. */
    static Domain loguniform(double low, double high) {
        return Distribution.of(null, "loguniform", List.of(low, high), "loguniform", low, high);
    }

    /** Random search only: a long uniform in [low, high], both ends included (YAML {@code int: [low, high]}). */
    static Domain randint(long low, long high) {
        return IntDistribution.of(null, "int", low, high);
    }
}
