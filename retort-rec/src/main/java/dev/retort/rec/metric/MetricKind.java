package dev.retort.rec.metric;

/** The metric families Retort computes. Definitions: {@code docs/metrics.md}. */
public enum MetricKind {
    /** Normalised discounted cumulative gain at k, binary gains. */
    NDCG("ndcg"),
    /** Hit rate at k: 1 when any relevant item is in the top k. */
    HR("hr"),
    /** Hits in the top k divided by k. */
    PRECISION("precision"),
    /** Hits in the top k divided by the number of relevant items. */
    RECALL("recall"),
    /** Mean average precision at k, normalised by min(|relevant|, k). */
    MAP("map"),
    /** Reciprocal rank of the first hit within the top k, else 0. */
    MRR("mrr"),
    /** Distinct items in the top k over all evaluated users, divided by the catalog size. */
    COVERAGE("coverage"),
    /** Root mean squared error of predicted ratings. */
    RMSE("rmse"),
    /** Mean absolute error of predicted ratings. */
    MAE("mae");

    private final String label;

    MetricKind(String label) {
        this.label = label;
    }

    /** Lower-case name used in plans, e.g. {@code ndcg}. */
    public String label() { return label; }

    /** Whether the metric takes a cut-off {@code @k}. */
    public boolean hasCutoff() { return this != RMSE && this != MAE; }

    /** Whether the metric is a mean of per-user values over the ranked lists. */
    public boolean perUser() { return hasCutoff() && this != COVERAGE; }
}
