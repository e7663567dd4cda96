package dev.retort.plan;

import dev.retort.engine.Limits;
import dev.retort.engine.Metric;
import dev.retort.engine.SearchStrategy;
import dev.retort.space.Space;
import dev.retort.store.StoreSettings;

/**
 * A resolved, immutable experiment description: the interface between the plan (YAML or Java), the store,
 * the worker processes and the results. Its identity part (space, objective, metric, search) decides which
 * trials exist and is stored with the experiment; its settings part (limits, leases, workers) may change
 * from run to run.
 *
 * @param workers default number of worker processes for {@code retort run}
 */
public record Plan(String name, Space space, ObjectiveSpec objective, Metric metric, SearchStrategy search,
                   Limits limits, StoreSettings store, int workers) {
    /**
     * The most worker processes one {@code retort run} starts (plan key {@code workers}, flag {@code --workers}).
     * Each is a JVM of its own; more than this on one host only thrashes it.
     */
    public static final int MAX_WORKERS = 1024;

    public Plan withLimits(Limits l) {
        return new Plan(name, space, objective, metric, search, l, store, workers);
    }

    public Plan withWorkers(int n) {
        return new Plan(name, space, objective, metric, search, limits, store, n);
    }

    public Plan withStore(StoreSettings s) {
        return new Plan(name, space, objective, metric, search, limits, s, workers);
    }

    /** Canonical JSON of what defines the trials; equal text means the same experiment. */
    public String identityJson() {
        return PlanJson.identity(this);
    }

    /** JSON of the run settings (limits, leases, workers, objective runtime options). */
    public String settingsJson() {
        return PlanJson.settings(this);
    }
}
