package dev.retort.store;

import dev.retort.RetortException;

/**
 * A worker wrote about a trial it no longer holds: its lease lapsed and the trial was reclaimed (its
 * fencing version moved on). The write changed nothing; the worker should drop the trial.
 */
public class StaleTrialException extends RetortException {
    public StaleTrialException(long trialId, long version) {
        super("trial " + trialId + " is no longer held at version " + version + " (lease lapsed and it was reclaimed)");
    }
}
