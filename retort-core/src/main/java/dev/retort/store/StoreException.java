package dev.retort.store;

import dev.retort.RetortException;

/**
 * A store operation failed. The dialect classifies the database's error once ({@code Dialect.translate}):
 * the subclasses are faults that no retry fixes and that end every command with exit code 1 and their
 * message alone ({@link StoreDamagedException}, {@link StoreGoneException}, {@link DiskFullException});
 * this class itself covers the rest (for example a lock held for longer than the busy timeout).
 */
public class StoreException extends RetortException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True for faults after which nothing more should be written to the store: it is damaged or gone. */
    public boolean stopsWrites() {
        return false;
    }
}
