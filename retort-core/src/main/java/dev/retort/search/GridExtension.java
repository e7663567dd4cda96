package dev.retort.search;

import com.fasterxml.jackson.databind.JsonNode;
import dev.retort.engine.GridSearch;
import dev.retort.engine.SearchStrategy;
import dev.retort.plan.SearchArgs;
import dev.retort.plan.SearchExtension;
import dev.retort.space.Space;

import java.util.Set;

/** {@code search: grid}: every config of the full factorial; refused for spaces with distributions. */
public final class GridExtension implements SearchExtension {
    @Override
    public String name() {
        return "grid";
    }

    @Override
    public Set<String> keys() {
        return Set.of();
    }

    @Override
    public String usage() {
        return "grid";
    }

    @Override
    public SearchStrategy parse(SearchArgs args, Space space) {
        if (!space.isGridable())
            throw args.error(null, "grid", "cannot sweep a space with uniform/loguniform/int distributions",
                    "search: {random: {trials: N, seed: S}} or {tpe: {trials: N}} for such spaces, or lists and ranges for a grid");
        return new GridSearch();
    }

    @Override
    public SearchStrategy stored(JsonNode args) {
        return new GridSearch();
    }
}
