package dev.retort.rec.algo;

import dev.retort.PlanException;
import dev.retort.space.Config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The registry of recommenders by name: {@code MostPopular, Random, ItemKNN, UserKNN, EASE, ALS, BPR} (also
 * {@code BPRMF}), each with declared parameters (see {@link #params}). Plan mistakes throw {@link PlanException}
 * whose key path is {@code where.param}, where {@code where} is the algorithm's place in the plan (default
 * {@code algorithms.<name>}). {@link #resolve} gives the full effective parameters (defaults filled in,
 * canonical types), which together with the name is what identifies a fitted model for hashing.
 */
public final class Algorithms {
    private interface Factory {
        Recommender create(Config p, int threads);
    }

    /**
     * @param version the implementation's version: part of every artifact key, so predictions saved by an
     *                older implementation are never reused. Bump it with any change that can change results.
     */
    private record Entry(int version, List<ParamSpec> params, Factory factory) {
    }

    /** {@code values}: how an algorithm that reads rating values may use them. */
    private static ParamSpec values(List<String> allowed, String doc) {
        return ParamSpec.choice("values", "binary", allowed, doc);
    }

    private static final ParamSpec BINARY_ONLY = values(List.of("binary"), "uses binary feedback (every training pair counts 1)");

    private static final Map<String, Entry> REGISTRY = new LinkedHashMap<>();
    private static final Map<String, String> ALIASES = Map.of("BPRMF", "BPR");

    static {
        // version 2: ties break by original item id (canonical dense ids), explicit values
        REGISTRY.put("MostPopular", new Entry(2, List.of(BINARY_ONLY), (p, t) -> new MostPopular(t)));
        REGISTRY.put("Random", new Entry(2, List.of(ParamSpec.seed("seed of the random ranking")),
                (p, t) -> new RandomRecommender(p.getLong("seed"), t)));
        REGISTRY.put("ItemKNN", new Entry(2, knnParams("items"), (p, t) -> new ItemKnn(p.getInt("k"),
                Similarity.byKey(p.getString("similarity")), p.getDouble("alpha"), p.getDouble("shrink"), t)));
        REGISTRY.put("UserKNN", new Entry(2, knnParams("users"), (p, t) -> new UserKnn(p.getInt("k"),
                Similarity.byKey(p.getString("similarity")), p.getDouble("alpha"), p.getDouble("shrink"), t)));
        REGISTRY.put("EASE", new Entry(2, List.of(ParamSpec.real("lambda", 500, 0, false, null, "L2 weight on B"), BINARY_ONLY),
                (p, t) -> new Ease(p.getDouble("lambda"), t)));
        REGISTRY.put("ALS", new Entry(2, List.of(
                ParamSpec.integer("factors", 64, 1, "latent dimensions"),
                ParamSpec.real("reg", 0.1, 0, true, null, "L2 weight on both factor matrices"),
                ParamSpec.real("alpha", 1.0, 0, true, null, "confidence slope: c = 1 + alpha r"),
                values(List.of("binary", "rating"), "r in the confidence: 1 for every training pair (binary) or the rating (rating)"),
                ParamSpec.integer("iterations", 15, 1, "alternating sweeps (users then items)"),
                ParamSpec.seed("seed of the initial factors"),
                ParamSpec.choice("solver", "cg", List.of("cg", "cholesky"), "per-row solver"),
                ParamSpec.integer("cg_steps", 3, 1, "conjugate-gradient steps per row and sweep (solver cg)")),
                (p, t) -> new Als(p.getInt("factors"), p.getDouble("reg"), p.getDouble("alpha"), p.getInt("iterations"),
                        p.getLong("seed"), p.getString("solver").equals("cg") ? Als.Solver.CG : Als.Solver.CHOLESKY,
                        p.getInt("cg_steps"), p.getString("values").equals("rating"), t)));
        // version 3: each epoch samples from its own (seed, epoch) stream, so a saved model can be continued
        REGISTRY.put("BPR", new Entry(3, List.of(
                ParamSpec.integer("factors", 64, 1, "latent dimensions"),
                ParamSpec.real("learning_rate", 0.05, 0, false, null, "SGD step size"),
                ParamSpec.real("reg", 0.01, 0, true, null, "L2 weight per step"),
                ParamSpec.integer("epochs", 20, 1, "passes of |train| sampled triples"),
                ParamSpec.seed("seed of the initial factors and the sampling"), BINARY_ONLY),
                (p, t) -> new Bpr(p.getInt("factors"), p.getDouble("learning_rate"), p.getDouble("reg"),
                        p.getInt("epochs"), p.getLong("seed"), t)));
    }

    private Algorithms() {
    }

    private static List<ParamSpec> knnParams(String what) {
        List<String> sims = new ArrayList<>();
        for (Similarity s : Similarity.values()) sims.add(s.key());
        return List.of(
                ParamSpec.integer("k", 50, 1, "neighbours kept per " + what.substring(0, what.length() - 1)),
                ParamSpec.choice("similarity", "cosine", sims, "similarity between " + what),
                ParamSpec.real("alpha", 0.5, 0, true, 1.0, "exponent of asymmetric_cosine"),
                ParamSpec.real("shrink", 0, 0, true, null, "added to the similarity denominator"),
                BINARY_ONLY);
    }

    /** The known names, canonical spelling, in a fixed order. */
    public static List<String> names() {
        return List.copyOf(REGISTRY.keySet());
    }

    /** The canonical name for {@code name} (e.g. {@code BPRMF -> BPR}); PlanException if unknown. */
    public static String canonicalName(String name, String where) {
        String n = ALIASES.getOrDefault(name, name);
        if (!REGISTRY.containsKey(n))
            throw PlanException.at(null, where == null || where.isEmpty() ? "algorithms" : where, name,
                    "is not a known algorithm", String.join(", ", names()) + " (BPRMF = BPR)");
        return n;
    }

    /** The implementation version of {@code name} (see {@code Entry}); part of every artifact key. */
    public static int version(String name) {
        return REGISTRY.get(canonicalName(name, null)).version();
    }

    /** The declared parameters of {@code name}, in declaration order. */
    public static List<ParamSpec> params(String name) {
        return REGISTRY.get(canonicalName(name, null)).params();
    }

    /** Parameter name -> default value, sorted by name. */
    public static Map<String, Object> defaults(String name) {
        Map<String, Object> d = new TreeMap<>();
        for (ParamSpec p : params(name)) d.put(p.name(), p.defaultValue());
        return d;
    }

    /** The full effective parameters: {@code params} validated, canonical types, defaults filled in. */
    public static Config resolve(String name, Config params, String where) {
        String n = canonicalName(name, where);
        String prefix = where == null || where.isEmpty() ? "algorithms." + n : where;
        List<ParamSpec> specs = REGISTRY.get(n).params();
        Map<String, ParamSpec> byName = new TreeMap<>();
        for (ParamSpec p : specs) byName.put(p.name(), p);
        for (String key : params.names())
            if (!byName.containsKey(key))
                throw PlanException.at(null, prefix + "." + key, params.get(key), "is not a parameter of " + n,
                        byName.isEmpty() ? "no parameters" : String.join(", ", byName.keySet()));
        Map<String, Object> out = new TreeMap<>();
        for (ParamSpec p : specs)
            out.put(p.name(), params.has(p.name()) ? p.check(prefix + "." + p.name(), params.get(p.name())) : p.defaultValue());
        return Config.of(out);
    }

    /** {@link #create(String, Config, String, int)} on all available processors. */
    public static Recommender create(String name, Config params, String where) {
        return create(name, params, where, Parallel.defaultThreads());
    }

    /**
     * A new, unfitted recommender. {@code threads} (>= 1) only changes speed, never results, so it is not a
     * parameter.
     */
    public static Recommender create(String name, Config params, String where, int threads) {
        String n = canonicalName(name, where);
        return REGISTRY.get(n).factory().create(resolve(n, params, where), Math.max(1, threads));
    }
}
