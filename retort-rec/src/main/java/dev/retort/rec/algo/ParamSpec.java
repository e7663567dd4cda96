package dev.retort.rec.algo;

import dev.retort.PlanException;

import java.util.List;

/**
 * One declared algorithm parameter: its name, type, default and valid range (numbers) or choices (strings).
 * {@link #check} turns a raw plan value into the canonical value ({@code Long} for INT and LONG, {@code Double}
 * for DOUBLE, {@code String}) or throws a {@link PlanException} naming the key path, the value and what is allowed.
 *
 * @param min lower bound or null; {@code minInclusive} says whether it is allowed itself
 * @param max upper bound (inclusive) or null
 * @param choices the allowed strings for STRING, empty for numbers
 */
public record ParamSpec(String name, Type type, Object defaultValue, Double min, boolean minInclusive, Double max,
                        List<String> choices, String doc) {
    /** Value types; INT is a count that must fit an int, LONG is a seed. */
    public enum Type { INT, LONG, DOUBLE, STRING }

    static ParamSpec integer(String name, long dflt, long min, String doc) {
        return new ParamSpec(name, Type.INT, dflt, (double) min, true, null, List.of(), doc);
    }

    static ParamSpec seed(String doc) {
        return new ParamSpec("seed", Type.LONG, 42L, null, true, null, List.of(), doc);
    }

    static ParamSpec real(String name, double dflt, double min, boolean minInclusive, Double max, String doc) {
        return new ParamSpec(name, Type.DOUBLE, dflt, min, minInclusive, max, List.of(), doc);
    }

    static ParamSpec choice(String name, String dflt, List<String> choices, String doc) {
        return new ParamSpec(name, Type.STRING, dflt, null, true, null, choices, doc);
    }

    /** A human description of the valid values, e.g. {@code integer >= 1} or {@code float > 0}. */
    public String allowed() {
        if (type == Type.STRING) return String.join(" | ", choices);
        String kind = switch (type) {
            case INT -> "integer";
            case LONG -> "64-bit integer";
            default -> "float";
        };
        StringBuilder sb = new StringBuilder(kind);
        if (min != null) sb.append(minInclusive ? " >= " : " > ").append(show(min));
        if (max != null) sb.append(min != null ? " and <= " : " <= ").append(show(max));
        return sb.toString();
    }

    /** The canonical, validated value of {@code raw} at key path {@code key}. */
    Object check(String key, Object raw) {
        Object v = switch (type) {
            case INT, LONG -> {
                if (raw instanceof Long l) yield l;
                if (raw instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p53) yield d.longValue();
                throw PlanException.at(null, key, raw, "is not an integer", allowed());
            }
            case DOUBLE -> {
                if (raw instanceof Long l) yield l.doubleValue();
                if (raw instanceof Double d) yield d;
                throw PlanException.at(null, key, raw, "is not a number", allowed());
            }
            case STRING -> {
                if (raw instanceof String s && choices.contains(s)) yield s;
                throw PlanException.at(null, key, raw, "is not a valid choice", allowed());
            }
        };
        if (v instanceof Number n) {
            double d = n.doubleValue();
            if (min != null && (minInclusive ? d < min : d <= min))
                throw PlanException.at(null, key, raw, "must be " + (minInclusive ? ">= " : "> ") + show(min), allowed());
            if (max != null && d > max) throw PlanException.at(null, key, raw, "must be <= " + show(max), allowed());
            if (type == Type.INT && (d > Integer.MAX_VALUE || d < Integer.MIN_VALUE))
                throw PlanException.at(null, key, raw, "does not fit a 32-bit integer", allowed());
        }
        return v;
    }

    private static String show(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
