package dev.retort.rec.experiment;

import dev.retort.space.Config;

import java.util.List;
import java.util.Map;

/**
 * One row of a recommender results table: a config on one dataset, either one trial (a fold, or a single
 * split) or all its finished folds together.
 *
 * @param artifact the config's artifact directory name, {@code <algorithm>-<128-bit key>}
 * @param params   the parameters as the plan gave them, plus {@code values} (how the algorithm used ratings)
 * @param trials   the trial ids (those {@code retort predictions} and {@code logs} take), by fold
 * @param folds    the folds, same order; empty for a dataset without folds
 * @param foldsPlanned how many folds the dataset has (0 without folds)
 * @param values   per metric (and fit_seconds, predict_seconds): one value per trial, same order
 */
record RecRow(String dataset, String algorithm, String artifact, Config params, List<Long> trials, List<Long> folds,
              int foldsPlanned, Map<String, List<Double>> values) {

    /** Mean of {@code key} over the trials that have it; NaN when none has. */
    double mean(String key) {
        List<Double> v = values.getOrDefault(key, List.of());
        if (v.isEmpty()) return Double.NaN;
        double s = 0;
        for (double x : v) s += x;
        return s / v.size();
    }

    /** Sample standard deviation over the trials; NaN for fewer than two. */
    double std(String key) {
        List<Double> v = values.getOrDefault(key, List.of());
        if (v.size() < 2) return Double.NaN;
        double m = mean(key), ss = 0;
        for (double x : v) ss += (x - m) * (x - m);
        return Math.sqrt(ss / (v.size() - 1));
    }

    /** Mean, sample std and count of {@code key} over the trials. */
    dev.retort.report.MeanStd meanStd(String key) {
        return new dev.retort.report.MeanStd(mean(key), std(key), count(key));
    }

    int count(String key) {
        return values.getOrDefault(key, List.of()).size();
    }

    String paramText() {
        StringBuilder sb = new StringBuilder();
        params.asMap().forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return sb.length() == 0 ? "-" : sb.toString();
    }

    String trialText() {
        StringBuilder sb = new StringBuilder();
        for (Long t : trials) sb.append(sb.length() == 0 ? "" : " ").append(t);
        return sb.toString();
    }
}
