package dev.retort.rec.metric;

import dev.retort.BugException;
import dev.retort.PlanException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * One requested metric: a family and, for ranking metrics, a cut-off {@code k >= 1} ({@code 0} for RMSE and
 * MAE). Written and parsed as {@code ndcg@10}, {@code coverage@20}, {@code rmse} (case-insensitive).
 */
public record MetricSpec(MetricKind kind, int k) {
    /** The names {@link #parse} accepts, for error messages. */
    public static final String ALLOWED =
            "ndcg@K, hr@K, precision@K, recall@K, map@K, mrr@K, coverage@K (K an integer >= 1), rmse, mae";

    public MetricSpec {
        if (kind == null) throw new BugException("MetricSpec: null kind");
        if (kind.hasCutoff() ? k < 1 : k != 0) {
            throw PlanException.at("", kind.label() + "@k", k,
                    kind.hasCutoff() ? "cut-off must be >= 1" : "takes no cut-off", ALLOWED);
        }
    }

    /**
     * Parses one metric name.
     *
     * @param where file or context for the error message, e.g. {@code plan.yaml:12}
     * @param key   key path of the value, e.g. {@code evaluation.metrics[2]}
     * @throws PlanException for unknown names, a missing, malformed or non-positive cut-off, or a cut-off on
     *                       a metric that takes none; the message lists the allowed names
     */
    public static MetricSpec parse(String where, String key, String text) {
        if (text == null || text.isBlank()) throw PlanException.at(where, key, text, "is empty", ALLOWED);
        String s = text.trim().toLowerCase(Locale.ROOT);
        int at = s.indexOf('@');
        String family = at < 0 ? s : s.substring(0, at);
        MetricKind kind = null;
        for (MetricKind candidate : MetricKind.values()) if (candidate.label().equals(family)) kind = candidate;
        if (kind == null) throw PlanException.at(where, key, text, "is not a known metric", ALLOWED);
        if (!kind.hasCutoff()) {
            if (at >= 0) throw PlanException.at(where, key, text, "takes no cut-off", ALLOWED);
            return new MetricSpec(kind, 0);
        }
        if (at < 0) throw PlanException.at(where, key, text, "needs a cut-off, e.g. " + family + "@10", ALLOWED);
        String digits = s.substring(at + 1);
        int k;
        try {
            k = digits.matches("-?[0-9]{1,10}") ? Integer.parseInt(digits) : Integer.MIN_VALUE;
        } catch (NumberFormatException tooLarge) {
            k = Integer.MIN_VALUE;
        }
        if (k == Integer.MIN_VALUE) throw PlanException.at(where, key, text, "has a cut-off that is not an integer", ALLOWED);
        if (k < 1) throw PlanException.at(where, key, text, "has cut-off " + k + ", must be >= 1", ALLOWED);
        return new MetricSpec(kind, k);
    }

    /** Parses a list of names, keys {@code key[0]}, {@code key[1]}, ...; repeats are dropped, order kept. */
    public static List<MetricSpec> parseAll(String where, String key, List<String> texts) {
        LinkedHashSet<MetricSpec> specs = new LinkedHashSet<>();
        for (int i = 0; i < texts.size(); i++) specs.add(parse(where, key + "[" + i + "]", texts.get(i)));
        return List.copyOf(specs);
    }

    @Override
    public String toString() {
        return kind.hasCutoff() ? kind.label() + "@" + k : kind.label();
    }
}
