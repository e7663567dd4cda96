package dev.retort.space;

import dev.retort.PlanException;

import java.util.List;
import java.util.SplittableRandom;

/** {@code int: [low, high]}: a long uniform over both ends inclusive; random search only. */
record IntDistribution(long low, long high) implements Domain {

    static IntDistribution of(String where, String key, long low, long high) {
        if (low > high)
            throw PlanException.at(where, key, List.of(low, high), "low must be <= high",
                    "[low, high] integers with low <= high (both included)");
        return new IntDistribution(low, high);
    }

    @Override
    public String kind() {
        return "int";
    }

    @Override
    public List<Object> args() {
        return List.of(low, high);
    }

    @Override
    public boolean isFinite() {
        return false;
    }

    @Override
    public long size() {
        throw new UnsupportedOperationException("int has no finite list of levels");
    }

    @Override
    public Object level(long i) {
        throw new UnsupportedOperationException("int has no finite list of levels");
    }

    @Override
    public Object sample(SplittableRandom random) {
        if (high < Long.MAX_VALUE) return random.nextLong(low, high + 1);
        if (low > Long.MIN_VALUE) return random.nextLong(low - 1, high) + 1;
        return random.nextLong();
    }
}
