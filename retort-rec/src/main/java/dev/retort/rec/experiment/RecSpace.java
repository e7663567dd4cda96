package dev.retort.rec.experiment;

import dev.retort.PlanException;
import dev.retort.rec.algo.Algorithms;
import dev.retort.rec.data.spec.DatasetSpec;
import dev.retort.space.Config;
import dev.retort.space.Domain;
import dev.retort.space.Levels;
import dev.retort.space.Space;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The space of a recommender experiment: {@code dataset} (with {@code fold} under it) × {@code algorithm} (with its parameters). */
final class RecSpace {
    private RecSpace() {
    }

    static Space of(List<DatasetSpec> datasets, Map<String, Space> algorithms) {
        Levels ds = Levels.of();
        for (DatasetSpec d : datasets) {
            int folds = RecSpecs.folds(d);
            ds = folds > 1 ? ds.level(d.name(), Space.builder().factor("fold", Domain.range(0, folds)).build()) : ds.level(d.name());
        }
        Levels algs = Levels.of();
        for (Map.Entry<String, Space> e : algorithms.entrySet()) algs = algs.level(e.getKey(), e.getValue());
        return Space.builder().levels("dataset", ds).levels("algorithm", algs).build();
    }

    /**
     * The algorithm's canonical name, after checking every swept value of its parameters now rather than in a
     * worker later; a reserved parameter name is refused.
     */
    static String checkAlgorithm(String name, Space params) {
        String key = "algorithms." + name;
        String canonical = Algorithms.canonicalName(name, "algorithms");
        for (String p : params.parameterNames())
            if (RecPlanExtension.RESERVED.contains(p))
                throw PlanException.at(null, key + "." + p, null, "is a reserved name", "any parameter name but " + String.join(", ", RecPlanExtension.RESERVED));
        if (!params.isGridable()) return canonical;
        Iterator<Config> it = params.grid();
        for (int i = 0; it.hasNext() && i < 10_000; i++) Algorithms.resolve(canonical, it.next(), key);
        return canonical;
    }

    /** Whether some config of {@code params} (first 10,000 of a grid) sets {@code values: rating}. */
    static boolean usesRatings(String canonical, Space params) {
        if (!params.parameterNames().contains("values")) return false;
        if (!params.isGridable()) return true;
        Iterator<Config> it = params.grid();
        for (int i = 0; it.hasNext() && i < 10_000; i++)
            if ("rating".equals(Algorithms.resolve(canonical, it.next(), "algorithms." + canonical).asMap().get("values"))) return true;
        return false;
    }
}
