package dev.retort.rec.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.retort.Objective;
import dev.retort.PlanException;
import dev.retort.engine.Metric;
import dev.retort.plan.ObjectSpecJson;
import dev.retort.plan.ObjectiveSpec;
import dev.retort.plan.PlanExtension;
import dev.retort.plan.Yaml;
import dev.retort.rec.algo.Algorithms;
import dev.retort.rec.data.spec.DatasetSpec;
import dev.retort.rec.metric.MetricSpec;
import dev.retort.space.Config;
import dev.retort.space.Domain;
import dev.retort.space.Levels;
import dev.retort.space.Space;
import dev.retort.space.SpaceBuilder;
import dev.retort.space.SpaceParser;
import org.yaml.snakeyaml.nodes.Node;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The recommender plan: {@code datasets}, {@code algorithms}, {@code metrics} (and optionally
 * {@code evaluation: {k: 100}}). Trials are (dataset, fold, algorithm config): the space has a
 * {@code dataset} factor whose levels carry a {@code fold} factor when the split has folds, and an
 * {@code algorithm} factor whose levels carry that algorithm's swept parameters.
 *
 * <p>Datasets are loaded and split while the plan is read, so bad data (a malformed line, an empty dataset
 * after preprocessing, more folds than a user has interactions, a checksum mismatch) is reported before
 * anything is written.
 */
public final class RecPlanExtension implements PlanExtension {
    static final Set<String> RESERVED = Set.of("dataset", "fold", "algorithm");

    @Override
    public Set<String> keys() {
        return Set.of("datasets", "algorithms", "metrics", "evaluation");
    }

    @Override
    public String kind() {
        return "rec";
    }

    @Override
    public Contribution parse(Map<String, Node> sections, Yaml y, Path planDir) {
        Node dsNode = sections.get("datasets");
        Node algNode = sections.get("algorithms");
        if (dsNode == null || algNode == null)
            throw new PlanException(y.file() + ": a recommender plan needs both datasets and algorithms; allowed keys: datasets, algorithms, metrics, evaluation");
        String planFile = planDir.resolve(Path.of(y.file()).getFileName()).toString();
        List<DatasetSpec> datasets = RecSpecs.datasets(dsNode, planFile);
        List<String> metricNames = new ArrayList<>();
        if (sections.containsKey("metrics")) {
            List<Node> ms = y.sequence(sections.get("metrics"), "metrics");
            for (int i = 0; i < ms.size(); i++) metricNames.add(y.string(ms.get(i), "metrics[" + i + "]"));
        } else {
            metricNames.addAll(List.of("ndcg@10", "hr@10", "recall@10"));
        }
        List<MetricSpec> metrics = MetricSpec.parseAll(y.at(sections.getOrDefault("metrics", dsNode)), "metrics", metricNames);
        int k = listLength(y, sections.get("evaluation"), metrics);
        Map<String, Node> ev0 = sections.containsKey("evaluation")
                ? y.mapping(sections.get("evaluation"), "evaluation", Set.of("k", "save_models", "cache")) : Map.of();
        boolean saveModels = !ev0.containsKey("save_models") || y.bool(ev0.get("save_models"), "evaluation.save_models");
        String cache = ev0.containsKey("cache") ? planDir.resolve(y.string(ev0.get("cache"), "evaluation.cache")).normalize().toString() : null;

        Map<String, Space> algorithms = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Node> e : y.mapping(algNode, "algorithms", null).entrySet()) {
            String where = y.at(e.getValue());
            Space params = SpaceParser.parseSection(e.getValue(), y.file(), "algorithms." + e.getKey());
            try {
                algorithms.put(RecSpace.checkAlgorithm(e.getKey(), params), params);
            } catch (PlanException ex) {
                throw new PlanException(where + ": " + ex.getMessage());
            }
        }
        if (algorithms.isEmpty()) throw y.error(algNode, "algorithms", null, "is empty", "at least one algorithm, e.g. MostPopular: {}");
        Space space = RecSpace.of(datasets, algorithms);

        // Load every dataset now: data errors are plan errors, reported before anything is written.
        for (DatasetSpec d : datasets) DatasetCache.get(d, RecSpecs.dataCache());

        ObjectNode identity = ObjectSpecJson.object();
        identity.put("datasets", yamlText(dsNode));
        identity.put("k", k);
        ObjectNode runtime = ObjectSpecJson.object();
        runtime.put("plan_file", planFile);
        runtime.put("save_models", saveModels);
        if (cache != null) runtime.put("cache", cache);
        ArrayNode ev = runtime.putArray("evaluation");
        metrics.forEach(m -> ev.add(m.toString()));
        Metric ranking = Metric.maximize(metrics.stream().filter(m -> m.k() > 0).findFirst().orElse(metrics.get(0)).toString());
        return new Contribution(space, new ObjectiveSpec(kind(), identity, runtime, null), ranking);
    }

    private static int listLength(Yaml y, Node evaluation, List<MetricSpec> metrics) {
        int maxK = metrics.stream().mapToInt(MetricSpec::k).max().orElse(10);
        if (evaluation == null) return Math.max(maxK, 100);
        Map<String, Node> m = y.mapping(evaluation, "evaluation", Set.of("k", "save_models", "cache"));
        if (!m.containsKey("k")) return Math.max(maxK, 100);
        long k = y.integer(m.get("k"), "evaluation.k", 1);
        if (k < maxK) throw y.error(m.get("k"), "evaluation.k", k, "is below the largest metric cut-off " + maxK, "an integer >= " + maxK);
        return (int) Math.min(k, 100_000);
    }

    static String yamlText(Node n) {
        StringWriter w = new StringWriter();
        new org.yaml.snakeyaml.Yaml().serialize(n, w);
        return w.toString();
    }

    @Override
    public String report(List<dev.retort.store.TrialRecord> trials, JsonNode identity, JsonNode runtime,
                         dev.retort.report.ResultTable.Format format) {
        return RecReport.render(trials, RecReport.metrics(runtime), format);
    }

    /** A recommender trial's dataset and fold (0 for a single split), from its config. */
    @Override
    public Map<String, Object> labels(Config config) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("dataset", config.get("dataset"));
        m.put("fold", config.has("fold") ? config.get("fold") : 0L);
        return m;
    }

    @Override
    public Objective objective(JsonNode identity, JsonNode runtime, Path experimentDir) {
        String planFile = runtime.path("plan_file").asText("plan.yaml");
        List<DatasetSpec> datasets = RecSpecs.datasets(new Yaml(planFile).compose(identity.path("datasets").asText()), planFile);
        List<String> names = new ArrayList<>();
        runtime.path("evaluation").forEach(n -> names.add(n.asText()));
        List<MetricSpec> metrics = MetricSpec.parseAll(planFile, "metrics", names);
        Path root = runtime.has("cache") ? Path.of(runtime.get("cache").asText()) : experimentDir;
        return new RecObjective(datasets, metrics, identity.path("k").asInt(100), root, runtime.path("save_models").asBoolean(true));
    }
}
