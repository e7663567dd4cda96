package dev.retort.rec.preprocess;

import dev.retort.PlanException;
import dev.retort.rec.data.Interactions;
import dev.retort.rec.data.SeededRandom;
import dev.retort.rec.data.Subset;

/**
 * Keeps a uniform random sample of rows without replacement, in their original order: either
 * {@code count} rows (all if there are fewer) or {@code round(fraction * rows)}. Exactly one of
 * {@code count} and {@code fraction} is set; the {@code seed} fixes the sample.
 */
public record Subsample(Long count, Double fraction, long seed) implements StepSpec {
    public Subsample {
        if ((count == null) == (fraction == null)) throw PlanException.at(null, "subsample", null, "needs exactly one of n and fraction", "{n: rows} or {fraction: (0,1]}");
        if (count != null && count < 1) throw PlanException.at(null, "subsample.n", count, "must be at least 1", "integer >= 1");
        if (fraction != null && !(fraction > 0 && fraction <= 1)) throw PlanException.at(null, "subsample.fraction", fraction, "is out of range", "(0, 1]");
    }

    @Override
    public String label() {
        return "subsample(" + (count != null ? "n=" + count : "fraction=" + fraction) + ", seed=" + seed + ")";
    }

    @Override
    public Interactions apply(Interactions in, String where) {
        int n = in.size();
        long want = count != null ? count : Math.round(fraction * n);
        if (want >= n) return in;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        SeededRandom rnd = new SeededRandom(seed);
        // partial Fisher-Yates: the first `want` slots become a uniform sample
        for (int i = 0; i < want; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        boolean[] keep = new boolean[n];
        for (int i = 0; i < want; i++) keep[order[i]] = true;
        return Subset.compact(in, keep);
    }
}
