package dev.retort.cli;

import dev.retort.PlanException;
import dev.retort.engine.Results;
import dev.retort.plan.ObjectiveSpec;
import dev.retort.plan.PlanExtension;
import dev.retort.plan.PlanParser;
import dev.retort.report.Marked;
import dev.retort.report.ResultTable;
import dev.retort.report.significance.Holm;
import dev.retort.report.significance.Markers;
import dev.retort.report.significance.PairedResult;
import dev.retort.report.significance.PairedTest;
import dev.retort.report.significance.UnitValues;
import dev.retort.run.Experiment;
import dev.retort.space.Config;
import dev.retort.store.TrialRecord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The paired comparisons of {@code retort compare}: each configuration against the baseline, within each
 * stratum (a recommender plan's dataset), over the pairing key's values (folds, or a parameter such as a
 * seed) or over units within them (a recommender trial's users). Holm–Bonferroni runs over every
 * comparison made; see docs/cli.md ("retort compare").
 */
final class Comparisons {
    /** {@code --over} values besides a parameter name. */
    static final String USERS = "users";
    static final String FOLDS = "folds";

    /** One configuration (a trial's config without its pairing key and strata). */
    record Group(String stratum, String label, Config params, Map<Object, TrialRecord> byPair) {
    }

    /** One comparison, before and after the correction. */
    record Row(String stratum, Group candidate, Group baseline, PairedResult result, double adjusted) {
    }

    /** What was compared, how, and the rows. */
    record Outcome(String metric, PairedTest test, String over, String unit, String stratumName, List<Row> rows) {
    }

    private final Experiment exp;
    private final PlanExtension extension;

    Comparisons(Experiment exp) {
        this.exp = exp;
        this.extension = extension(exp.plan().objective());
    }

    private static PlanExtension extension(ObjectiveSpec spec) {
        for (PlanExtension e : PlanParser.extensions(Thread.currentThread().getContextClassLoader()))
            if (e.kind().equals(spec.kind())) return e;
        return null;
    }

    /**
     * @param baseline {@code key=value[,key=value]}: the configuration every other is compared with (in each stratum)
     * @param over     null (the default), {@value #USERS}, {@value #FOLDS} or a parameter name
     */
    Outcome compare(List<TrialRecord> done, String metric, PairedTest test, String baseline, String over) {
        if (done.isEmpty()) throw new PlanException("the experiment has no DONE trial to compare");
        Set<String> params = new TreeSet<>();
        done.forEach(t -> t.config().names().forEach(params::add));
        Set<String> strata = new LinkedHashSet<>();
        if (extension != null) strata.addAll(extension.labels(done.get(0).config()).keySet());
        strata.remove("fold");
        String mode = over == null ? defaultOver(done, metric, params) : over;
        String pairKey = switch (mode) {
            case USERS, FOLDS -> {
                if (extension == null || !params.contains("fold") && strata.isEmpty())
                    throw PlanException.at(null, "--over", mode, "needs a recommender plan (its folds and users)",
                            "a parameter whose values pair the trials: " + String.join(", ", params));
                yield "fold";
            }
            default -> {
                if (!params.contains(mode) || strata.contains(mode))
                    throw PlanException.at(null, "--over", mode, "is not a parameter that pairs the trials",
                            (extension != null ? "users, folds, or " : "") + "a parameter of the space: " + String.join(", ", params));
                yield mode;
            }
        };
        Map<String, String> selector = selector(baseline, params, pairKey, strata);
        Map<String, Map<String, Group>> groups = groups(done, pairKey, strata);
        List<Row> rows = new ArrayList<>();
        boolean anyBaseline = false;
        for (Map.Entry<String, Map<String, Group>> s : groups.entrySet()) {
            List<Group> base = s.getValue().values().stream().filter(g -> matches(g.params(), selector)).toList();
            if (base.isEmpty()) continue;
            if (base.size() > 1)
                throw PlanException.at(null, "--baseline", baseline, "matches " + base.size() + " configurations"
                        + (s.getKey().isEmpty() ? "" : " on " + s.getKey()) + ": " + String.join("; ", base.stream().map(Group::label).toList()),
                        "a selector that names one, e.g. '" + selectorOf(base.get(0).params()) + "'");
            anyBaseline = true;
            for (Group g : s.getValue().values()) {
                if (g == base.get(0)) continue;
                rows.add(new Row(s.getKey(), g, base.get(0), pair(g, base.get(0), metric, test, mode), Double.NaN));
            }
        }
        if (!anyBaseline) throw PlanException.at(null, "--baseline", baseline, "matches no configuration",
                "one of: " + String.join("; ", allSelectors(groups)));
        double[] p = rows.stream().mapToDouble(r -> r.result() == null ? Double.NaN : r.result().p()).toArray();
        double[] adj = Holm.adjust(p);
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            out.add(new Row(r.stratum(), r.candidate(), r.baseline(), r.result(), adj[i]));
        }
        String unit = mode.equals(USERS) ? "user" : mode.equals(FOLDS) ? "fold" : mode;
        return new Outcome(metric, test, mode, unit, strata.isEmpty() ? null : String.join(",", strata), out);
    }

    /** users when the plan saves per-unit values, else a parameter named seed or fold, else a user error. */
    private String defaultOver(List<TrialRecord> done, String metric, Set<String> params) {
        if (extension != null && extension.unitValues(done.get(0), metric, exp.plan().objective().identity(),
                exp.plan().objective().runtime(), exp.dir()) != null) return USERS;
        for (String p : List.of("seed", "fold", "repeat")) if (params.contains(p)) return p;
        throw PlanException.at(null, "--over", "(not given)", "has no default: the plan saves no per-user values and has no seed parameter",
                "a parameter whose values pair the trials: " + String.join(", ", params));
    }

    private static Map<String, String> selector(String text, Set<String> params, String pairKey, Set<String> strata) {
        Map<String, String> sel = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) throw PlanException.at(null, "--baseline", text, "is not key=value[,key=value...]", "e.g. 'algorithm=MostPopular'");
            String k = part.substring(0, eq).trim();
            if (!params.contains(k) || k.equals(pairKey) || strata.contains(k))
                throw PlanException.at(null, "--baseline", text, "names '" + k + "', which is not a parameter of the configurations",
                        "keys among: " + String.join(", ", params.stream().filter(p -> !p.equals(pairKey) && !strata.contains(p)).toList()));
            sel.put(k, part.substring(eq + 1).trim());
        }
        return sel;
    }

    private static boolean matches(Config params, Map<String, String> selector) {
        for (Map.Entry<String, String> e : selector.entrySet())
            if (!params.has(e.getKey()) || !String.valueOf(params.get(e.getKey())).equals(e.getValue())) return false;
        return true;
    }

    private static String selectorOf(Config params) {
        List<String> kv = new ArrayList<>();
        params.asMap().forEach((k, v) -> kv.add(k + "=" + v));
        return String.join(",", kv);
    }

    private static List<String> allSelectors(Map<String, Map<String, Group>> groups) {
        Set<String> s = new TreeSet<>();
        groups.values().forEach(m -> m.values().forEach(g -> s.add(selectorOf(g.params()))));
        return new ArrayList<>(s);
    }

    /** Stratum (e.g. {@code dataset=cv}, or "") to configuration key to its group, both sorted. */
    private static Map<String, Map<String, Group>> groups(List<TrialRecord> done, String pairKey, Set<String> strata) {
        Map<String, Map<String, Group>> out = new TreeMap<>();
        for (TrialRecord t : done) {
            Map<String, Object> rest = new TreeMap<>(t.config().asMap());
            Object pairValue = rest.remove(pairKey);
            if (pairValue == null) pairValue = 0L; // a recommender dataset without folds: its one split
            List<String> st = new ArrayList<>();
            for (String s : strata) st.add(s + "=" + rest.remove(s));
            Config params = Config.of(rest);
            String label = params.isEmpty() ? "-" : selectorOf(params).replace(",", " ");
            Group g = out.computeIfAbsent(String.join(" ", st), x -> new TreeMap<>())
                    .computeIfAbsent(params.toJson(), x -> new Group(String.join(" ", st), label, params, new TreeMap<>(Comparisons::comparePairValues)));
            g.byPair().put(pairValue, t);
        }
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int comparePairValues(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) return Double.compare(x.doubleValue(), y.doubleValue());
        if (a instanceof Comparable ca && a.getClass() == b.getClass()) return ca.compareTo(b);
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    /** The pairs of {@code candidate} and {@code baseline}: by pairing value, and by unit within it for users. */
    private PairedResult pair(Group candidate, Group baseline, String metric, PairedTest test, String mode) {
        List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (Map.Entry<Object, TrialRecord> e : candidate.byPair().entrySet()) {
            TrialRecord b = baseline.byPair().get(e.getKey());
            if (b == null) continue;
            if (mode.equals(USERS)) {
                UnitValues x = units(e.getValue(), metric), y = units(b, metric);
                Map<Long, Double> ym = new HashMap<>(y.ids().length * 2);
                for (int i = 0; i < y.ids().length; i++) ym.put(y.ids()[i], y.values()[i]);
                for (int i = 0; i < x.ids().length; i++) {
                    Double yv = ym.get(x.ids()[i]);
                    if (yv == null) continue;
                    xs.add(x.values()[i]);
                    ys.add(yv);
                }
            } else {
                xs.add(value(e.getValue(), metric));
                ys.add(value(b, metric));
            }
        }
        if (xs.size() < 2) return null;
        return test.test(xs.stream().mapToDouble(Double::doubleValue).toArray(), ys.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private UnitValues units(TrialRecord t, String metric) {
        UnitValues u = extension.unitValues(t, metric, exp.plan().objective().identity(), exp.plan().objective().runtime(), exp.dir());
        if (u == null) throw PlanException.at(null, "--over", USERS, "this plan saves no per-user values", "folds, or a parameter");
        return u;
    }

    private static double value(TrialRecord t, String metric) {
        Object v = t.resultJson() == null ? null : Results.fromJson(t.resultJson()).get(metric);
        if (!(v instanceof Number n))
            throw PlanException.at(null, "--metric", metric, "is not a number in the result of trial " + t.id(),
                    "a numeric result entry: " + String.join(", ", numericEntries(t)));
        return n.doubleValue();
    }

    static List<String> numericEntries(TrialRecord t) {
        List<String> out = new ArrayList<>();
        if (t.resultJson() != null) Results.fromJson(t.resultJson()).forEach((k, v) -> {
            if (v instanceof Number) out.add(k);
        });
        return out;
    }

    /**
     * The table: stratum (when any), configuration, baseline, pairs, both means (the configuration's with its
     * marker when {@code markMeans}), Δ, the effect size, the statistic, p, Holm's p and the marker.
     */
    static ResultTable table(Outcome o, boolean markMeans) {
        List<String> cols = new ArrayList<>();
        if (o.stratumName() != null) cols.add(o.stratumName());
        cols.addAll(List.of("configuration", "baseline", "pairs", "baseline_mean", "mean", "delta", o.test().effectName(),
                o.test() == PairedTest.TTEST ? "t" : "w_plus", "p", "p_holm", "sig"));
        List<List<Object>> rows = new ArrayList<>();
        for (Row r : o.rows()) {
            List<Object> row = new ArrayList<>();
            if (o.stratumName() != null) row.add(r.stratum().replaceFirst("^[^=]*=", ""));
            row.add(r.candidate().label());
            row.add(r.baseline().label());
            PairedResult p = r.result();
            String mark = Markers.of(r.adjusted());
            if (p == null) {
                row.add(0L);
                for (int i = 0; i < 7; i++) row.add(null); // baseline_mean .. p_holm
                row.add("");
            } else {
                row.add((long) p.n());
                row.add(p.meanY());
                row.add(markMeans ? new Marked(p.meanX(), mark) : p.meanX());
                row.add(p.meanDiff());
                row.add(p.effect());
                row.add(p.statistic());
                row.add(p.p());
                row.add(r.adjusted());
                row.add(mark);
            }
            rows.add(row);
        }
        return new ResultTable(cols, rows, "p_holm");
    }

    /** A line saying what was tested, how many comparisons Holm covered, and what the markers mean. */
    static String legend(Outcome o) {
        long m = o.rows().stream().filter(r -> r.result() != null).count();
        long few = o.rows().size() - m;
        return "two-sided " + o.test().title() + " on " + o.metric() + ", paired over " + plural(o.unit())
                + "; Holm-Bonferroni over " + m + " comparison" + (m == 1 ? "" : "s")
                + "; † p_holm < " + Markers.DAGGER + ", ‡ p_holm < " + Markers.DOUBLE_DAGGER
                + "; effect " + o.test().effectName() + (few > 0 ? "; " + few + " with fewer than 2 pairs not tested" : "");
    }

    private static String plural(String unit) {
        return Objects.equals(unit, "user") || Objects.equals(unit, "fold") ? unit + "s" : "values of " + unit;
    }
}
