package dev.retort;

/**
 * Root of Retort's unchecked exceptions. Subclasses say whether the user can fix the problem
 * ({@link PlanException}) or whether an invariant broke ({@link BugException}).
 */
public class RetortException extends RuntimeException {
    public RetortException(String message) {
        super(message);
    }

    public RetortException(String message, Throwable cause) {
        super(message, cause);
    }
}
