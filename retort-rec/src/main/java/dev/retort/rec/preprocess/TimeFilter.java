package dev.retort.rec.preprocess;

import dev.retort.PlanException;
import dev.retort.rec.data.Interactions;
import dev.retort.rec.data.Subset;

/** Keeps rows with {@code from <= timestamp < to} (epoch seconds); a null bound is open. */
public record TimeFilter(Long from, Long to) implements StepSpec {
    public TimeFilter {
        if (from == null && to == null) throw PlanException.at(null, "time", null, "needs from or to", "{from: s, to: s}");
        if (from != null && to != null && from >= to) throw PlanException.at(null, "time", "from=" + from + " to=" + to, "is an empty range", "from < to");
    }

    @Override
    public String label() {
        return "time(from=" + from + ", to=" + to + ")";
    }

    @Override
    public Interactions apply(Interactions in, String where) {
        if (!in.hasTimestamps()) throw PlanException.at(where, "time", label(), "needs timestamps but the data has none", null);
        boolean[] keep = new boolean[in.size()];
        for (int i = 0; i < keep.length; i++) {
            long t = in.timestamp(i);
            keep[i] = (from == null || t >= from) && (to == null || t < to);
        }
        return Subset.compact(in, keep);
    }
}
