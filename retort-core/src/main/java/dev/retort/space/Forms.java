package dev.retort.space;

import dev.retort.PlanException;

import java.util.List;
import java.util.Map;

/** The single-key range and distribution forms ({@code geom: [..]} etc.): arity, argument types, construction. */
final class Forms {
    /** Every form name; a one-key map with one of these keys and a list value is a range or distribution. */
    static final List<String> KINDS = List.of("geom", "igeom", "linspace", "range", "uniform", "loguniform", "int", "choice");

    // a Map.of iterates in a per-run order, so messages list KINDS instead
    private static final Map<String, String> SHAPES = Map.of(
            "geom", "[min, max, n] numbers, n an integer",
            "igeom", "[min, max, n] integers",
            "linspace", "[min, max, n] numbers, n an integer",
            "range", "[start, stop] or [start, stop, step] integers",
            "uniform", "[low, high] numbers",
            "loguniform", "[low, high] numbers",
            "int", "[low, high] integers",
            "choice", "a list of scalar levels");

    private Forms() {
    }

    /** Builds the domain of form {@code kind}; {@code key} is the full key path, e.g. {@code space.x2.geom}. */
    static Domain domain(String where, String key, String kind, List<Object> args) {
        if (!KINDS.contains(kind))
            throw PlanException.at(where, key, kind, "is not a range or distribution form", String.join(", ", KINDS));
        String shape = SHAPES.get(kind);
        return switch (kind) {
            case "choice" -> ListDomain.of("choice", where, key, args);
            case "geom" -> Ranges.geom(where, key, args, num(where, key, args, 3, 0, shape), num(where, key, args, 3, 1, shape),
                    integer(where, key, args, 3, 2, shape));
            case "igeom" -> Ranges.igeom(where, key, args, integer(where, key, args, 3, 0, shape),
                    integer(where, key, args, 3, 1, shape), integer(where, key, args, 3, 2, shape));
            case "linspace" -> Ranges.linspace(where, key, args, num(where, key, args, 3, 0, shape),
                    num(where, key, args, 3, 1, shape), integer(where, key, args, 3, 2, shape));
            case "range" -> {
                int arity = args.size() == 2 ? 2 : 3;
                yield RangeDomain.of(where, key, integer(where, key, args, arity, 0, shape),
                        integer(where, key, args, arity, 1, shape), arity == 2 ? 1 : integer(where, key, args, 3, 2, shape));
            }
            case "int" -> IntDistribution.of(where, key, integer(where, key, args, 2, 0, shape),
                    integer(where, key, args, 2, 1, shape));
            default -> Distribution.of(where, key, args, kind, num(where, key, args, 2, 0, shape), num(where, key, args, 2, 1, shape));
        };
    }

    private static void arity(String where, String key, List<Object> args, int n, String shape) {
        if (args.size() != n)
            throw PlanException.at(where, key, args, "has " + args.size() + " values, expected " + n, shape);
    }

    private static double num(String where, String key, List<Object> args, int n, int i, String shape) {
        arity(where, key, args, n, shape);
        Object v = args.get(i);
        if (v instanceof Long l) return l;
        if (v instanceof Double d) return d;
        throw PlanException.at(where, key, args, "argument " + (i + 1) + " (" + render(v) + ") is not a number", shape);
    }

    private static long integer(String where, String key, List<Object> args, int n, int i, String shape) {
        arity(where, key, args, n, shape);
        Object v = args.get(i);
        if (v instanceof Long l) return l;
        throw PlanException.at(where, key, args, "argument " + (i + 1) + " (" + render(v) + ") is not an integer", shape);
    }

    private static String render(Object v) {
        return v instanceof String s ? "'" + s + "'" : String.valueOf(v);
    }
}
