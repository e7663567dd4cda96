package dev.retort.rec.runner;

import dev.retort.PlanException;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Checks a plan's parameters for {@code <runner>.<Algo>} against the runner's {@code hello} and fills in defaults. */
public final class RunnerParams {
    private RunnerParams() {}

    /**
     * The full config to send in {@code fit}: every declared parameter, given or default.
     *
     * @param where the plan key, e.g. {@code algorithms.py.ItemKNN}
     * @throws PlanException for an unknown algorithm or parameter, a wrong type, or a value outside min/max/allowed
     */
    public static Map<String, Object> resolve(String runner, RunnerHello hello, String algorithm,
                                              Map<String, Object> given, String where) {
        Map<String, Map<String, Object>> decl = hello.algorithms().get(algorithm);
        if (decl == null)
            throw PlanException.at(where, "algorithms", runner + "." + algorithm, "is not an algorithm of runner '"
                    + runner + "' (" + hello.framework() + ")", String.join(", ", hello.algorithms().keySet()));
        Map<String, Object> out = new TreeMap<>();
        for (Map.Entry<String, Object> e : given.entrySet()) {
            Map<String, Object> d = decl.get(e.getKey());
            if (d == null)
                throw PlanException.at(where, e.getKey(), e.getValue(), "is not a parameter of " + runner + "." + algorithm,
                        decl.isEmpty() ? "none" : String.join(", ", decl.keySet()));
            out.put(e.getKey(), check(where + "." + e.getKey(), d, e.getValue()));
        }
        for (Map.Entry<String, Map<String, Object>> d : decl.entrySet())
            if (!out.containsKey(d.getKey())) {
                if (!d.getValue().containsKey("default"))
                    throw PlanException.at(where, d.getKey(), null, "is required by " + runner + "." + algorithm
                            + " and has no default", "a " + d.getValue().get("type"));
                out.put(d.getKey(), d.getValue().get("default"));
            }
        return out;
    }

    private static Object check(String key, Map<String, Object> d, Object v) {
        String type = String.valueOf(d.get("type"));
        Object value = switch (type) {
            case "int" -> v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) ? (Object) n.longValue() : null;
            case "float" -> v instanceof Number n ? (Object) n.doubleValue() : null;
            case "string" -> v instanceof String ? v : null;
            case "bool" -> v instanceof Boolean ? v : null;
            default -> throw new RunnerException(key + ": the runner declares type '" + type
                    + "'; protocol 1 allows int, float, string, bool");
        };
        if (value == null) throw PlanException.at(null, key, v, "is not of type " + type, type);
        if (value instanceof Number n) {
            if (d.get("min") instanceof Number min && n.doubleValue() < min.doubleValue())
                throw PlanException.at(null, key, v, "is below the minimum", ">= " + min);
            if (d.get("max") instanceof Number max && n.doubleValue() > max.doubleValue())
                throw PlanException.at(null, key, v, "is above the maximum", "<= " + max);
        }
        if (d.get("allowed") instanceof List<?> allowed && !allowed.contains(value))
            throw PlanException.at(null, key, v, "is not allowed", allowed.toString());
        return value;
    }
}
