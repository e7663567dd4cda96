package dev.retort.store;

import dev.retort.space.Config;

/**
 * One trial row as stored. Times are epoch milliseconds from the store's clock; nullable fields are null
 * while they do not apply (no worker while PENDING, no result unless DONE, ...).
 */
public record TrialRecord(long id, Config config, TrialState state, int attempt, long version,
                          String worker, Long leaseUntil, Long heartbeatAt, long createdAt, Long startedAt,
                          Long finishedAt, String resultJson, Double metric, String error, Double cost,
                          String phase) {

    /** The config's SHA-256 (computed on demand). */
    public String configHash() {
        return config.hash();
    }

    /** Run time in milliseconds, or null while not finished. */
    public Long durationMillis() {
        return startedAt == null || finishedAt == null ? null : finishedAt - startedAt;
    }
}
