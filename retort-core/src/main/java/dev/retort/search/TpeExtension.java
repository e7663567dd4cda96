package dev.retort.search;

import com.fasterxml.jackson.databind.JsonNode;
import dev.retort.engine.SearchStrategy;
import dev.retort.plan.SearchArgs;
import dev.retort.plan.SearchExtension;
import dev.retort.space.Space;

import java.util.Set;

/**
 * {@code search: {tpe: {trials: 100, startup: 10, seed: 1}}}: {@code trials} in all, the first {@code startup}
 * (default 10, Optuna's n_startup_trials) random; {@code seed} defaults to 0.
 */
public final class TpeExtension implements SearchExtension {
    @Override
    public String name() {
        return "tpe";
    }

    @Override
    public Set<String> keys() {
        return Set.of("trials", "startup", "seed");
    }

    @Override
    public String usage() {
        return "{tpe: {trials: N, startup: 10, seed: S}}";
    }

    @Override
    public SearchStrategy parse(SearchArgs args, Space space) {
        long trials = args.integer("trials", 1, Long.MAX_VALUE, null);
        long startup = args.integer("startup", 0, Long.MAX_VALUE, 10L);
        long seed = args.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE, 0L);
        return new TpeSearch(trials, startup, seed);
    }

    @Override
    public SearchStrategy stored(JsonNode args) {
        return new TpeSearch(args.path("trials").asLong(), args.path("startup").asLong(10), args.path("seed").asLong());
    }
}
