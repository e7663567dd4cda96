package dev.retort.rec.data;

/** Placeholder; the real generator is merged from branch recalgo. */
public final class Synthetic {
    private Synthetic() {
    }

    public static Interactions generate(SyntheticSpec spec) { throw new UnsupportedOperationException("merged from branch recalgo"); }
}
