package dev.retort.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.retort.store.TrialRecord;
import dev.retort.store.TrialStore;

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

    /** Reads a stored result set: config hash to entry. */
    public static Map<String, JsonNode> read(JsonNode set) {
        Map<String, JsonNode> m = new TreeMap<>();
        set.forEach(e -> m.put(e.path("config_hash").asText(), e));
        return m;
    }
}
