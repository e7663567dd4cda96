package dev.retort.rec.data;

public final class Synthetic {
    public static Interactions generate(SyntheticSpec spec) { throw new UnsupportedOperationException("merged from branch recalgo"); }
}
