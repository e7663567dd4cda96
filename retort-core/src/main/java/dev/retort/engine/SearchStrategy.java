package dev.retort.engine;

import dev.retort.space.Config;
import dev.retort.space.Space;
import dev.retort.store.TrialStore;

import java.util.Iterator;
import java.util.List;

/**
 * Decides which configs become trials. Static strategies (grid, random) hand everything over up front;
 * adaptive ones (multi-fidelity, model-based) add trials as results come in through {@link #more}.
 */
public interface SearchStrategy {
    /** The configs registered before any worker starts, in trial-id order. Streamed: may be huge. */
    Iterator<Config> initial(Space space);

    /**
     * Asked by a worker that found no PENDING trial: new configs to register, or an empty list when this
     * strategy has nothing more to propose. Called concurrently by several workers (in several processes);
     * duplicates are harmless because trials are keyed by config hash.
     */
    default List<Config> more(Space space, TrialStore store, int n) {
        return List.of();
    }

    /** A canonical JSON description, part of the experiment's identity. */
    String describe();
}
