package dev.retort.engine;

import dev.retort.PlanException;
import dev.retort.space.Config;
import dev.retort.space.Space;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * {@code trials} draws from the space's distributions with an explicit seed. Draw {@code i} depends only on
 * (seed, i), so raising {@code trials} keeps the earlier draws. A repeated config (possible in small
 * discrete spaces) is one trial: configs are keyed by hash.
 */
public final class RandomSearch implements SearchStrategy {
    private final long trials;
    private final long seed;

    public RandomSearch(long trials, long seed) {
        if (trials < 1) throw PlanException.at(null, "search.random.trials", trials, "is below 1", "an integer >= 1");
        this.trials = trials;
        this.seed = seed;
    }

    public long trials() {
        return trials;
    }

    public long seed() {
        return seed;
    }

    @Override
    public Iterator<Config> initial(Space space) {
        return new Iterator<>() {
            long i;

            @Override
            public boolean hasNext() {
                return i < trials;
            }

            @Override
            public Config next() {
                if (!hasNext()) throw new NoSuchElementException();
                return space.sample(seed, i++);
            }
        };
    }

    @Override
    public String describe() {
        return "{\"random\":{\"seed\":" + seed + ",\"trials\":" + trials + "}}";
    }
}
