package dev.retort.rec.preprocess;

import dev.retort.PlanException;
import dev.retort.rec.data.Interactions;
import dev.retort.rec.data.Subset;

/** Keeps rows with rating &gt;= {@code minRating}, then drops ratings: the data becomes implicit feedback. */
public record Implicit(float minRating) implements StepSpec {
    public Implicit {
        if (!Float.isFinite(minRating)) throw PlanException.at(null, "implicit.min_rating", minRating, "is not finite", "a number");
    }

    @Override
    public String label() {
        return "implicit(min_rating=" + minRating + ")";
    }

    @Override
    public Interactions apply(Interactions in, String where) {
        if (!in.hasRatings()) throw PlanException.at(where, "implicit.min_rating", minRating, "needs ratings but the data has none", null);
        boolean[] keep = new boolean[in.size()];
        for (int i = 0; i < keep.length; i++) keep[i] = in.rating(i) >= minRating;
        return Subset.withoutRatings(Subset.compact(in, keep));
    }
}
