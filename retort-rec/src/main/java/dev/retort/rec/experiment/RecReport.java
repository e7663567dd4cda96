package dev.retort.rec.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.retort.engine.Results;
import dev.retort.report.ResultTable;
import dev.retort.space.Config;
import dev.retort.store.TrialRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One table per dataset: algorithm with a short hash of its parameters, the parameters, the fold (hidden for
 * a single split), one column per metric@k, fit and predict seconds. With folds, each config's fold rows
 * are followed by a {@code mean ± std} row (sample standard deviation over folds). Configs are ordered by
 * the mean of the first metric, best first.
 */
final class RecReport {
    private RecReport() {
    }

    static String render(List<TrialRecord> trials, List<String> metrics, ResultTable.Format format) {
        Map<String, List<TrialRecord>> byDataset = new TreeMap<>();
        for (TrialRecord t : trials) byDataset.computeIfAbsent(t.config().getString("dataset"), d -> new ArrayList<>()).add(t);
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, List<TrialRecord>> e : byDataset.entrySet()) {
            ResultTable table = table(e.getValue(), metrics);
            if (format == ResultTable.Format.TABLE || format == ResultTable.Format.MARKDOWN)
                sb.append(format == ResultTable.Format.MARKDOWN ? "### " : "== ").append(e.getKey()).append(format == ResultTable.Format.MARKDOWN ? "\n\n" : " ==\n");
            sb.append(table.render(format));
            if (format != ResultTable.Format.JSON) sb.append('\n');
        }
        return sb.toString();
    }

    static ResultTable table(List<TrialRecord> trials, List<String> metrics) {
        boolean folds = trials.stream().anyMatch(t -> t.config().has("fold"));
        Map<Long, Map<String, Object>> results = new java.util.HashMap<>(); // each result parsed once
        for (TrialRecord t : trials) results.put(t.id(), Results.fromJson(t.resultJson()));
        Map<String, List<TrialRecord>> byConfig = new LinkedHashMap<>();
        for (TrialRecord t : trials) byConfig.computeIfAbsent(configKey(t.config()), k -> new ArrayList<>()).add(t);
        String first = metrics.get(0);
        List<Map.Entry<String, List<TrialRecord>>> groups = new ArrayList<>(byConfig.entrySet());
        Map<String, Double> means = new java.util.HashMap<>();
        for (Map.Entry<String, List<TrialRecord>> g : groups) means.put(g.getKey(), mean(g.getValue(), first, results));
        groups.sort((a, b) -> Double.compare(means.get(b.getKey()), means.get(a.getKey())));
        List<String> cols = new ArrayList<>(List.of("algorithm", "params"));
        if (folds) cols.add("fold");
        cols.addAll(metrics);
        cols.addAll(List.of("fit_s", "predict_s"));
        List<List<Object>> rows = new ArrayList<>();
        for (Map.Entry<String, List<TrialRecord>> g : groups) {
            List<TrialRecord> ts = g.getValue();
            ts.sort((a, b) -> Long.compare(fold(a), fold(b)));
            Config c = ts.get(0).config();
            String alg = c.getString("algorithm") + "-" + params(c).with("algorithm", c.getString("algorithm")).shortHash();
            for (TrialRecord t : ts) {
                Map<String, Object> r = results.get(t.id());
                List<Object> row = new ArrayList<>(List.of(alg, paramText(c)));
                if (folds) row.add(t.config().has("fold") ? t.config().getLong("fold") : null);
                for (String m : metrics) row.add(r.get(m) instanceof Number n ? n.doubleValue() : null);
                row.add(r.get("fit_seconds"));
                row.add(r.get("predict_seconds"));
                rows.add(row);
            }
            if (folds && ts.size() > 1) {
                List<Object> row = new ArrayList<>(List.of(alg, paramText(c), "mean ± std"));
                for (String m : metrics) row.add(meanStd(ts, m, results));
                row.add(meanStd(ts, "fit_seconds", results));
                row.add(meanStd(ts, "predict_seconds", results));
                rows.add(row);
            }
        }
        return new ResultTable(cols, rows, first);
    }

    private static long fold(TrialRecord t) {
        return t.config().has("fold") ? t.config().getLong("fold") : 0;
    }

    static Config params(Config c) {
        Map<String, Object> p = new TreeMap<>(c.asMap());
        RecPlanExtension.RESERVED.forEach(p::remove);
        return Config.of(p);
    }

    private static String configKey(Config c) {
        return c.getString("algorithm") + params(c).toJson();
    }

    private static String paramText(Config c) {
        List<String> parts = new ArrayList<>();
        params(c).asMap().forEach((k, v) -> parts.add(k + "=" + v));
        return parts.isEmpty() ? "-" : String.join(" ", parts);
    }

    private static double mean(List<TrialRecord> ts, String metric, Map<Long, Map<String, Object>> results) {
        double s = 0;
        int n = 0;
        for (TrialRecord t : ts) {
            if (results.get(t.id()).get(metric) instanceof Number x) {
                s += x.doubleValue();
                n++;
            }
        }
        return n == 0 ? Double.NEGATIVE_INFINITY : s / n;
    }

    private static String meanStd(List<TrialRecord> ts, String metric, Map<Long, Map<String, Object>> results) {
        List<Double> v = new ArrayList<>();
        for (TrialRecord t : ts) if (results.get(t.id()).get(metric) instanceof Number x) v.add(x.doubleValue());
        if (v.isEmpty()) return "";
        double m = v.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double ss = v.stream().mapToDouble(x -> (x - m) * (x - m)).sum();
        double sd = v.size() > 1 ? Math.sqrt(ss / (v.size() - 1)) : 0;
        return String.format(Locale.ROOT, "%.4f ± %.4f", m, sd);
    }

    static List<String> metrics(JsonNode runtime) {
        List<String> out = new ArrayList<>();
        runtime.path("evaluation").forEach(n -> out.add(n.asText()));
        return out;
    }
}
