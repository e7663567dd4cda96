package dev.retort.objective;

import dev.retort.RetortException;

/**
 * A trial's program ran but did not produce a result: it exited with a non-zero code, timed out, printed no
 * result, or printed a malformed one. The message is what the store records for the failed attempt, e.g.
 * {@code exit code 3} followed by the tail of {@code stderr.log}.
 */
public class TrialFailedException extends RetortException {
    public TrialFailedException(String message) {
        super(message);
    }

    public TrialFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
