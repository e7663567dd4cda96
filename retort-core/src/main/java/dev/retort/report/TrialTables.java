package dev.retort.report;

import dev.retort.engine.Metric;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Trials as flat tables. Fixed columns keep their names; a parameter whose name is taken becomes
 * {@code config.<name>}, a result entry whose name is taken (by a fixed column or a parameter) becomes
 * {@code result.<name>}. So a result {@code {"x": 99}} never replaces parameter {@code x}, and a result's
 * {@code seconds} never replaces the run time.
 */
public final class TrialTables {
    /** The fixed columns of {@link #export}, besides labels, parameters and results. */
    static final List<String> EXPORT_HEAD = List.of("trial", "state", "attempt");
    static final List<String> EXPORT_TAIL = List.of("cost", "seconds", "worker", "host", "created", "started", "finished", "phase", "error");

    private TrialTables() {
    }

    /**
     * The results table: trial, (rung and parent when some trial has a rung), labels, parameters, the metric, the other numeric result entries, cost (when
     * any trial has one) and seconds, in the order of {@code trials}.
     */
    public static ResultTable results(List<ExportedTrial> trials, Metric metric) {
        boolean anyCost = trials.stream().anyMatch(t -> t.cost() != null);
        List<String> tail = anyCost ? List.of("cost", "seconds") : List.of("seconds");
        return build(trials, metric, lineage(trials) ? List.of("trial", "rung", "parent") : List.of("trial"), tail, true);
    }

    /**
     * Every field of every trial: trial, state, attempt, (rung, parent, fidelity when some trial has a rung), labels, parameters, the metric, every other result
     * entry (nested values as JSON), cost, seconds, worker, host, created, started, finished, phase, error.
     */
    public static ResultTable export(List<ExportedTrial> trials, Metric metric) {
        List<String> head = lineage(trials) ? List.of("trial", "state", "attempt", "rung", "parent", "fidelity") : EXPORT_HEAD;
        return build(trials, metric, head, EXPORT_TAIL, false);
    }

    /** True when some trial has a rung (a multi-fidelity search): only then do the lineage columns appear. */
    private static boolean lineage(List<ExportedTrial> trials) {
        return trials.stream().anyMatch(t -> t.rung() != null);
    }

    private static ResultTable build(List<ExportedTrial> trials, Metric metric, List<String> head, List<String> tail,
                                     boolean numericOnly) {
        Set<String> labels = new LinkedHashSet<>();
        Set<String> params = new TreeSet<>();
        Set<String> entries = new TreeSet<>();
        for (ExportedTrial t : trials) {
            labels.addAll(t.labels().keySet());
            params.addAll(t.config().keySet());
            if (t.result() != null) t.result().forEach((k, v) -> {
                if (k.equals(metric.name())) return;
                if (k.equals("cost") && v instanceof Number) return; // it is the cost column
                if (!numericOnly || v instanceof Number) entries.add(k);
            });
        }
        // a parameter a label already shows (a recommender trial's dataset) is not repeated
        params.removeIf(p -> labels.contains(p) && trials.stream().allMatch(t -> !t.config().containsKey(p)
                || Objects.equals(t.config().get(p), t.labels().get(p))));

        List<String> reserved = new ArrayList<>(head);
        reserved.addAll(labels);
        reserved.addAll(tail);
        ColumnNames names = new ColumnNames(reserved);
        Map<String, String> paramCols = new LinkedHashMap<>();
        for (String p : params) paramCols.put(p, names.claim(p, "config."));
        String metricCol = names.claim(metric.name(), "result.");
        Map<String, String> entryCols = new LinkedHashMap<>();
        for (String e : entries) entryCols.put(e, names.claim(e, "result."));

        List<String> cols = new ArrayList<>(head);
        cols.addAll(labels);
        cols.addAll(paramCols.values());
        cols.add(metricCol);
        cols.addAll(entryCols.values());
        cols.addAll(tail);
        List<List<Object>> rows = new ArrayList<>();
        for (ExportedTrial t : trials) {
            List<Object> row = new ArrayList<>(cols.size());
            for (String h : head) row.add(fixed(t, h));
            for (String l : labels) row.add(t.labels().get(l));
            for (String p : paramCols.keySet()) row.add(t.config().get(p));
            row.add(t.metric());
            for (String e : entryCols.keySet()) row.add(t.result() == null ? null : t.result().get(e));
            for (String f : tail) row.add(fixed(t, f));
            rows.add(row);
        }
        return new ResultTable(cols, rows, metricCol);
    }

    private static Object fixed(ExportedTrial t, String column) {
        return switch (column) {
            case "trial" -> t.trial();
            case "state" -> t.state().name();
            case "attempt" -> t.attempt();
            case "rung" -> t.rung();
            case "parent" -> t.parent();
            case "fidelity" -> t.fidelity();
            case "cost" -> t.cost();
            case "seconds" -> t.seconds();
            case "worker" -> t.worker();
            case "host" -> t.host();
            case "created" -> ExportedTrial.time(t.created());
            case "started" -> ExportedTrial.time(t.started());
            case "finished" -> ExportedTrial.time(t.finished());
            case "phase" -> t.phase();
            case "error" -> t.error();
            default -> throw new dev.retort.BugException("no fixed trial column '" + column + "'");
        };
    }
}
