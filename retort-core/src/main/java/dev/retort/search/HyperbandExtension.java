package dev.retort.search;

import com.fasterxml.jackson.databind.JsonNode;
import dev.retort.engine.SearchStrategy;
import dev.retort.plan.SearchArgs;
import dev.retort.plan.SearchExtension;
import dev.retort.space.Space;

import java.util.Set;

/**
 * {@code search: {hyperband: {fidelity: epochs, min: 1, max: 27, eta: 3, trials: 200, seed: 1}}}: brackets of
 * ASHA; the same keys, defaults and checks as {@code asha}.
 */
public final class HyperbandExtension implements SearchExtension {
    @Override
    public String name() {
        return "hyperband";
    }

    @Override
    public Set<String> keys() {
        return Set.of("fidelity", "min", "max", "eta", "trials", "seed");
    }

    @Override
    public String usage() {
        return "{hyperband: {fidelity: PARAM, min: F, max: F, eta: 3, trials: N, seed: S}}";
    }

    @Override
    public SearchStrategy parse(SearchArgs args, Space space) {
        AshaSearch a = AshaExtension.parseArgs(args, space, "hyperband");
        return new HyperbandSearch(a.fidelity(), a.min(), a.max(), a.eta(), a.trials(), a.seed());
    }

    @Override
    public SearchStrategy stored(JsonNode args) {
        return new HyperbandSearch(args.path("fidelity").asText(), args.path("min").asDouble(), args.path("max").asDouble(),
                args.path("eta").asInt(), args.path("trials").asLong(), args.path("seed").asLong());
    }
}
