package dev.retort.space;

import dev.retort.PlanException;

import java.util.List;
import java.util.SplittableRandom;

/** {@code uniform} or {@code loguniform} over doubles: random search only. */
record Distribution(String kind, double low, double high) implements Domain {

    static Distribution of(String where, String key, List<Object> args, String kind, double low, double high) {
        boolean log = kind.equals("loguniform");
        String allowed = log ? "[low, high] with 0 < low <= high" : "[low, high] finite with low <= high";
        if (!Double.isFinite(low) || !Double.isFinite(high) || !Double.isFinite(high - low))
            throw PlanException.at(where, key, args, "bounds must be finite numbers", allowed);
        if (low > high) throw PlanException.at(where, key, args, "low must be <= high", allowed);
        if (log && low <= 0) throw PlanException.at(where, key, args, "low must be > 0", allowed);
        return new Distribution(kind, low == 0.0 ? 0.0 : low, high == 0.0 ? 0.0 : high);
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
        throw new UnsupportedOperationException(kind + " has no finite list of levels");
    }

    @Override
    public Object level(long i) {
        throw new UnsupportedOperationException(kind + " has no finite list of levels");
    }

    @Override
    public Object sample(SplittableRandom random) {
        double u = random.nextDouble();
        double v = kind.equals("loguniform")
                ? Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low)))
                : low + u * (high - low);
        // exp/log and the multiply can round one ulp outside the bounds
        return Math.min(high, Math.max(low, v));
    }
}
