package dev.retort.store;

/**
 * What a worker reports for a trial it holds.
 *
 * @param resultJson the objective's result as a JSON object (DONE), or null
 * @param metric     the plan's metric value from the result, or null
 * @param cost       the result's {@code cost}, or null
 * @param error      the error text (FAILED), or null
 */
public record Outcome(TrialState state, String resultJson, Double metric, Double cost, String error) {
    public static Outcome done(String resultJson, Double metric, Double cost) {
        return new Outcome(TrialState.DONE, resultJson, metric, cost, null);
    }

    public static Outcome failed(String error, Double cost) {
        return new Outcome(TrialState.FAILED, null, null, cost, error);
    }

    public static Outcome skipped(String reason) {
        return new Outcome(TrialState.SKIPPED, null, null, null, reason);
    }
}
