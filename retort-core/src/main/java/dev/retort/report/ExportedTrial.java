package dev.retort.report;

import dev.retort.BugException;
import dev.retort.engine.Results;
import dev.retort.store.TrialRecord;
import dev.retort.store.TrialState;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One trial as Retort reports it: the same record in {@code retort export}, {@code retort results --format json}
 * and the Java API ({@link TrialExports}). docs/exports.md documents its JSON shape ({@link #toJson()}).
 *
 * @param trial    the trial id (registration order), as {@code predictions} and {@code logs} take it
 * @param state    PENDING, RUNNING, DONE, FAILED or SKIPPED
 * @param attempt  how many times the trial was claimed (0 while never started)
 * @param labels   fields a plan extension adds for its trials, e.g. {@code dataset} and {@code fold} for a
 *                 recommender plan (see {@link dev.retort.plan.PlanExtension#labels}); empty for other plans
 * @param config   the trial's parameters, by name
 * @param result   what the objective returned (DONE trials), or null
 * @param metric   the plan's metric value from the result, or null
 * @param cost     the result's {@code cost}, or null
 * @param worker   the id of the worker that ran (or runs) the trial, or null
 * @param host     the host that worker registered from, or null when unknown
 * @param created  when the trial was registered (the store's clock)
 * @param started  when its last attempt started, or null
 * @param finished when it finished, or null
 * @param seconds  {@code finished - started} in seconds (millisecond resolution), or null
 * @param error    why it FAILED (or the last lost lease), or null
 * @param phase    the last phase the objective reported (e.g. FIT, PREDICT, EVAL), or null
 * @param rung     in a multi-fidelity search (ASHA, Hyperband), the trial's rung (0 = base), else null
 * @param parent   the trial of the same config one rung lower that this one continues, or null
 * @param fidelity the fidelity the trial ran at (e.g. epochs) in a multi-fidelity search, else null
 */
public record ExportedTrial(long trial, TrialState state, int attempt, Map<String, Object> labels,
                            Map<String, Object> config, Map<String, Object> result, Double metric, Double cost,
                            String worker, String host, Instant created, Instant started, Instant finished,
                            Double seconds, String error, String phase, Integer rung, Long parent, Double fidelity) {

    /**
     * The record's own JSON keys, in output order; labels come right after {@code attempt}; {@link #LINEAGE}
     * follow {@code attempt} (before labels) for a trial that has a rung.
     */
    public static final List<String> FIELDS = List.of("trial", "state", "attempt", "config", "result", "metric",
            "cost", "worker", "host", "created", "started", "finished", "seconds", "error", "phase");

    /** The keys a trial of a multi-fidelity search adds, only when it has a rung. */
    public static final List<String> LINEAGE = List.of("rung", "parent", "fidelity");

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public ExportedTrial {
        labels = labels == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        for (String k : labels.keySet())
            if (FIELDS.contains(k) || LINEAGE.contains(k)) throw new BugException("a plan extension's label '" + k + "' clashes with a trial record field; labels: " + labels);
    }

    /** A trial without lineage (grid, random). */
    public ExportedTrial(long trial, TrialState state, int attempt, Map<String, Object> labels,
                         Map<String, Object> config, Map<String, Object> result, Double metric, Double cost,
                         String worker, String host, Instant created, Instant started, Instant finished,
                         Double seconds, String error, String phase) {
        this(trial, state, attempt, labels, config, result, metric, cost, worker, host, created, started, finished,
                seconds, error, phase, null, null, null);
    }

    /** The record of a stored trial. @param host the worker's host, or null */
    public static ExportedTrial of(TrialRecord r, String host, Map<String, Object> labels) {
        Double seconds = r.durationMillis() == null ? null : r.durationMillis() / 1000.0;
        return new ExportedTrial(r.id(), r.state(), r.attempt(), labels, r.config().asMap(),
                r.resultJson() == null ? null : Collections.unmodifiableMap(Results.fromJson(r.resultJson())),
                r.metric(), r.cost(), r.worker(), host, Instant.ofEpochMilli(r.createdAt()), instant(r.startedAt()),
                instant(r.finishedAt()), seconds, r.error(), r.phase(), r.rung(), r.parentId(), r.fidelity());
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    /** ISO-8601 in UTC with milliseconds, e.g. {@code 2026-01-02T03:04:05.000Z}; null stays null. */
    public static String time(Instant t) {
        return t == null ? null : ISO_MILLIS.format(t);
    }

    /**
     * The JSON object: every key of {@link #FIELDS} always present (null where it does not apply), {@link
     * #LINEAGE} after {@code attempt} when the trial has a rung, labels
     * after {@code attempt}, times as {@link #time ISO-8601 UTC} strings.
     */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trial", trial);
        m.put("state", state.name());
        m.put("attempt", attempt);
        if (rung != null) { // only in a multi-fidelity search: other exports keep their shape
            m.put("rung", rung);
            m.put("parent", parent);
            m.put("fidelity", fidelity);
        }
        m.putAll(labels);
        m.put("config", config);
        m.put("result", result);
        m.put("metric", metric);
        m.put("cost", cost);
        m.put("worker", worker);
        m.put("host", host);
        m.put("created", time(created));
        m.put("started", time(started));
        m.put("finished", time(finished));
        m.put("seconds", seconds);
        m.put("error", error);
        m.put("phase", phase);
        return m;
    }
}
