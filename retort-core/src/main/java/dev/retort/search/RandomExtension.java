package dev.retort.search;

import com.fasterxml.jackson.databind.JsonNode;
import dev.retort.engine.RandomSearch;
import dev.retort.engine.SearchStrategy;
import dev.retort.plan.SearchArgs;
import dev.retort.plan.SearchExtension;
import dev.retort.space.Space;

import java.util.Set;

/** {@code search: {random: {trials: N, seed: S}}}; {@code seed} defaults to 0. */
public final class RandomExtension implements SearchExtension {
    @Override
    public String name() {
        return "random";
    }

    @Override
    public Set<String> keys() {
        return Set.of("trials", "seed");
    }

    @Override
    public String usage() {
        return "{random: {trials: N, seed: S}}";
    }

    @Override
    public SearchStrategy parse(SearchArgs args, Space space) {
        long trials = args.integer("trials", 1, Long.MAX_VALUE, null);
        long seed = args.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE, 0L);
        return new RandomSearch(trials, seed);
    }

    @Override
    public SearchStrategy stored(JsonNode args) {
        return new RandomSearch(args.path("trials").asLong(), args.path("seed").asLong());
    }
}
