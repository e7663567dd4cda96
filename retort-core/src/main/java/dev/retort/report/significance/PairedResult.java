package dev.retort.report.significance;

/**
 * One paired comparison of a configuration ({@code x}) with the baseline ({@code y}).
 *
 * @param n         pairs
 * @param meanX     the configuration's mean over the pairs
 * @param meanY     the baseline's mean over the same pairs
 * @param meanDiff  mean of {@code x - y}
 * @param statistic t (t-test) or W+, the sum of the ranks of the positive differences (Wilcoxon)
 * @param p         two-sided p-value, before any correction
 * @param effect    Cohen's d_z (t-test) or the rank-biserial correlation (Wilcoxon); its sign is the difference's
 */
public record PairedResult(int n, double meanX, double meanY, double meanDiff, double statistic, double p, double effect) {
}
