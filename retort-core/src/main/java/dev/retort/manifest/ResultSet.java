package dev.retort.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.retort.PlanException;
import dev.retort.space.Config;
import dev.retort.store.TrialRecord;
import dev.retort.store.TrialStore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An experiment's results in canonical form: one entry per trial, sorted by config hash, holding the config,
 * the state, the metric and the result without its timings. Its canonical JSON's SHA-256 is the manifest's
 * results digest, and the text itself is kept in the capture store under that digest, so that
 * {@code retort rerun} and {@code retort diff} compare trial by trial.
 *
 * <p>Timings ({@code seconds} and every entry ending in {@code _seconds} or {@code _ms}) differ on every run
 * and are left out: two runs with equal results have equal digests.
 */
public final class ResultSet {
    private ResultSet() {
    }

    public static boolean isTiming(String key) {
        return key.equals("seconds") || key.endsWith("_seconds") || key.endsWith("_ms");
    }

    /** The canonical result entries of every trial in {@code store}, sorted by config hash. */
    public static List<Map<String, Object>> of(TrialStore store) {
        TreeMap<String, Map<String, Object>> byHash = new TreeMap<>();
        store.forEach(t -> byHash.put(t.configHash(), entry(t)));
        return new ArrayList<>(byHash.values());
    }

    private static Map<String, Object> entry(TrialRecord t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("config_hash", t.configHash());
        m.put("config", Canonical.parse(t.config().toJson(), "config"));
        m.put("state", t.state().name());
        m.put("metric", t.metric());
        Map<String, Object> result = new TreeMap<>();
        if (t.resultJson() != null) {
            JsonNode r = Canonical.parse(t.resultJson(), "result of trial " + t.id());
            for (Iterator<Map.Entry<String, JsonNode>> it = r.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!isTiming(e.getKey())) result.put(e.getKey(), e.getValue());
            }
        }
        m.put("result", t.resultJson() == null ? null : result);
        return m;
    }

    /**
     * A result export ({@code retort export --format json}, or {@code retort results --format json} of a plan
     * with one row per trial) as a result set: config hash to entry, with the same fields and the same timings
     * left out as {@link #of}, so that it compares with a manifest's results.
     */
    public static Map<String, JsonNode> fromExport(Path file, JsonNode rows) {
        Map<String, JsonNode> m = new TreeMap<>();
        int i = 0;
        for (JsonNode row : rows) {
            i++;
            JsonNode config = row.path("config");
            if (!config.isObject() || !row.path("state").isTextual())
                throw new PlanException(file + ": entry " + i + " has no \"config\" object and \"state\""
                        + (row.has("metrics") ? " (a recommender results table, one row per configuration)" : "")
                        + "; allowed: the output of 'retort export --format json', or of 'retort results --format json' of a plan without a recommender table");
            Config c;
            try {
                c = Config.fromJson(Canonical.compact(config));
            } catch (IllegalArgumentException e) {
                throw new PlanException(file + ": entry " + i + ": " + e.getMessage() + "; allowed: a config of scalar values, as exported");
            }
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("config_hash", c.hash());
            e.put("config", Canonical.parse(c.toJson(), "config"));
            e.put("state", row.get("state").asText());
            e.put("metric", row.path("metric").isNumber() ? row.get("metric").doubleValue() : null);
            JsonNode r = row.path("result");
            if (r.isObject()) {
                Map<String, Object> result = new TreeMap<>();
                r.fields().forEachRemaining(f -> {
                    if (!isTiming(f.getKey())) result.put(f.getKey(), f.getValue());
                });
                e.put("result", result);
            } else {
                e.put("result", null);
            }
            if (m.put(c.hash(), Canonical.tree(e)) != null)
                throw new PlanException(file + ": entry " + i + " repeats the config " + c.toJson() + "; allowed: one entry per trial, as exported");
        }
        return m;
    }

    /** Reads a stored result set: config hash to entry. */
    public static Map<String, JsonNode> read(JsonNode set) {
        Map<String, JsonNode> m = new TreeMap<>();
        set.forEach(e -> m.put(e.path("config_hash").asText(), e));
        return m;
    }
}
