package dev.retort.manifest;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Differences between two manifests as key paths ({@code datasets.synth.source.sha256},
 * {@code captured."train.py".sha256}), each with the recorded and the found value as compact JSON
 * ({@code (none)} where one side lacks the key).
 */
public final class ManifestDiff {
    public static final String NONE = "(none)";

    /** One difference: the key path, the first (recorded) value and the second (found) value. */
    public record Difference(String path, String recorded, String found) {
        public Map<String, Object> toMap() {
            return Map.of("path", path, "recorded", recorded, "found", found);
        }

        @Override
        public String toString() {
            return path + ": " + recorded + " -> " + found;
        }
    }

    /** What {@code retort rerun} checks before running: code, data, captured files, the plan. */
    public static final List<String> VERIFIED = List.of("retort", "objective.classpath", "objective.program.sha256",
            "objective.identity", "captured", "datasets", "data_files", "plan.text_sha256", "plan.resolved.identity");

    /** The sections {@code retort diff} shows, in this order, and the top-level keys each covers. */
    public static final Map<String, List<String>> SECTIONS = sections();

    /** Keys that differ on every run and say nothing about the experiment. */
    static final Predicate<String> VOLATILE = p -> p.equals("run.started_at") || p.equals("outcome.finished_at")
            || p.startsWith("outcome.results_file");

    private ManifestDiff() {
    }

    private static Map<String, List<String>> sections() {
        Map<String, List<String>> m = new java.util.LinkedHashMap<>();
        m.put("plan", List.of("experiment", "plan", "seeds"));
        m.put("code", List.of("retort", "objective", "captured"));
        m.put("environment", List.of("host", "environment", "git", "run"));
        m.put("data", List.of("datasets", "data_files"));
        m.put("outcome", List.of("outcome", "format"));
        return m;
    }

    /** The differences under the given key prefixes; paths ending in {@code .path} (where a file is) are left out when {@code ignorePaths}. */
    public static List<Difference> under(JsonNode a, JsonNode b, List<String> prefixes, boolean ignorePaths) {
        Map<String, String> fa = flatten(a), fb = flatten(b);
        List<Difference> out = new ArrayList<>();
        for (String k : new TreeSet<>(union(fa, fb))) {
            if (VOLATILE.test(k)) continue;
            if (ignorePaths && (k.endsWith(".path") || k.endsWith("\".path"))) continue;
            if (prefixes.stream().noneMatch(p -> k.equals(p) || k.startsWith(p + ".") || k.startsWith(p + "["))) continue;
            String va = fa.getOrDefault(k, NONE), vb = fb.getOrDefault(k, NONE);
            if (!va.equals(vb)) out.add(new Difference(k, va, vb));
        }
        return out;
    }

    private static TreeSet<String> union(Map<String, String> a, Map<String, String> b) {
        TreeSet<String> s = new TreeSet<>(a.keySet());
        s.addAll(b.keySet());
        return s;
    }

    /** Every leaf (and every empty object or array) of {@code n} by key path, its value as compact JSON. */
    public static Map<String, String> flatten(JsonNode n) {
        Map<String, String> out = new TreeMap<>();
        flatten("", n, out);
        return out;
    }

    private static void flatten(String path, JsonNode n, Map<String, String> out) {
        if (n.isObject() && n.size() > 0) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String k = e.getKey().matches("[A-Za-z0-9_@-]+") ? e.getKey() : "\"" + e.getKey() + "\"";
                flatten(path.isEmpty() ? k : path + "." + k, e.getValue(), out);
            }
        } else if (n.isArray() && n.size() > 0) {
            for (int i = 0; i < n.size(); i++) flatten(path + "[" + i + "]", n.get(i), out);
        } else {
            String v = Canonical.compact(n);
            out.put(path, v.length() > 200 ? v.substring(0, 197) + "..." : v);
        }
    }
}
