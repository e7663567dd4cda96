package dev.retort.rec.runner;

import dev.retort.RetortException;

/** A runner process failed (crashed, hung, broke the protocol or answered {@code error}); fails one trial only. */
public final class RunnerException extends RetortException {
    public RunnerException(String message) {
        super(message);
    }
}
