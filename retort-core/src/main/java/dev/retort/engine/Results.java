package dev.retort.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.retort.BugException;
import dev.retort.store.Outcome;

import java.util.Map;
import java.util.TreeMap;

/** Turns what an objective returned into a stored {@link Outcome}: JSON, the plan's metric, the cost. */
public final class Results {
    static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private Results() {
    }

    /**
     * DONE with the metric and cost taken from {@code result}; FAILED when the metric is missing or not a
     * finite number (a diverged loss is a failed trial, as in Optuna), naming what was there instead.
     */
    public static Outcome outcome(Map<String, Object> result, Metric metric) {
        if (result == null) return Outcome.failed("the objective returned null instead of a result map", null);
        Double cost = number(result.get("cost"));
        String json = toJson(result);
        Object m = result.get(metric.name());
        Double value = number(m);
        if (value == null) {
            String why = m == null ? "has no metric '" + metric.name() + "'" : "has metric '" + metric.name() + "' = " + m + ", not a number";
            return Outcome.failed("result " + why + "; result was " + json, cost);
        }
        if (value.isNaN() || value.isInfinite())
            return Outcome.failed("metric '" + metric.name() + "' is " + value + "; result was " + json, cost);
        return Outcome.done(json, value, cost);
    }

    static Double number(Object v) {
        if (v instanceof Number n) return n.doubleValue();
        return null;
    }

    public static String toJson(Map<String, Object> result) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(result));
        } catch (JsonProcessingException e) {
            throw new BugException("cannot write a result map as JSON: " + result, e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> fromJson(String json) {
        try {
            return JSON.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new BugException("stored result is not JSON: " + json, e);
        }
    }

    /** The error text stored for an exception: its type and message, then the top of its stack. */
    public static String describe(Throwable t) {
        // Retort's own exceptions (a command's exit code and stderr, a timeout) carry messages written for people
        StringBuilder sb = new StringBuilder(t instanceof dev.retort.RetortException ? String.valueOf(t.getMessage()) : t.toString());
        StackTraceElement[] st = t.getStackTrace();
        if (!(t instanceof dev.retort.RetortException)) {
            for (int i = 0; i < Math.min(8, st.length); i++) sb.append("\n    at ").append(st[i]);
        }
        if (t.getCause() != null && t.getCause() != t) sb.append("\ncaused by: ").append(t.getCause());
        return sb.toString();
    }
}
