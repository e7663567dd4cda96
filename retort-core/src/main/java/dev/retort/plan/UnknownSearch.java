package dev.retort.plan;

import dev.retort.PlanException;
import dev.retort.engine.SearchStrategy;
import dev.retort.space.Config;
import dev.retort.space.Space;
import dev.retort.store.TrialStore;

import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A stored search strategy that no registered {@link SearchExtension} knows: a strategy given through the Java
 * API without a registration, or one whose jar is not on this command's class path. Commands that only read
 * the store (status, results, export) need no strategy and work; a worker refuses to start with
 * {@link #refusal()}, since it could not propose the configs the search would.
 */
public final class UnknownSearch implements SearchStrategy {
    private final String description;
    private final String name;
    private final Set<String> known;

    UnknownSearch(String description, String name, Set<String> known) {
        this.description = description;
        this.name = name;
        this.known = Set.copyOf(known);
    }

    /** Why no worker can run this search here, naming the fix. */
    public PlanException refusal() {
        return new PlanException("the experiment's search strategy " + (name == null ? description : "'" + name + "'")
                + " is registered by no " + SearchExtension.class.getName() + " on the class path (registered: "
                + String.join(", ", new java.util.TreeSet<>(known)) + "); allowed: --classpath naming the jar or directory"
                + " whose META-INF/services/" + SearchExtension.class.getName() + " registers it");
    }

    @Override
    public Iterator<Config> initial(Space space) {
        throw refusal();
    }

    @Override
    public List<Config> more(Space space, TrialStore store, int n) {
        throw refusal();
    }

    @Override
    public String describe() {
        return description;
    }
}
