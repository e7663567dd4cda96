package dev.retort.space;

import dev.retort.PlanException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** A finite domain held as a list: {@code list}, {@code choice}, and the computed {@code geom, igeom, linspace}. */
record ListDomain(String kind, List<Object> args, List<Object> values) implements Domain {

    ListDomain {
        args = Collections.unmodifiableList(new ArrayList<>(args));
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** Canonicalises and checks user-given levels; {@code where} may be null, {@code key} defaults to the kind. */
    static ListDomain of(String kind, String where, String key, List<?> levels) {
        String k = key == null ? kind : key;
        List<Object> canon = new ArrayList<>(levels.size());
        Set<Object> seen = new HashSet<>();
        for (Object v : levels) {
            if (!(v instanceof String || v instanceof Number || v instanceof Boolean || v instanceof Character))
                throw PlanException.at(where, k, v, "is not a scalar level",
                        "strings, integers, floats and booleans");
            Object c = Config.canonical(k, v);
            if (!seen.add(c))
                throw PlanException.at(where, k, levels, "lists the level " + c + " twice",
                        "distinct levels (1 and 1.0 count as distinct)");
            canon.add(c);
        }
        return new ListDomain(kind, canon, canon);
    }

    @Override
    public boolean isFinite() {
        return true;
    }

    @Override
    public long size() {
        return values.size();
    }

    @Override
    public Object level(long i) {
        return values.get((int) i);
    }

    @Override
    public Object sample(SplittableRandom random) {
        return values.get(random.nextInt(values.size()));
    }
}
