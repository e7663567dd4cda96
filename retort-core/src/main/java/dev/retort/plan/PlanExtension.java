package dev.retort.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.retort.Objective;
import dev.retort.engine.Goal;
import dev.retort.engine.Metric;
import dev.retort.report.ResultTable;
import dev.retort.space.Space;
import dev.retort.store.TrialRecord;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A plan dialect found with {@link java.util.ServiceLoader}: it owns some top-level plan keys (the
 * recommender toolkit owns {@code datasets}, {@code algorithms}, {@code metrics}, {@code evaluation}) and
 * turns them into the space, the objective and the metric that the engine runs.
 *
 * <p>The interface exposes no parser types: an extension gets the plan's text and reads its own sections
 * with any YAML reader (core's {@link Yaml} helper keeps lines for messages).
 */
public interface PlanExtension {
    /** The top-level keys this extension reads. */
    Set<String> keys();

    /** The {@link ObjectiveSpec#kind()} this extension builds objectives for. */
    String kind();

    /**
     * What the extension's sections define.
     *
     * @param notices what the caller should tell the user about reading the plan (the recommender plan: one
     *                line per dataset loaded); an extension prints nothing itself
     */
    record Contribution(Space space, ObjectiveSpec objective, Metric metric, List<String> notices) {
        public Contribution {
            notices = List.copyOf(notices);
        }

        public Contribution(Space space, ObjectiveSpec objective, Metric metric) {
            this(space, objective, metric, List.of());
        }
    }

    /**
     * The plan's {@code metric:} entry as written.
     *
     * @param goal  null when the plan names only the metric, so the extension picks the natural direction
     * @param where {@code file:line} of the entry, for messages
     */
    record DeclaredMetric(String name, Goal goal, String where) {
    }

    /**
     * A plan that uses this extension.
     *
     * @param file   the plan file's name as given, for messages ({@code file:line})
     * @param text   the whole plan text; line numbers in it are the plan file's
     * @param dir    the plan file's directory, against which relative paths resolve
     * @param keys   the extension's keys the plan has, in plan order (at least one)
     * @param metric the plan's {@code metric:} entry, or null when it has none
     */
    record Source(String file, String text, Path dir, List<String> keys, DeclaredMetric metric) {
        public Source {
            keys = List.copyOf(keys);
        }
    }

    /** Reads the extension's sections; the metric returned is the plan's (a declared one is honoured or refused). */
    Contribution parse(Source plan);

    /**
     * How {@code retort results} asks for a report.
     *
     * @param metric  the plan's metric: rows are ordered by it, best first
     * @param perFold rows per fold (or other repetition) instead of one row per config
     * @param precision digits after the point in LaTeX and in {@code mean ± std} text cells (default 4)
     */
    record ReportOptions(ResultTable.Format format, Metric metric, boolean perFold, int precision) {
        public ReportOptions(ResultTable.Format format, Metric metric, boolean perFold) {
            this(format, metric, perFold, 4);
        }
    }

    /**
     * The extension's own results report (e.g. one table per dataset), or null to use the generic table.
     *
     * @param trials the experiment's DONE trials
     */
    default String report(List<TrialRecord> trials, JsonNode identity, JsonNode runtime, ReportOptions options) {
        return null;
    }

    /**
     * The per-unit values behind a DONE trial's metric (the recommender plan: one value per evaluated user, saved
     * with the evaluation), for paired significance tests over units; null when this extension saves none.
     *
     * @param metric    a metric of the plan, e.g. {@code ndcg@10}
     * @param artifacts the experiment's artifact root ({@link dev.retort.run.Experiment#dir()})
     * @throws dev.retort.PlanException when the trial has no saved values for {@code metric} (the message says why)
     */
    default dev.retort.report.significance.UnitValues unitValues(TrialRecord trial, String metric, JsonNode identity,
                                                                 JsonNode runtime, Path artifacts) {
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

    /**
     * What a run's manifest records about the data of a plan read by this extension (docs/manifest.md), from what
     * {@link #parse} computed. Keys, all optional: {@code datasets} (any JSON-able value; the recommender plan:
     * each dataset's source, file SHA-256 and size, format, counts after each step and per split part, split
     * kind and seed), {@code seeds} (name to seed, defaults included) and {@code files} (a list of
     * {@code {path, sha256, size}}: data files a rerun must find and verify). Default: nothing.
     */
    default Map<String, Object> fingerprint(JsonNode identity, JsonNode runtime) {
        return Map.of();
    }

    /** Builds the objective in a worker, from the stored {@link ObjectiveSpec}. */
    Objective objective(JsonNode identity, JsonNode runtime, Path experimentDir);
}
