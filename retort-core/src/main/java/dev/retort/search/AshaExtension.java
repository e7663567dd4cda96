package dev.retort.search;

import com.fasterxml.jackson.databind.JsonNode;
import dev.retort.engine.SearchStrategy;
import dev.retort.plan.SearchArgs;
import dev.retort.plan.SearchExtension;
import dev.retort.space.Space;

import java.util.Set;
import java.util.TreeSet;

/**
 * {@code search: {asha: {fidelity: epochs, min: 1, max: 27, eta: 3, trials: 200, seed: 1}}}: asynchronous
 * successive halving on the parameter {@code fidelity} of the space; {@code eta} defaults to 3, {@code seed} to 0.
 */
public final class AshaExtension implements SearchExtension {
    static final String USAGE = "{asha: {fidelity: PARAM, min: F, max: F, eta: 3, trials: N, seed: S}}";

    @Override
    public String name() {
        return "asha";
    }

    @Override
    public Set<String> keys() {
        return Set.of("fidelity", "min", "max", "eta", "trials", "seed");
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public SearchStrategy parse(SearchArgs args, Space space) {
        return parseArgs(args, space, "asha");
    }

    /** The keys ASHA and Hyperband share, checked against the space. */
    static AshaSearch parseArgs(SearchArgs args, Space space, String name) {
        String fidelity = args.string("fidelity", null);
        if (!space.inEveryConfig(fidelity)) {
            String allowed = space.parameterNames().isEmpty() ? "a parameter of the space (the space has none)"
                    : "a parameter every config has (top-level, or in every level of a map of levels): "
                    + String.join(", ", new TreeSet<>(space.parameterNames()));
            throw args.error("fidelity", fidelity, space.parameterNames().contains(fidelity)
                    ? "is nested under some levels of another parameter but not all" : "is not a parameter of the space", allowed);
        }
        double min = args.number("min", Double.MIN_VALUE, Double.MAX_VALUE, null);
        double max = args.number("max", Double.MIN_VALUE, Double.MAX_VALUE, null);
        if (min > max)
            throw args.error("min", AshaSearch.num(min), "is above max (" + AshaSearch.num(max) + ")", "0 < min <= max");
        long eta = args.integer("eta", 2, 1000, 3L);
        long trials = args.integer("trials", 1, Long.MAX_VALUE, null);
        long seed = args.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE, 0L);
        return new AshaSearch(fidelity, min, max, (int) eta, trials, seed);
    }

    @Override
    public SearchStrategy stored(JsonNode args) {
        return new AshaSearch(args.path("fidelity").asText(), args.path("min").asDouble(), args.path("max").asDouble(),
                args.path("eta").asInt(), args.path("trials").asLong(), args.path("seed").asLong());
    }
}
