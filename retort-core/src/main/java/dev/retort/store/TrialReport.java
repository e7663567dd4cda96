package dev.retort.store;

/**
 * An intermediate result of a trial ({@code trial.report(step, values)}): one row per trial, attempt and step.
 *
 * @param trialId    the trial's id as users see it
 * @param valuesJson the reported values as canonical JSON (sorted keys)
 * @param reportedAt epoch milliseconds from the store's clock
 */
public record TrialReport(long trialId, int attempt, long step, String valuesJson, long reportedAt) {
}
