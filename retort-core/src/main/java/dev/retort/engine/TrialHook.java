package dev.retort.engine;

import dev.retort.store.ClaimedTrial;
import dev.retort.store.Outcome;

/** Runs after every trial a worker finished and recorded (post-trial hooks). */
@FunctionalInterface
public interface TrialHook {
    void afterTrial(ClaimedTrial trial, Outcome outcome, long millis);
}
