package dev.retort.store;

/** A held trial and the outcome to record for it. */
public record Completion(ClaimedTrial trial, Outcome outcome) {
}
