package dev.retort.engine;

import dev.retort.space.Config;
import dev.retort.space.Space;

import java.util.Iterator;

/** Every config of the space's full factorial, in expansion order. */
public final class GridSearch implements SearchStrategy {
    @Override
    public Iterator<Config> initial(Space space) {
        return space.grid();
    }

    @Override
    public String describe() {
        return "\"grid\"";
    }
}
