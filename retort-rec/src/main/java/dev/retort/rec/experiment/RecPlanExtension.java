package dev.retort.rec.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.retort.Objective;
import dev.retort.PlanException;
import dev.retort.engine.Goal;
import dev.retort.report.significance.UnitValues;
import dev.retort.engine.Metric;
import dev.retort.plan.ObjectSpecJson;
import dev.retort.plan.ObjectiveSpec;
import dev.retort.plan.PlanExtension;
import dev.retort.plan.Yaml;
import dev.retort.rec.data.spec.DatasetSpec;
import dev.retort.rec.metric.MetricSpec;
import dev.retort.space.Config;
import dev.retort.space.Space;
import dev.retort.space.SpaceParser;
import dev.retort.store.TrialRecord;
import org.yaml.snakeyaml.nodes.Node;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The recommender plan: {@code datasets}, {@code algorithms}, {@code metrics} and optionally
 * {@code evaluation: {k, save_models, cache, relevance: {min_rating}}}; the plan's {@code metric:} names the
 * ranking metric (it is always evaluated; default: {@link #defaultRanking}). Trials are (dataset, fold, algorithm
 * config): the space has a {@code dataset} factor whose levels carry a {@code fold} factor when the split has
 * folds, and an {@code algorithm} factor whose levels carry that algorithm's swept parameters.
 *
 * <p>Datasets are loaded and split while the plan is read, so bad data (a malformed line, an empty dataset
 * after preprocessing, more folds than a user has interactions, a checksum mismatch) is reported before
 * anything is written. The metrics and the relevance rule are runtime settings: changing them re-evaluates
 * finished trials from their saved predictions and is not a changed plan.
 */
public final class RecPlanExtension implements PlanExtension {
    static final Set<String> RESERVED = Set.of("dataset", "fold", "algorithm");
    static final String DEFAULT_METRIC = "ndcg@10";
    private static final Set<String> EVALUATION_KEYS = Set.of("k", "save_models", "cache", "relevance");

    @Override
    public Set<String> keys() {
        return Set.of("datasets", "algorithms", "metrics", "evaluation");
    }

    @Override
    public String kind() {
        return "rec";
    }

    @Override
    public Contribution parse(Source plan) {
        Yaml y = new Yaml(plan.file());
        Map<String, Node> top = y.mapping(y.compose(plan.text()), "", null);
        Map<String, Node> sections = new LinkedHashMap<>();
        for (String k : plan.keys()) sections.put(k, top.get(k));
        Node dsNode = sections.get("datasets");
        Node algNode = sections.get("algorithms");
        if (dsNode == null || algNode == null)
            throw new PlanException(y.file() + ": a recommender plan needs both datasets and algorithms; allowed keys: datasets, algorithms, metrics, evaluation");
        String planFile = plan.dir().resolve(Path.of(y.file()).getFileName()).toString();
        List<DatasetSpec> datasets = RecSpecs.datasets(dsNode, planFile);

        List<String> metricNames = new ArrayList<>();
        if (sections.containsKey("metrics")) {
            List<Node> ms = y.sequence(sections.get("metrics"), "metrics");
            for (int i = 0; i < ms.size(); i++) metricNames.add(y.string(ms.get(i), "metrics[" + i + "]"));
        } else {
            metricNames.addAll(List.of("ndcg@10", "hr@10", "recall@10"));
        }
        List<MetricSpec> metrics = new ArrayList<>(MetricSpec.parseAll(y.at(sections.getOrDefault("metrics", dsNode)), "metrics", metricNames));
        DeclaredMetric declared = plan.metric();
        MetricSpec ranking = declared == null ? defaultRanking(metrics) : MetricSpec.parse(declared.where(), "metric", declared.name());
        if (!metrics.contains(ranking)) metrics.add(ranking);
        Goal goal = declared != null && declared.goal() != null ? declared.goal()
                : ranking.kind().hasCutoff() ? Goal.MAXIMIZE : Goal.MINIMIZE;

        Map<String, Node> ev = sections.containsKey("evaluation")
                ? y.mapping(sections.get("evaluation"), "evaluation", EVALUATION_KEYS) : Map.of();
        int k = listLength(y, ev, metrics);
        boolean saveModels = !ev.containsKey("save_models") || y.bool(ev.get("save_models"), "evaluation.save_models");
        String cache = ev.containsKey("cache") ? plan.dir().resolve(y.string(ev.get("cache"), "evaluation.cache")).normalize().toString() : null;
        Double minRating = null;
        if (ev.containsKey("relevance")) {
            Map<String, Node> rel = y.mapping(ev.get("relevance"), "evaluation.relevance", Set.of("min_rating"));
            if (rel.containsKey("min_rating"))
                minRating = y.number(rel.get("min_rating"), "evaluation.relevance.min_rating", -Double.MAX_VALUE);
        }

        Map<String, Space> algorithms = new LinkedHashMap<>();
        Map<String, Node> algorithmNodes = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : y.mapping(algNode, "algorithms", null).entrySet()) {
            String where = y.at(e.getValue());
            Space params = SpaceParser.parseSection(e.getValue(), y.file(), "algorithms." + e.getKey());
            try {
                String name = RecSpace.checkAlgorithm(e.getKey(), params);
                algorithms.put(name, params);
                algorithmNodes.put(name, e.getValue());
            } catch (PlanException ex) {
                throw new PlanException(where + ": " + ex.getMessage());
            }
        }
        if (algorithms.isEmpty()) throw y.error(algNode, "algorithms", null, "is empty", "at least one algorithm, e.g. MostPopular: {}");
        Space space = RecSpace.of(datasets, algorithms);

        // Load every dataset now: data errors are plan errors, reported before anything is written.
        List<String> notices = new ArrayList<>();
        for (DatasetSpec d : datasets) {
            boolean ratings = DatasetCache.get(d, RecSpecs.dataCache(), notices::add).data().data().hasRatings();
            if (ratings) continue;
            if (minRating != null)
                throw y.error(ev.get("relevance"), "evaluation.relevance.min_rating", minRating,
                        "needs ratings, but dataset '" + d.name() + "' has none (no rating column, or a preprocessing step such as implicit dropped them)",
                        "omit relevance for implicit data (every test interaction is relevant)");
            for (Map.Entry<String, Space> a : algorithms.entrySet())
                if (RecSpace.usesRatings(a.getKey(), a.getValue()))
                    throw y.error(algorithmNodes.get(a.getKey()), "algorithms." + a.getKey() + ".values", "rating",
                            "needs ratings, but dataset '" + d.name() + "' has none", "values: binary for implicit data");
        }

        ObjectNode identity = ObjectSpecJson.object();
        identity.put("datasets", yamlText(dsNode));
        identity.put("k", k);
        ObjectNode runtime = ObjectSpecJson.object();
        runtime.put("plan_file", planFile);
        runtime.put("save_models", saveModels);
        if (cache != null) runtime.put("cache", cache);
        runtime.set("evaluation", new Evaluation(metrics, minRating).toJson());
        return new Contribution(space, new ObjectiveSpec(kind(), identity, runtime, null), new Metric(ranking.toString(), goal), notices);
    }

    /**
     * The ranking metric when the plan has no {@code metric:}: {@code ndcg@10} if listed, else the first
     * listed metric in a fixed order (ndcg, hr, precision, recall, map, mrr, coverage, rmse, mae; smaller
     * cut-off first), so reordering {@code metrics} never changes it.
     */
    static MetricSpec defaultRanking(List<MetricSpec> metrics) {
        MetricSpec ndcg10 = MetricSpec.parse("", "metric", DEFAULT_METRIC);
        if (metrics.contains(ndcg10)) return ndcg10;
        return metrics.stream().min(java.util.Comparator.comparingInt((MetricSpec m) -> m.kind().ordinal()).thenComparingInt(MetricSpec::k))
                .orElse(ndcg10);
    }

    private static int listLength(Yaml y, Map<String, Node> ev, List<MetricSpec> metrics) {
        int maxK = metrics.stream().mapToInt(MetricSpec::k).max().orElse(10);
        if (!ev.containsKey("k")) return Math.max(maxK, 100);
        long k = y.integer(ev.get("k"), "evaluation.k", 1);
        if (k < maxK) throw y.error(ev.get("k"), "evaluation.k", k, "is below the largest metric cut-off " + maxK, "an integer >= " + maxK);
        if (k > 100_000) throw y.error(ev.get("k"), "evaluation.k", k, "is too large", "an integer from " + maxK + " to 100000");
        return (int) k;
    }

    static String yamlText(Node n) {
        StringWriter w = new StringWriter();
        new org.yaml.snakeyaml.Yaml().serialize(n, w);
        return w.toString();
    }

    @Override
    public String report(List<TrialRecord> trials, JsonNode identity, JsonNode runtime, ReportOptions options) {
        String planFile = runtime.path("plan_file").asText("plan.yaml");
        Evaluation ev = Evaluation.fromJson(runtime.path("evaluation"), planFile);
        Map<String, Integer> folds = new LinkedHashMap<>();
        for (DatasetSpec d : RecSpecs.datasets(new Yaml(planFile).compose(identity.path("datasets").asText()), planFile)) {
            int n = RecSpecs.folds(d);
            folds.put(d.name(), n > 1 ? n : 0);
        }
        return RecReport.render(trials, ev.metricNames(), options, identity.path("k").asInt(100), folds);
    }

    /** The per-user values of {@code metric} saved with the trial's evaluation ({@code per_user.bin}). */
    @Override
    public UnitValues unitValues(TrialRecord trial, String metric, JsonNode identity, JsonNode runtime, Path artifacts) {
        Object file = trial.resultJson() == null ? null : dev.retort.engine.Results.fromJson(trial.resultJson()).get(RecObjective.PER_USER_KEY);
        if (!(file instanceof String rel))
            throw new PlanException("trial " + trial.id() + " has no saved per-user values (it was evaluated by a Retort that did"
                    + " not save them); allowed: --over folds, or a new experiment");
        Path root = runtime.has("cache") ? Path.of(runtime.get("cache").asText()) : artifacts;
        try {
            PerUserFile.Column c = PerUserFile.read(root.resolve(rel), metric);
            long[] ids = new long[c.users().length];
            for (int i = 0; i < ids.length; i++) ids[i] = c.users()[i];
            return new UnitValues("user", ids, c.values());
        } catch (java.io.IOException e) {
            throw new PlanException("trial " + trial.id() + ": cannot read " + root.resolve(rel) + ": " + e.getMessage());
        } catch (PlanException e) {
            throw new PlanException("trial " + trial.id() + ": " + e.getMessage() + "; allowed: --over folds");
        }
    }

    /** A recommender trial's dataset and fold (0 for a single split), from its config. */
    @Override
    public Map<String, Object> labels(Config config) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("dataset", config.get("dataset"));
        m.put("fold", config.has("fold") ? config.get("fold") : 0L);
        return m;
    }

    /** Each dataset's source, hashes, counts after each step and split part, split kind and seed (docs/manifest.md). */
    @Override
    public Map<String, Object> fingerprint(JsonNode identity, JsonNode runtime) {
        String planFile = runtime.path("plan_file").asText("plan.yaml");
        return RecFingerprint.of(RecSpecs.datasets(new Yaml(planFile).compose(identity.path("datasets").asText()), planFile));
    }

    @Override
    public Objective objective(JsonNode identity, JsonNode runtime, Path experimentDir) {
        String planFile = runtime.path("plan_file").asText("plan.yaml");
        List<DatasetSpec> datasets = RecSpecs.datasets(new Yaml(planFile).compose(identity.path("datasets").asText()), planFile);
        Evaluation ev = Evaluation.fromJson(runtime.path("evaluation"), planFile);
        Path root = runtime.has("cache") ? Path.of(runtime.get("cache").asText()) : experimentDir;
        // a worker: the plan was read (and its load lines shown) by the command that started the run
        return RecObjective.loaded(datasets, ev, identity.path("k").asInt(100), root, runtime.path("save_models").asBoolean(true), line -> { });
    }
}
