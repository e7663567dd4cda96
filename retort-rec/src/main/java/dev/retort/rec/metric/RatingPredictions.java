package dev.retort.rec.metric;

import dev.retort.BugException;
import dev.retort.PlanException;
import dev.retort.rec.data.Interactions;

/**
 * True and predicted ratings for the same test (user, item) pairs, as parallel arrays; input to RMSE and MAE.
 * A {@code NaN} prediction means the model could not predict that pair: it is skipped and counted in
 * {@link EvalResult#unratedPairs()}. Arrays are not copied.
 */
public final class RatingPredictions {
    private final float[] actual;
    private final float[] predicted;

    private RatingPredictions(float[] actual, float[] predicted) {
        if (actual.length != predicted.length) {
            throw new BugException("RatingPredictions: " + actual.length + " ratings but " + predicted.length + " predictions");
        }
        this.actual = actual;
        this.predicted = predicted;
    }

    /** {@code predicted[i]} is the prediction for test interaction {@code i}. */
    public static RatingPredictions of(Interactions test, float[] predicted) {
        if (!test.hasRatings()) {
            throw PlanException.at("evaluation", "metrics", "rmse/mae", "need explicit ratings but the test data has none",
                    "ranking metrics only");
        }
        return new RatingPredictions(test.ratingsArray(), predicted);
    }

    /** {@code predicted[i]} is the prediction for the pair whose true rating is {@code actual[i]}. */
    public static RatingPredictions of(float[] actual, float[] predicted) {
        return new RatingPredictions(actual, predicted);
    }

    /** Sums in index order, so the result is reproducible; returns {sumSquared, sumAbsolute, rated, unrated}. */
    double[] errorSums() {
        double sq = 0, abs = 0;
        int rated = 0;
        for (int i = 0; i < actual.length; i++) {
            if (Float.isNaN(predicted[i])) continue;
            double e = (double) predicted[i] - actual[i];
            sq += e * e;
            abs += Math.abs(e);
            rated++;
        }
        return new double[] {sq, abs, rated, actual.length - rated};
    }
}
