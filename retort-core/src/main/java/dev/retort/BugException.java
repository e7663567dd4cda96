package dev.retort;

/** A broken invariant inside Retort. Always a bug: the message says so and carries the context. */
public class BugException extends RetortException {
    public BugException(String message) {
        super("BUG (please report): " + message);
    }

    public BugException(String message, Throwable cause) {
        super("BUG (please report): " + message, cause);
    }
}
