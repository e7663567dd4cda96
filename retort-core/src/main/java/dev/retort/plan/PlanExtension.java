package dev.retort.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.retort.Objective;
import dev.retort.engine.Metric;
import dev.retort.space.Space;
import org.yaml.snakeyaml.nodes.Node;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * A plan dialect found with {@link java.util.ServiceLoader}: it owns some top-level plan keys (the
 * recommender toolkit owns {@code datasets}, {@code algorithms}, {@code metrics}) and turns them into the
 * space, the objective and the metric that the engine runs.
 */
public interface PlanExtension {
    /** The top-level keys this extension reads. */
    Set<String> keys();

    /** The {@link ObjectiveSpec#kind()} this extension builds objectives for. */
    String kind();

    /** What the extension's sections define. */
    record Contribution(Space space, ObjectiveSpec objective, Metric metric) {
    }

    /**
     * Reads the extension's sections (only the keys of {@link #keys()} that the plan has).
     *
     * @param planDir the plan file's directory, against which relative paths resolve
     */
    Contribution parse(Map<String, Node> sections, Yaml yaml, Path planDir);

    /**
     * The extension's own results report (e.g. one table per dataset), or null to use the generic table.
     *
     * @param trials the experiment's DONE trials
     */
    default String report(java.util.List<dev.retort.store.TrialRecord> trials, JsonNode identity, JsonNode runtime,
                          dev.retort.report.ResultTable.Format format) {
        return null;
    }

    /**
     * Fields this extension's trials add to their {@link dev.retort.report.ExportedTrial record}, taken from
     * the trial's config (the recommender plan adds {@code dataset} and {@code fold}). Keys must not be one of
     * {@link dev.retort.report.ExportedTrial#FIELDS}. Default: none.
     */
    default Map<String, Object> labels(dev.retort.space.Config config) {
        return Map.of();
    }

    /** Builds the objective in a worker, from the stored {@link ObjectiveSpec}. */
    Objective objective(JsonNode identity, JsonNode runtime, Path experimentDir);
}
