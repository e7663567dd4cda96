package dev.retort.rec.preprocess;

import dev.retort.PlanException;
import dev.retort.rec.data.Interactions;
import dev.retort.rec.data.Subset;

/** Keeps rows with {@code min <= rating <= max}; a null bound is open. Ratings are kept. */
public record RatingFilter(Float min, Float max) implements StepSpec {
    public RatingFilter {
        if (min == null && max == null) throw PlanException.at(null, "rating", null, "needs min or max", "{min: x, max: y}");
        if (min != null && max != null && min > max) throw PlanException.at(null, "rating", "min=" + min + " max=" + max, "is an empty range", "min <= max");
    }

    @Override
    public String label() {
        return "rating(min=" + min + ", max=" + max + ")";
    }

    @Override
    public Interactions apply(Interactions in, String where) {
        if (!in.hasRatings()) throw PlanException.at(where, "rating", label(), "needs ratings but the data has none", null);
        boolean[] keep = new boolean[in.size()];
        for (int i = 0; i < keep.length; i++) {
            float r = in.rating(i);
            keep[i] = (min == null || r >= min) && (max == null || r <= max);
        }
        return Subset.compact(in, keep);
    }
}
