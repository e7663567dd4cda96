package dev.retort.cli;

import dev.retort.PlanException;
import dev.retort.engine.Goal;
import dev.retort.engine.Results;
import dev.retort.space.Slug;
import dev.retort.store.TrialRecord;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.BoxChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The charts of {@code retort plot} and {@code retort report}, drawn by XChart: PNG through Java2D, SVG through
 * VectorGraphics2D. Series take their colours from {@link #PALETTE} in order, so a reader (or a test) can tell
 * the series apart by colour; XChart draws every box of a box plot alike (blue outline, red median), one per
 * configuration, named on the axis. A recommender plan gets one chart per dataset (its metrics are not comparable
 * across datasets). See docs/cli.md ("retort plot").
 */
final class Plots {
    /** Series colours, in order (the Tableau 10 colours). */
    static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
            new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf), new Color(0xbcbd22)};
    static final int WIDTH = 800, HEIGHT = 500;

    /** One chart and the file name stem it is saved under; {@code series} in drawing (and colour) order. */
    record Plot(String name, String title, Chart<?, ?> chart, List<String> series) {
    }

    /**
     * What to plot: the DONE trials, the metric and its goal, the strata keys (a recommender plan's dataset),
     * the repetition key (fold or seed, or null), and at most how many points a scatter series draws (0: all;
     * more are thinned to every k-th, the report's way of staying small; the title says so).
     */
    record Input(List<TrialRecord> trials, String metric, Goal goal, Set<String> strata, String pairKey, int maxPoints,
                 Map<Long, Double> cache) {
        Input withMaxPoints(int n) {
            return new Input(trials, metric, goal, strata, pairKey, n, cache);
        }

        Input(List<TrialRecord> trials, String metric, Goal goal, Set<String> strata, String pairKey, int maxPoints) {
            this(trials, metric, goal, strata, pairKey, maxPoints, new java.util.HashMap<>());
        }

        /** The trial's value of the metric, each result parsed once for all the charts. */
        Double value(TrialRecord t) {
            if (!cache.containsKey(t.id())) cache.put(t.id(), Plots.value(t, metric));
            return cache.get(t.id());
        }
    }

    private Plots() {
    }

    /**
     * The input for {@code exp}'s DONE trials: strata are the plan extension's labels but the fold; repetitions
     * are the folds ({@code fold}) or a parameter named {@code seed}, {@code fold} or {@code repeat}.
     */
    static Input input(dev.retort.run.Experiment exp, List<TrialRecord> done, String metric) {
        Set<String> strata = new java.util.LinkedHashSet<>();
        String kind = exp.plan().objective().kind();
        for (dev.retort.plan.PlanExtension e : dev.retort.plan.PlanParser.extensions(Thread.currentThread().getContextClassLoader()))
            if (e.kind().equals(kind) && !done.isEmpty()) strata.addAll(e.labels(done.get(0).config()).keySet());
        strata.remove("fold");
        Set<String> params = new TreeSet<>();
        done.forEach(t -> t.config().names().forEach(params::add));
        String pair = null;
        for (String p : List.of("fold", "seed", "repeat")) if (pair == null && params.contains(p)) pair = p;
        Goal goal = goalOf(metric, exp.plan().metric().name(), exp.plan().metric().goal());
        return new Input(done, metric, goal, strata, pair, 0);
    }

    static {
        System.setProperty("java.awt.headless", "true"); // no display is needed, or used
    }

    /** Each trial's metric in finishing order, and the best so far. */
    static List<Plot> history(Input in) {
        List<Plot> out = new ArrayList<>();
        byStratum(in).forEach((stratum, trials) -> {
            List<TrialRecord> ordered = new ArrayList<>(trials);
            ordered.sort(Comparator.comparing((TrialRecord t) -> t.finishedAt() == null ? Long.MAX_VALUE : t.finishedAt())
                    .thenComparingLong(TrialRecord::id));
            List<Double> x = new ArrayList<>(), y = new ArrayList<>(), best = new ArrayList<>();
            double b = Double.NaN;
            for (TrialRecord t : ordered) {
                Double v = in.value(t);
                if (v == null) continue;
                x.add((double) x.size() + 1);
                y.add(v);
                b = Double.isNaN(b) ? v : in.goal().maximize() ? Math.max(b, v) : Math.min(b, v);
                best.add(b);
            }
            // the best so far as a step line through the points where it changes: the same picture, far fewer points
            List<Double> bx = new ArrayList<>(), by = new ArrayList<>();
            for (int i = 0; i < best.size(); i++) {
                boolean changes = i + 1 < best.size() && !best.get(i + 1).equals(best.get(i));
                boolean changed = i > 0 && !best.get(i - 1).equals(best.get(i));
                if (i == 0 || i == best.size() - 1 || changes || changed) {
                    bx.add(x.get(i));
                    by.add(best.get(i));
                }
            }
            int step = stride(x.size(), in.maxPoints());
            XYChart c = xy("Optimisation history" + suffix(stratum) + thinned(step, x.size()), "trial (finishing order)", in.metric());
            scatter(c, "trials", every(x, step), every(y, step));
            line(c, "best so far", bx, by);
            out.add(new Plot("history" + slug(stratum), c.getTitle(), c, List.of("trials", "best so far")));
        });
        return out;
    }

    /** The metric against each parameter, one chart per parameter; a geometric numeric range gets a log axis. */
    static List<Plot> parameters(Input in) {
        List<Plot> out = new ArrayList<>();
        byStratum(in).forEach((stratum, trials) -> {
            Set<String> params = new TreeSet<>();
            trials.forEach(t -> t.config().names().forEach(params::add));
            params.removeAll(in.strata());
            if (in.pairKey() != null) params.remove(in.pairKey());
            for (String p : params) {
                List<Object> raw = new ArrayList<>();
                List<Double> y = new ArrayList<>();
                for (TrialRecord t : trials) {
                    Double v = in.value(t);
                    if (v == null || !t.config().has(p)) continue;
                    raw.add(t.config().get(p));
                    y.add(v);
                }
                if (raw.isEmpty()) continue;
                XYChart c = xy(in.metric() + " against " + p + suffix(stratum), p, in.metric());
                List<Double> x = new ArrayList<>();
                if (raw.stream().allMatch(o -> o instanceof Number)) {
                    raw.forEach(o -> x.add(((Number) o).doubleValue()));
                    double min = x.stream().mapToDouble(Double::doubleValue).min().orElse(0);
                    double max = x.stream().mapToDouble(Double::doubleValue).max().orElse(0);
                    if (min > 0 && max / min >= 100) c.getStyler().setXAxisLogarithmic(true);
                } else { // categories at 1..k, labelled by value
                    List<String> levels = new ArrayList<>(new TreeSet<>(raw.stream().map(String::valueOf).toList()));
                    raw.forEach(o -> x.add(levels.indexOf(String.valueOf(o)) + 1.0));
                    c.getStyler().setxAxisTickLabelsFormattingFunction(d -> {
                        int i = (int) Math.round(d) - 1;
                        return Math.abs(d - Math.round(d)) < 1e-9 && i >= 0 && i < levels.size() ? levels.get(i) : "";
                    });
                    c.getStyler().setXAxisMin(0.5).setXAxisMax(levels.size() + 0.5);
                }
                int step = stride(x.size(), in.maxPoints());
                if (step > 1) c.setTitle(c.getTitle() + thinned(step, x.size()));
                scatter(c, "trials", every(x, step), every(y, step));
                out.add(new Plot("parameter-" + Slug.slugify(p) + slug(stratum), c.getTitle(), c, List.of("trials")));
            }
        });
        return out;
    }

    /** The most configurations (trials' configs without the repetition key) of any stratum. */
    static int configurations(Input in) {
        int most = 0;
        for (List<TrialRecord> trials : byStratum(in).values()) {
            Set<String> configs = new java.util.HashSet<>();
            for (TrialRecord t : trials) {
                Map<String, Object> rest = new TreeMap<>(t.config().asMap());
                if (in.pairKey() != null) rest.remove(in.pairKey());
                configs.add(rest.toString());
            }
            most = Math.max(most, configs.size());
        }
        return most;
    }

    /** Per configuration, a box plot of its values over the folds (or seeds): one box series per configuration. */
    static List<Plot> folds(Input in) {
        if (in.pairKey() == null)
            throw PlanException.at(null, "--kind", "folds", "needs repetitions to box: folds, or a seed parameter",
                    "history, parameter, pareto; or a plan with folds or a seed");
        List<Plot> out = new ArrayList<>();
        byStratum(in).forEach((stratum, trials) -> {
            Map<String, List<Double>> byConfig = new TreeMap<>();
            for (TrialRecord t : trials) {
                Double v = in.value(t);
                if (v == null) continue;
                Map<String, Object> rest = new TreeMap<>(t.config().asMap());
                rest.remove(in.pairKey());
                in.strata().forEach(rest::remove);
                byConfig.computeIfAbsent(label(rest), k -> new ArrayList<>()).add(v);
            }
            BoxChart c = new BoxChartBuilder().width(WIDTH).height(HEIGHT)
                    .title(in.metric() + " over " + in.pairKey() + "s" + suffix(stratum)).yAxisTitle(in.metric()).build();
            style(c.getStyler());
            c.getStyler().setLegendVisible(true).setLegendPosition(Styler.LegendPosition.OutsideS);
            List<String> names = new ArrayList<>();
            byConfig.forEach((name, values) -> {
                c.addSeries(name, values);
                names.add(name);
            });
            if (!names.isEmpty()) out.add(new Plot("folds" + slug(stratum), c.getTitle(), c, names));
        });
        return out;
    }

    /**
     * For metrics computed at several cut-offs ({@code ndcg@5}, {@code ndcg@10}, ...): per configuration, the
     * mean over its folds (or seeds) of {@code family@k} against {@code k}, one line each; the family is the
     * metric's name before {@code @}.
     */
    static List<Plot> cutoffs(Input in) {
        String family = in.metric().contains("@") ? in.metric().substring(0, in.metric().indexOf('@')) : in.metric();
        List<Plot> out = new ArrayList<>();
        TreeSet<Integer> allKs = new TreeSet<>();
        byStratum(in).forEach((stratum, trials) -> {
            Map<String, TreeMap<Integer, double[]>> byConfig = new TreeMap<>(); // k -> {sum, n}
            for (TrialRecord t : trials) {
                if (t.resultJson() == null) continue;
                Map<String, Object> rest = new TreeMap<>(t.config().asMap());
                if (in.pairKey() != null) rest.remove(in.pairKey());
                in.strata().forEach(rest::remove);
                TreeMap<Integer, double[]> ks = byConfig.computeIfAbsent(label(rest), x -> new TreeMap<>());
                Results.fromJson(t.resultJson()).forEach((key, v) -> {
                    if (!key.startsWith(family + "@") || !(v instanceof Number n) || !Double.isFinite(n.doubleValue())) return;
                    int k;
                    try {
                        k = Integer.parseInt(key.substring(family.length() + 1));
                    } catch (NumberFormatException e) {
                        return;
                    }
                    double[] acc = ks.computeIfAbsent(k, x -> new double[2]);
                    acc[0] += n.doubleValue();
                    acc[1]++;
                    allKs.add(k);
                });
            }
            XYChart c = xy(family + "@k across cut-offs" + suffix(stratum), "k", family + "@k (mean over " + (in.pairKey() == null ? "trials" : in.pairKey() + "s") + ")");
            List<String> names = new ArrayList<>();
            byConfig.forEach((name, ks) -> {
                if (ks.size() < 2) return;
                List<Double> x = new ArrayList<>(), y = new ArrayList<>();
                ks.forEach((k, acc) -> {
                    x.add((double) k);
                    y.add(acc[0] / acc[1]);
                });
                XYSeries series = line(c, name, x, y);
                series.setMarker(SeriesMarkers.CIRCLE);
                names.add(name);
            });
            if (!names.isEmpty()) out.add(new Plot("cutoffs-" + Slug.slugify(family) + slug(stratum), c.getTitle(), c, names));
        });
        if (out.isEmpty())
            throw PlanException.at(null, "--metric", in.metric(), "is computed at " + (allKs.isEmpty() ? "no cut-off" : "one cut-off only (@" + allKs.first() + ")"),
                    "a metric the plan computes at two or more k, e.g. metrics: [ndcg@5, ndcg@10, ndcg@20] and --metric ndcg@10");
        return out;
    }

    /** Two metrics against each other, every trial, and the Pareto front (the trials no other beats on both). */
    static List<Plot> pareto(Input in, String second, Goal secondGoal) {
        List<Plot> out = new ArrayList<>();
        byStratum(in).forEach((stratum, trials) -> {
            List<double[]> pts = new ArrayList<>();
            for (TrialRecord t : trials) {
                Double a = in.value(t), b = value(t, second);
                if (a != null && b != null) pts.add(new double[]{a, b});
            }
            if (pts.isEmpty()) return;
            List<double[]> front = front(pts, in.goal(), secondGoal);
            XYChart c = xy("Pareto front of " + in.metric() + " and " + second + suffix(stratum), in.metric(), second);
            scatter(c, "trials", pts.stream().map(p -> p[0]).toList(), pts.stream().map(p -> p[1]).toList());
            XYSeries f = line(c, "Pareto front", front.stream().map(p -> p[0]).toList(), front.stream().map(p -> p[1]).toList());
            f.setMarker(SeriesMarkers.CIRCLE);
            out.add(new Plot("pareto" + slug(stratum), c.getTitle(), c, List.of("trials", "Pareto front")));
        });
        return out;
    }

    /** The non-dominated points, ordered along the first metric. */
    static List<double[]> front(List<double[]> pts, Goal g1, Goal g2) {
        double s1 = g1.maximize() ? 1 : -1, s2 = g2.maximize() ? 1 : -1;
        List<double[]> sorted = new ArrayList<>(pts);
        // best first on metric 1 (ties: best on metric 2 first); a point is on the front when it beats all before on metric 2
        sorted.sort((a, b) -> a[0] != b[0] ? Double.compare(s1 * b[0], s1 * a[0]) : Double.compare(s2 * b[1], s2 * a[1]));
        List<double[]> front = new ArrayList<>();
        double bestSecond = Double.NEGATIVE_INFINITY;
        for (double[] p : sorted)
            if (s2 * p[1] > bestSecond) {
                front.add(p);
                bestSecond = s2 * p[1];
            }
        front.sort(Comparator.comparingDouble(p -> p[0]));
        return front;
    }

    static void save(Plot p, Path dir) throws IOException {
        java.nio.file.Files.createDirectories(dir);
        byte[] png = BitmapEncoder.getBitmapBytes(p.chart(), BitmapEncoder.BitmapFormat.PNG);
        dev.retort.store.AtomicFiles.write(dir.resolve(p.name() + ".png"), o -> o.write(png));
        String svg = svg(p);
        dev.retort.store.AtomicFiles.writeString(dir.resolve(p.name() + ".svg"), svg);
    }

    /**
     * The chart as an SVG document (UTF-8 text), as VectorGraphics2D draws it (text as outlines), with a
     * {@code <title>} (the chart's) and a {@code <desc>} naming the series in colour order added, since the
     * drawing itself holds no text.
     */
    static String svg(Plot p) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        VectorGraphicsEncoder.saveVectorGraphic(p.chart(), b, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        String svg = b.toString(StandardCharsets.UTF_8);
        int open = svg.indexOf("<svg");
        int end = open < 0 ? -1 : svg.indexOf('>', open);
        if (end < 0) throw new dev.retort.BugException("VectorGraphics2D wrote no <svg> element for " + p.name());
        String meta = "\n  <title>" + xml(p.title()) + "</title>\n  <desc>series: " + xml(String.join("; ", p.series())) + "</desc>";
        return svg.substring(0, end + 1) + meta + svg.substring(end + 1);
    }

    private static final java.util.regex.Pattern LONG_DECIMAL = java.util.regex.Pattern.compile("(-?\\d+\\.\\d)\\d+");

    /**
     * The SVG with every coordinate cut to one decimal: a tenth of a pixel of an 800x500 chart is invisible, and
     * it halves the text the report carries. (Truncation, not rounding: at most 0.1 px off.)
     */
    static String compact(String svg) {
        return LONG_DECIMAL.matcher(svg).replaceAll("$1");
    }

    static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static Map<String, List<TrialRecord>> byStratum(Input in) {
        Map<String, List<TrialRecord>> out = new TreeMap<>();
        for (TrialRecord t : in.trials()) {
            List<String> s = new ArrayList<>();
            for (String k : in.strata()) s.add(String.valueOf(t.config().get(k)));
            out.computeIfAbsent(String.join(" ", s), k -> new ArrayList<>()).add(t);
        }
        return out;
    }

    private static int stride(int n, int max) {
        return max <= 0 || n <= max ? 1 : (n + max - 1) / max;
    }

    private static String thinned(int step, int n) {
        return step == 1 ? "" : " [every " + step + "th of " + n + " trials shown]";
    }

    private static List<Double> every(List<Double> v, int step) {
        if (step == 1) return v;
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i += step) out.add(v.get(i));
        return out;
    }

    private static String suffix(String stratum) {
        return stratum.isEmpty() ? "" : " (" + stratum + ")";
    }

    private static String slug(String stratum) {
        return stratum.isEmpty() ? "" : "-" + Slug.slugify(stratum);
    }

    static String label(Map<String, Object> params) {
        if (params.isEmpty()) return "-";
        List<String> kv = new ArrayList<>();
        params.forEach((k, v) -> kv.add(k + "=" + v));
        return String.join(" ", kv);
    }

    /** The trial's value of {@code metric}: the stored metric or a numeric result entry; null when it has none. */
    static Double value(TrialRecord t, String metric) {
        if (t.resultJson() == null) return null;
        Object v = Results.fromJson(t.resultJson()).get(metric);
        return v instanceof Number n && Double.isFinite(n.doubleValue()) ? n.doubleValue() : null;
    }

    private static XYChart xy(String title, String x, String y) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x).yAxisTitle(y).build();
        style(c.getStyler());
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        return c;
    }

    private static void style(Styler s) {
        s.setSeriesColors(PALETTE);
        s.setChartBackgroundColor(Color.WHITE);
        s.setAntiAlias(true);
    }

    private static XYSeries scatter(XYChart c, String name, List<Double> x, List<Double> y) {
        XYSeries s = c.addSeries(name, x.isEmpty() ? List.of(0.0) : x, y.isEmpty() ? List.of(0.0) : y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        return s;
    }

    private static XYSeries line(XYChart c, String name, List<Double> x, List<Double> y) {
        XYSeries s = c.addSeries(name, x.isEmpty() ? List.of(0.0) : x, y.isEmpty() ? List.of(0.0) : y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        return s;
    }

    /** Goal of a metric named on the command line: {@code name:min} / {@code name:max}, else from its name. */
    static Goal goalOf(String name, String planMetric, Goal planGoal) {
        if (name.equals(planMetric)) return planGoal;
        String n = name.toLowerCase(java.util.Locale.ROOT);
        for (String low : List.of("seconds", "cost", "rmse", "mae", "loss", "error", "time"))
            if (n.contains(low)) return Goal.MINIMIZE;
        return Goal.MAXIMIZE;
    }
}
