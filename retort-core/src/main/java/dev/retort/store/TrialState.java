package dev.retort.store;

/**
 * {@code PENDING -> RUNNING -> DONE | FAILED | SKIPPED}. Cancel and lease expiry return a RUNNING trial to
 * PENDING; {@code reset} returns FAILED (and stuck RUNNING) ones; a new run returns SKIPPED ones.
 */
public enum TrialState {
    PENDING, RUNNING, DONE, FAILED, SKIPPED;

    public boolean finished() {
        return this == DONE || this == FAILED;
    }
}
