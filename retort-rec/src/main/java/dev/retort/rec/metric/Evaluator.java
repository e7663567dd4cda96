package dev.retort.rec.metric;

import dev.retort.BugException;
import dev.retort.PlanException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Computes the requested metrics, every cut-off in one pass over the ranked lists, in parallel over users.
 * Users are split into fixed chunks of {@value #CHUNK} evaluated users; each chunk's sums are kept apart and
 * added in chunk order, so results are bit-identical on every run and for any number of threads.
 * Immutable; the {@code with}-style methods return a changed copy. Defaults: all available processors,
 * catalog size from {@link Relevance#numItems()}, no per-user values.
 */
public final class Evaluator {
    static final int CHUNK = 4096;

    private final List<MetricSpec> metrics;
    private final int threads;
    private final int catalogSize;   // -1: take it from the relevance
    private final boolean keepPerUser;

    private Evaluator(List<MetricSpec> metrics, int threads, int catalogSize, boolean keepPerUser) {
        this.metrics = metrics;
        this.threads = threads;
        this.catalogSize = catalogSize;
        this.keepPerUser = keepPerUser;
    }

    /** An evaluator for {@code metrics} (repeats dropped, order kept). */
    public static Evaluator of(List<MetricSpec> metrics) {
        if (metrics.isEmpty()) throw PlanException.at("evaluation", "metrics", "[]", "is empty", MetricSpec.ALLOWED);
        return new Evaluator(List.copyOf(new LinkedHashSet<>(metrics)),
                Runtime.getRuntime().availableProcessors(), -1, false);
    }

    /** An evaluator for metric names such as {@code ndcg@10}; errors name {@code where} and {@code key[i]}. */
    public static Evaluator parse(String where, String key, List<String> names) {
        if (names.isEmpty()) throw PlanException.at(where, key, "[]", "is empty", MetricSpec.ALLOWED);
        return of(MetricSpec.parseAll(where, key, names));
    }

    /** Worker threads, {@code >= 1}; the result does not depend on it. */
    public Evaluator threads(int n) {
        if (n < 1) throw PlanException.at("evaluation", "threads", n, "must be >= 1", "an integer >= 1");
        return new Evaluator(metrics, n, catalogSize, keepPerUser);
    }

    /** Number of items in the catalog: the coverage denominator and the valid item id range of the lists. */
    public Evaluator catalogSize(int n) {
        if (n < 1) throw PlanException.at("evaluation", "catalog_size", n, "must be >= 1", "an integer >= 1");
        return new Evaluator(metrics, threads, n, keepPerUser);
    }

    /** Whether to return per-user values ({@code 8 bytes x users x per-user metrics} of memory). */
    public Evaluator keepPerUser(boolean keep) {
        return new Evaluator(metrics, threads, catalogSize, keep);
    }

    public List<MetricSpec> metrics() { return metrics; }

    /** Ranking metrics only. */
    public EvalResult evaluate(RankedLists lists, Relevance relevance) {
        return evaluate(lists, relevance, null);
    }

    /**
     * @param lists     ranked lists; may be null when only RMSE/MAE are requested
     * @param relevance ground truth; may be null when only RMSE/MAE are requested
     * @param ratings   rating predictions; may be null when RMSE/MAE are not requested
     * @throws PlanException when a requested metric lacks its input
     */
    public EvalResult evaluate(RankedLists lists, Relevance relevance, RatingPredictions ratings) {
        CutoffPlan plan = CutoffPlan.of(metrics);
        boolean wantsRatings = metrics.stream().anyMatch(m -> !m.kind().hasCutoff());
        if (!plan.isEmpty() && (lists == null || relevance == null)) {
            throw PlanException.at("evaluation", "metrics", firstCutoffMetric(),
                    "needs ranked lists and relevance, but none were given", "rmse, mae");
        }
        if (wantsRatings && ratings == null) {
            throw PlanException.at("evaluation", "metrics", "rmse/mae",
                    "need rating predictions, but the algorithm produced none", "ranking metrics only");
        }
        RankingOutcome ranking = plan.isEmpty() ? null : new RankingPass(lists, relevance, plan,
                catalogSize > 0 ? catalogSize : relevance.numItems(), threads, keepPerUser).run();
        double[] errors = wantsRatings ? ratings.errorSums() : new double[4];
        List<MetricValue> values = new ArrayList<>();
        for (MetricSpec m : metrics) {
            double v = switch (m.kind()) {
                case RMSE -> Math.sqrt(errors[0] / errors[2]);
                case MAE -> errors[1] / errors[2];
                default -> ranking.value(m);
            };
            values.add(new MetricValue(m, v));
        }
        return new EvalResult(values, ranking == null ? 0 : ranking.evaluatedUsers(),
                ranking == null ? 0 : ranking.excludedUsers(), (int) errors[2], (int) errors[3],
                ranking == null ? null : ranking.perUser());
    }

    private String firstCutoffMetric() {
        return metrics.stream().filter(m -> m.kind().hasCutoff()).findFirst().map(MetricSpec::toString).orElse("");
    }

    /** Means, coverage and counts of one ranking pass. */
    record RankingOutcome(CutoffPlan plan, double[] means, double[] coverage, int evaluatedUsers,
                          int excludedUsers, PerUserValues perUser) {
        double value(MetricSpec m) {
            int c = m.kind().perUser() ? plan.columns().indexOf(m) : plan.coverage().indexOf(m);
            if (c < 0) throw new BugException("metric " + m + " missing from the cut-off plan");
            return m.kind().perUser() ? means[c] : coverage[c];
        }
    }

    static double[] sumInOrder(double[][] chunkSums, int columns) {
        double[] total = new double[columns];
        for (double[] chunk : chunkSums) for (int c = 0; c < columns; c++) total[c] += chunk[c];
        return total;
    }

    static int[] usersWithRelevant(Relevance relevance) {
        int n = 0;
        for (int u = 0; u < relevance.numUsers(); u++) if (relevance.count(u) > 0) n++;
        int[] users = new int[n];
        for (int u = 0, i = 0; u < relevance.numUsers(); u++) if (relevance.count(u) > 0) users[i++] = u;
        return users;
    }

    static int[] fillMinusOne(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }
}
