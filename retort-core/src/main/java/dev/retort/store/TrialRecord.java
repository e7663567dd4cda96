package dev.retort.store;

import dev.retort.space.Config;

/**
 * One trial row as stored. Times are epoch milliseconds from the store's clock; nullable fields are null
 * while they do not apply (no worker while PENDING, no result unless DONE, ...).
 *
 * @param fidelity the fidelity the trial ran at (e.g. epochs), for a multi-fidelity search; else null
 * @param rung     its rung, 0 for the base rung; null outside a multi-fidelity search
 * @param parentId the trial (id as users see it) of the same config one rung lower, whose directory this one
 *                 continues from; null for a base-rung or ordinary trial
 */
public record TrialRecord(long id, Config config, TrialState state, int attempt, long version,
                          String worker, Long leaseUntil, Long heartbeatAt, long createdAt, Long startedAt,
                          Long finishedAt, String resultJson, Double metric, String error, Double cost,
                          String phase, Double fidelity, Integer rung, Long parentId) {

    /** A trial without lineage (grid, random). */
    public TrialRecord(long id, Config config, TrialState state, int attempt, long version,
                       String worker, Long leaseUntil, Long heartbeatAt, long createdAt, Long startedAt,
                       Long finishedAt, String resultJson, Double metric, String error, Double cost, String phase) {
        this(id, config, state, attempt, version, worker, leaseUntil, heartbeatAt, createdAt, startedAt, finishedAt,
                resultJson, metric, error, cost, phase, null, null, null);
    }

    /** The config's SHA-256 (computed on demand). */
    public String configHash() {
        return config.hash();
    }

    /** Run time in milliseconds, or null while not finished. */
    public Long durationMillis() {
        return startedAt == null || finishedAt == null ? null : finishedAt - startedAt;
    }

    /** The lineage as stored, or {@link Lineage#NONE}. */
    public Lineage lineage() {
        return rung == null && parentId == null && fidelity == null ? Lineage.NONE : new Lineage(fidelity, rung, parentId);
    }
}
