package dev.retort.sweep;

import dev.retort.store.Counts;
import dev.retort.store.TrialState;
import dev.retort.store.TrialStore;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/** Counts by state for every value of every parameter (execo's {@code sweep_stats}), in one pass over the trials. */
public final class ParameterStats {
    private ParameterStats() {
    }

    public static Map<String, Map<Object, Counts>> byParameterValue(TrialStore store) {
        return store.countsByParameterValue();
    }

    /** Numbers by value, then strings, then booleans: values of one parameter may mix types. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static int compareValues(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) return Double.compare(x.doubleValue(), y.doubleValue()) != 0
                ? Double.compare(x.doubleValue(), y.doubleValue()) : a.getClass().getName().compareTo(b.getClass().getName());
        if (a.getClass() == b.getClass()) return ((Comparable) a).compareTo(b);
        return a.getClass().getName().compareTo(b.getClass().getName());
    }
}
