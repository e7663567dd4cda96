package dev.retort.store.jdbc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.retort.BugException;
import dev.retort.store.Counts;
import dev.retort.store.TrialState;

import java.io.IOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** Counts trials by state for every value of every parameter, reading canonical config JSON as a stream. */
final class ParameterCounter {
    private static final JsonFactory JSON = new JsonFactory();
    private final Map<String, Map<Object, long[]>> acc = new HashMap<>();

    void add(String configJson, TrialState state) {
        try (JsonParser p = JSON.createParser(configJson)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                Object value = switch (p.nextToken()) {
                    case VALUE_NUMBER_INT -> p.getLongValue();
                    case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
                    case VALUE_TRUE -> Boolean.TRUE;
                    case VALUE_FALSE -> Boolean.FALSE;
                    default -> p.getText();
                };
                acc.computeIfAbsent(name, k -> new HashMap<>())
                        .computeIfAbsent(value, v -> new long[TrialState.values().length])[state.ordinal()]++;
            }
        } catch (IOException e) {
            throw new BugException("stored config is not JSON: " + configJson, e);
        }
    }

    /** Numbers by value, then strings, then booleans: the values of one parameter may mix types. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareValues(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            int c = Double.compare(x.doubleValue(), y.doubleValue());
            return c != 0 ? c : a.getClass().getName().compareTo(b.getClass().getName());
        }
        if (a.getClass() == b.getClass()) return ((Comparable) a).compareTo(b);
        return a.getClass().getName().compareTo(b.getClass().getName());
    }

    Map<String, Map<Object, Counts>> result() {
        Map<String, Map<Object, Counts>> out = new TreeMap<>();
        acc.forEach((name, values) -> {
            Map<Object, Counts> m = new TreeMap<>(ParameterCounter::compareValues);
            values.forEach((v, n) -> {
                EnumMap<TrialState, Long> byState = new EnumMap<>(TrialState.class);
                for (TrialState s : TrialState.values()) byState.put(s, n[s.ordinal()]);
                m.put(v, new Counts(byState, 0));
            });
            out.put(name, m);
        });
        return out;
    }
}
