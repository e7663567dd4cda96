package dev.retort.rec.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.retort.BugException;
import dev.retort.engine.Goal;
import dev.retort.engine.Metric;
import dev.retort.engine.Results;
import dev.retort.plan.PlanExtension.ReportOptions;
import dev.retort.report.Cells;
import dev.retort.report.LatexTable;
import dev.retort.report.ResultTable;
import dev.retort.space.Config;
import dev.retort.store.TrialRecord;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The results of a recommender experiment. Each row is a config on a dataset: its trial ids, the algorithm
 * and its artifact directory name, the parameters, then the metrics, fit and predict seconds. On a dataset
 * with folds a row covers all of the config's finished folds (mean ± sample standard deviation, and how many
 * folds are done); with {@link ReportOptions#perFold()} each fold is its own row. Rows are ordered by the
 * plan's metric, best first.
 *
 * <p>Text and Markdown: one table per dataset under its name. CSV and JSON: one document for all datasets,
 * each row naming its dataset, values as numbers (aggregated rows: {@code m} and {@code m_std} columns in
 * CSV, {@code {"mean": .., "std": .., "n": ..}} in JSON).
 */
final class RecReport {
    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.INDENT_OUTPUT, true);
    static final List<String> TIMES = List.of("fit_seconds", "predict_seconds");

    private RecReport() {
    }

    /**
     * @param folds per dataset name, its number of folds (0 or absent: a single split)
     * @param k     the list length, part of the artifact directory name
     */
    static String render(List<TrialRecord> trials, List<String> metrics, ReportOptions options, int k, Map<String, Integer> folds) {
        Map<String, List<RecRow>> byDataset = rows(trials, metrics, options, k, folds);
        boolean perFold = options.perFold();
        return switch (options.format()) {
            case TABLE, MARKDOWN -> text(byDataset, metrics, options);
            case CSV -> csv(byDataset, metrics, perFold).render(ResultTable.Format.CSV);
            case JSON -> json(byDataset, metrics, perFold);
            case LATEX -> latex(byDataset, metrics, options);
        };
    }

    /**
     * One booktabs table per dataset: algorithm, parameters, folds done (aggregated) or fold, then each metric
     * (mean ± std over folds); the best value of each metric bold, the second underlined. Seconds and trial ids
     * stay in the other formats: a paper table shows what was measured.
     */
    private static String latex(Map<String, List<RecRow>> byDataset, List<String> metrics, ReportOptions options) {
        StringBuilder sb = new StringBuilder();
        Map<String, Goal> ranked = new LinkedHashMap<>();
        for (String m : metrics) ranked.put(m, goal(m));
        for (Map.Entry<String, List<RecRow>> e : byDataset.entrySet()) {
            List<RecRow> rows = e.getValue();
            boolean hasFolds = rows.stream().anyMatch(r -> r.foldsPlanned() > 0);
            boolean agg = hasFolds && !options.perFold();
            List<String> cols = new ArrayList<>(List.of("algorithm", "params"));
            if (hasFolds) cols.add(agg ? "folds" : "fold");
            cols.addAll(metrics);
            List<List<Object>> out = new ArrayList<>();
            for (RecRow r : rows) {
                List<Object> row = new ArrayList<>(List.of(r.algorithm(), r.paramText()));
                if (hasFolds) row.add(agg ? r.trials().size() + "/" + r.foldsPlanned() : r.folds().get(0));
                for (String m : metrics) row.add(agg ? r.meanStd(m) : single(r, m));
                out.add(row);
            }
            String caption = "dataset " + e.getKey() + (agg ? ": mean ± sample std over folds" : "")
                    + "; best bold, second underlined";
            if (sb.length() > 0) sb.append('\n');
            try {
                StringWriter w = new StringWriter();
                LatexTable.write(new ResultTable(cols, out, metrics.isEmpty() ? null : metrics.get(0)),
                        new LatexTable.Options(options.precision(), ranked, caption), w);
                sb.append(w);
            } catch (java.io.IOException ex) {
                throw new BugException("cannot render a LaTeX table into memory", ex);
            }
        }
        return sb.toString();
    }

    /** Ranking metrics are better higher; rating errors (rmse, mae) lower. */
    static Goal goal(String metric) {
        return metric.startsWith("rmse") || metric.startsWith("mae") ? Goal.MINIMIZE : Goal.MAXIMIZE;
    }

    /** Rows per dataset (datasets by name), each dataset's rows best first by the plan's metric. */
    static Map<String, List<RecRow>> rows(List<TrialRecord> trials, List<String> metrics, ReportOptions options, int k,
                                          Map<String, Integer> folds) {
        Map<String, Map<String, List<TrialRecord>>> groups = new TreeMap<>();
        for (TrialRecord t : trials) {
            Config c = t.config();
            String key = options.perFold() ? "trial " + t.id() : c.getString("algorithm") + params(c).toJson();
            groups.computeIfAbsent(c.getString("dataset"), d -> new LinkedHashMap<>()).computeIfAbsent(key, x -> new ArrayList<>()).add(t);
        }
        Map<String, List<RecRow>> out = new LinkedHashMap<>();
        Metric metric = options.metric();
        for (Map.Entry<String, Map<String, List<TrialRecord>>> d : groups.entrySet()) {
            List<RecRow> rows = new ArrayList<>();
            int planned = folds.getOrDefault(d.getKey(), 0);
            for (List<TrialRecord> ts : d.getValue().values()) rows.add(row(d.getKey(), ts, metrics, k, planned));
            boolean max = metric.goal() == Goal.MAXIMIZE;
            rows.sort((a, b) -> {
                double x = a.mean(metric.name()), y = b.mean(metric.name());
                if (Double.isNaN(x) != Double.isNaN(y)) return Double.isNaN(x) ? 1 : -1; // missing values last
                int c = max ? Double.compare(y, x) : Double.compare(x, y);
                return c != 0 ? c : Long.compare(a.trials().get(0), b.trials().get(0));
            });
            out.put(d.getKey(), rows);
        }
        return out;
    }

    private static RecRow row(String dataset, List<TrialRecord> ts, List<String> metrics, int k, int planned) {
        ts.sort((a, b) -> Long.compare(fold(a), fold(b)));
        Config c = ts.get(0).config();
        String alg = c.getString("algorithm");
        Config resolved = RecObjective.resolvedParams(c);
        Map<String, Object> shown = new TreeMap<>(params(c).asMap());
        if (resolved.has("values")) shown.putIfAbsent("values", resolved.get("values"));
        List<Long> ids = new ArrayList<>(), folds = new ArrayList<>();
        Map<String, List<Double>> values = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(metrics);
        keys.addAll(TIMES);
        for (String m : keys) values.put(m, new ArrayList<>());
        for (TrialRecord t : ts) {
            ids.add(t.id());
            if (t.config().has("fold")) folds.add(t.config().getLong("fold"));
            Map<String, Object> r = t.resultJson() == null ? Map.of() : Results.fromJson(t.resultJson());
            for (String m : keys) if (r.get(m) instanceof Number n) values.get(m).add(n.doubleValue());
        }
        return new RecRow(dataset, alg, RecObjective.algorithmDir(alg, resolved, k), Config.of(shown), ids, folds, planned, values);
    }

    private static long fold(TrialRecord t) {
        return t.config().has("fold") ? t.config().getLong("fold") : 0;
    }

    static Config params(Config c) {
        Map<String, Object> p = new TreeMap<>(c.asMap());
        RecPlanExtension.RESERVED.forEach(p::remove);
        return Config.of(p);
    }

    /** Whether a dataset's rows cover several folds each: it has folds and the report is not per fold. */
    private static boolean aggregated(List<RecRow> rows, boolean perFold) {
        return !perFold && rows.stream().anyMatch(r -> r.foldsPlanned() > 0);
    }

    private static String text(Map<String, List<RecRow>> byDataset, List<String> metrics, ReportOptions options) {
        boolean md = options.format() == ResultTable.Format.MARKDOWN;
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, List<RecRow>> e : byDataset.entrySet()) {
            sb.append(md ? "### " + e.getKey() + "\n\n" : "== " + e.getKey() + " ==\n");
            sb.append(textTable(e.getValue(), metrics, options.perFold(), options.precision()).render(options.format())).append('\n');
        }
        return sb.toString();
    }

    private static ResultTable textTable(List<RecRow> rows, List<String> metrics, boolean perFold, int precision) {
        boolean hasFolds = rows.stream().anyMatch(r -> r.foldsPlanned() > 0);
        boolean agg = hasFolds && !perFold;
        List<String> cols = new ArrayList<>(List.of(agg ? "trials" : "trial", "algorithm", "params"));
        if (hasFolds) cols.add(agg ? "folds" : "fold");
        cols.addAll(metrics);
        cols.addAll(List.of("fit_s", "predict_s"));
        List<List<Object>> out = new ArrayList<>();
        for (RecRow r : rows) {
            List<Object> row = new ArrayList<>();
            row.add(agg ? r.trialText() : r.trials().get(0));
            row.add(r.artifact());
            row.add(r.paramText());
            if (hasFolds) row.add(agg ? r.trials().size() + "/" + r.foldsPlanned() : r.folds().get(0));
            for (String m : metrics) row.add(agg ? meanStd(r, m, precision) : single(r, m));
            for (String t : TIMES) row.add(agg ? meanStd(r, t, precision) : single(r, t));
            out.add(row);
        }
        return new ResultTable(cols, out, metrics.isEmpty() ? null : metrics.get(0));
    }

    private static Object single(RecRow r, String key) {
        return r.count(key) == 0 ? null : r.mean(key);
    }

    private static String meanStd(RecRow r, String key, int precision) {
        return Cells.meanStd(r.meanStd(key), precision);
    }

    private static ResultTable csv(Map<String, List<RecRow>> byDataset, List<String> metrics, boolean perFold) {
        boolean agg = byDataset.values().stream().anyMatch(rows -> aggregated(rows, perFold));
        boolean anyFolds = byDataset.values().stream().flatMap(List::stream).anyMatch(r -> r.foldsPlanned() > 0);
        List<String> keys = new ArrayList<>(metrics);
        keys.addAll(TIMES);
        List<String> cols = new ArrayList<>(List.of("dataset", agg ? "trials" : "trial", "algorithm", "artifact", "params"));
        if (anyFolds) cols.add(agg ? "folds" : "fold");
        for (String m : keys) {
            cols.add(m);
            if (agg) cols.add(m + "_std");
        }
        List<List<Object>> out = new ArrayList<>();
        for (List<RecRow> rows : byDataset.values())
            for (RecRow r : rows) {
                List<Object> row = new ArrayList<>(List.of(r.dataset(), agg ? r.trialText() : r.trials().get(0), r.algorithm(), r.artifact(), r.paramText()));
                if (anyFolds) row.add(agg ? (Object) r.trials().size() : r.folds().isEmpty() ? null : r.folds().get(0));
                for (String m : keys) {
                    row.add(number(r.mean(m)));
                    if (agg) row.add(number(r.std(m)));
                }
                out.add(row);
            }
        return new ResultTable(cols, out, metrics.isEmpty() ? null : metrics.get(0));
    }

    private static Double number(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static String json(Map<String, List<RecRow>> byDataset, List<String> metrics, boolean perFold) {
        ArrayNode out = JSON.createArrayNode();
        List<String> keys = new ArrayList<>(metrics);
        keys.addAll(TIMES);
        for (List<RecRow> rows : byDataset.values()) {
            boolean agg = aggregated(rows, perFold);
            for (RecRow r : rows) {
                ObjectNode o = out.addObject();
                o.put("dataset", r.dataset());
                if (agg) {
                    ArrayNode ids = o.putArray("trials");
                    r.trials().forEach(ids::add);
                    o.put("folds", r.trials().size());
                    o.put("folds_planned", r.foldsPlanned());
                } else {
                    o.put("trial", r.trials().get(0));
                    if (!r.folds().isEmpty()) o.put("fold", r.folds().get(0));
                }
                o.put("algorithm", r.algorithm());
                o.put("artifact", r.artifact());
                ObjectNode p = o.putObject("params");
                r.params().asMap().forEach((k, v) -> p.set(k, JSON.valueToTree(v)));
                ObjectNode ms = o.putObject("metrics");
                for (String m : keys) {
                    ObjectNode target = TIMES.contains(m) ? o : ms;
                    if (!agg) {
                        if (r.count(m) == 0) target.putNull(m);
                        else target.put(m, r.mean(m));
                        continue;
                    }
                    ObjectNode v = target.putObject(m);
                    putNumber(v, "mean", r.mean(m));
                    putNumber(v, "std", r.std(m));
                    v.put("n", r.count(m));
                }
            }
        }
        try {
            return JSON.writeValueAsString(out) + "\n";
        } catch (JsonProcessingException e) {
            throw new BugException("cannot write recommender results as JSON", e);
        }
    }

    private static void putNumber(ObjectNode o, String key, double v) {
        if (Double.isNaN(v)) o.putNull(key);
        else o.put(key, v);
    }
}
