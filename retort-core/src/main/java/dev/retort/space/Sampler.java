package dev.retort.space;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Random-search draws: one generator per (seed, index), factors drawn in declaration order. */
final class Sampler {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private Sampler() {
    }

    static Config sample(Space space, long seed, long index) {
        SplittableRandom random = new SplittableRandom(mix64(mix64(seed) ^ mix64(index + GOLDEN_GAMMA)));
        List<Object> namesAndValues = new ArrayList<>();
        sampleInto(space, random, namesAndValues);
        return Config.of(namesAndValues.toArray());
    }

    private static void sampleInto(Space space, SplittableRandom random, List<Object> out) {
        for (Factor f : space.factors()) {
            out.add(f.name());
            if (f instanceof Factor.Plain p) {
                out.add(p.sample(random));
            } else if (f instanceof Factor.Branch b) {
                int i = random.nextInt(b.levels().size());
                out.add(b.levels().values().get(i));
                sampleInto(b.levels().subSpace(i), random, out);
            }
        }
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser: every input bit affects every output bit. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
