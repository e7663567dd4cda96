package dev.retort.store;

import dev.retort.space.Config;

/**
 * A trial this worker holds. {@code version} is the fencing token: every write about this trial carries it,
 * and a write whose version is stale changes nothing.
 *
 * @param rowId the database row (internal)
 * @param id    the trial id users see
 */
public record ClaimedTrial(long rowId, long id, Config config, int attempt, long version) {
}
