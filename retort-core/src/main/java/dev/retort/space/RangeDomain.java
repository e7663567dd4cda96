package dev.retort.space;

import dev.retort.PlanException;

import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;

/** Python's {@code range(start, stop, step)} over longs, computed on demand so a huge range costs no memory. */
record RangeDomain(long start, long stop, long step, long size) implements Domain {

    static RangeDomain of(String where, String key, long start, long stop, long step) {
        if (step == 0)
            throw PlanException.at(where, key, List.of(start, stop, step), "step must not be 0",
                    "[start, stop] or [start, stop, step] integers with step != 0");
        // ceil((stop - start) / step) in exact arithmetic, so extreme bounds cannot overflow
        BigInteger span = BigInteger.valueOf(stop).subtract(BigInteger.valueOf(start));
        BigInteger st = BigInteger.valueOf(step);
        if (span.signum() != st.signum()) return new RangeDomain(start, stop, step, 0);
        BigInteger[] qr = span.divideAndRemainder(st);
        BigInteger n = qr[1].signum() != 0 ? qr[0].add(BigInteger.ONE) : qr[0];
        if (n.bitLength() >= 64)
            throw PlanException.at(where, key, List.of(start, stop, step), "has more than 2^63-1 values",
                    "ranges of at most 2^63-1 integers");
        return new RangeDomain(start, stop, step, n.longValue());
    }

    @Override
    public String kind() {
        return "range";
    }

    @Override
    public List<Object> args() {
        return List.of(start, stop, step);
    }

    @Override
    public boolean isFinite() {
        return true;
    }

    @Override
    public Object level(long i) {
        return start + i * step;
    }

    @Override
    public Object sample(SplittableRandom random) {
        return level(random.nextLong(size));
    }
}
