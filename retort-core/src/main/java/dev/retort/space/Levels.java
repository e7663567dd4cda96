package dev.retort.space;

import dev.retort.PlanException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The levels of a map-of-levels factor (execo's nested sweep): each level is a value of the factor and carries a
 * sub-space that is swept only under that level. The sub-space's parameters sit beside the factor in each config,
 * e.g. {@code {optimizer: sgd, momentum: 0.9}}. Immutable; {@link #level} returns a copy with one more level,
 * and levels keep the order they were added in.
 */
public final class Levels {
    private final List<Object> values;
    private final List<Space> spaces;

    private Levels(List<Object> values, List<Space> spaces) {
        this.values = values;
        this.spaces = spaces;
    }

    /** No levels yet. A factor left with no levels contributes nothing, like an empty list. */
    public static Levels of() {
        return new Levels(List.of(), List.of());
    }

    /** Adds a level with an empty sub-space: it yields one config, {@code {factor: value}}. */
    public Levels level(Object value) {
        return level(value, Space.empty());
    }

    /** Adds a level whose sub-space is swept only under it; a null sub-space is the empty one. */
    public Levels level(Object value, Space subSpace) {
        return level(value, subSpace == null ? Space.empty() : subSpace, null, null);
    }

    Levels level(Object value, Space subSpace, String where, String key) {
        String k = key == null ? "level" : key;
        if (!(value instanceof String || value instanceof Number || value instanceof Boolean))
            throw PlanException.at(where, k, value, "is not a scalar level", "strings, integers, floats and booleans");
        Object c = Config.canonical(k, value);
        if (values.contains(c))
            throw PlanException.at(where, k, c, "is a level already given", "distinct levels");
        List<Object> v = new ArrayList<>(values);
        List<Space> s = new ArrayList<>(spaces);
        v.add(c);
        s.add(subSpace);
        return new Levels(Collections.unmodifiableList(v), Collections.unmodifiableList(s));
    }

    /** The level values, in order. */
    public List<Object> values() {
        return values;
    }

    /** The sub-space of level number {@code i}. */
    public Space subSpace(int i) {
        return spaces.get(i);
    }

    public int size() {
        return values.size();
    }
}
