package dev.retort.manifest;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Two result sets ({@link ResultSet}) trial by trial: for each trial, by config hash, each result entry whose
 * values differ by more than the tolerance (absolute; 0 means bit for bit), a state that differs, or a trial
 * only one side has.
 */
public final class ResultCompare {
    private ResultCompare() {
    }

    /**
     * One difference of one trial.
     *
     * @param key      the result entry ({@code value}, {@code ndcg@10}), or {@code state}, or {@code trial} when one side lacks it
     * @param absolute |new - recorded| for numbers, else null
     * @param relative absolute / |recorded|, null for non-numbers or a recorded 0
     */
    public record TrialDifference(String configHash, String config, String key, String recorded, String found,
                                  Double absolute, Double relative) {
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("config_hash", configHash);
            m.put("config", config);
            m.put("key", key);
            m.put("recorded", recorded);
            m.put("found", found);
            m.put("abs", absolute);
            m.put("rel", relative);
            return m;
        }
    }

    public static List<TrialDifference> compare(Map<String, JsonNode> recorded, Map<String, JsonNode> found, double tolerance) {
        List<TrialDifference> out = new ArrayList<>();
        TreeSet<String> hashes = new TreeSet<>(recorded.keySet());
        hashes.addAll(found.keySet());
        for (String h : hashes) {
            JsonNode a = recorded.get(h), b = found.get(h);
            String config = Canonical.compact((a != null ? a : b).path("config"));
            if (a == null || b == null) {
                out.add(new TrialDifference(h, config, "trial", a == null ? ManifestDiff.NONE : a.path("state").asText(),
                        b == null ? ManifestDiff.NONE : b.path("state").asText(), null, null));
                continue;
            }
            if (!a.path("state").equals(b.path("state")))
                out.add(new TrialDifference(h, config, "state", a.path("state").asText(), b.path("state").asText(), null, null));
            TreeSet<String> keys = new TreeSet<>();
            a.path("result").fieldNames().forEachRemaining(keys::add);
            b.path("result").fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                JsonNode va = a.path("result").path(k), vb = b.path("result").path(k);
                if (va.isNumber() && vb.isNumber()) {
                    double x = va.asDouble(), y = vb.asDouble();
                    double abs = Math.abs(y - x);
                    boolean same = tolerance == 0 ? Double.doubleToLongBits(x) == Double.doubleToLongBits(y) && va.equals(vb) : abs <= tolerance;
                    if (!same) out.add(new TrialDifference(h, config, k, va.asText(), vb.asText(), abs, x == 0 ? null : abs / Math.abs(x)));
                } else if (!va.equals(vb)) {
                    out.add(new TrialDifference(h, config, k, text(va), text(vb), null, null));
                }
            }
        }
        return out;
    }

    private static String text(JsonNode n) {
        return n.isMissingNode() ? ManifestDiff.NONE : Canonical.compact(n);
    }
}
