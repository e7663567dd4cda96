package dev.retort.rec.metric;

import dev.retort.PlanException;

import java.util.List;

/**
 * What {@link Evaluator#evaluate} found.
 *
 * @param values         one value per requested metric, in request order; per-user ranking metrics are means
 *                       over {@code evaluatedUsers} ({@code NaN} when that is 0)
 * @param evaluatedUsers users with at least one relevant test item (with or without a list)
 * @param excludedUsers  users that received a list but have no relevant test item; left out of every mean
 * @param ratedPairs     test pairs with a predicted rating (RMSE/MAE denominator); 0 when not requested
 * @param unratedPairs   test pairs without a predicted rating, skipped by RMSE/MAE
 * @param perUser        per-user values when requested with {@link Evaluator#keepPerUser}, else {@code null}
 */
public record EvalResult(List<MetricValue> values, int evaluatedUsers, int excludedUsers,
                         int ratedPairs, int unratedPairs, PerUserValues perUser) {
    public EvalResult {
        values = List.copyOf(values);
    }

    /** The value of {@code metric}. @throws PlanException when it was not requested */
    public double value(MetricSpec metric) {
        for (MetricValue v : values) if (v.metric().equals(metric)) return v.value();
        throw PlanException.at("evaluation result", "metric", metric.toString(), "was not requested",
                values.stream().map(v -> v.metric().toString()).toList().toString());
    }

    /** The value of the metric named {@code name}, e.g. {@code ndcg@10}. */
    public double value(String name) {
        return value(MetricSpec.parse("evaluation result", "metric", name));
    }
}
