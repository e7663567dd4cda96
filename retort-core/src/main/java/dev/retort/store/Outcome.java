package dev.retort.store;

/**
 * What a worker reports for a trial it holds.
 *
 * @param resultJson the objective's result as a JSON object (DONE), or null
 * @param metric     the plan's metric value from the result, or null
 * @param cost       the result's {@code cost}, or null
 * @param error      the error text (FAILED), or null
 * @param startedAt  when the evaluation started (epoch ms), or null to keep the claim time
 */
public record Outcome(TrialState state, String resultJson, Double metric, Double cost, String error, Long startedAt) {
    public Outcome(TrialState state, String resultJson, Double metric, Double cost, String error) {
        this(state, resultJson, metric, cost, error, null);
    }

    /** This outcome, noting when the evaluation really started (batch claims happen earlier). */
    public Outcome startedAt(long millis) {
        return new Outcome(state, resultJson, metric, cost, error, millis);
    }

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
