package dev.retort.store;

/**
 * The store a process opened is no longer the one at its address: the experiment directory or the
 * database file was deleted, moved or replaced while the process ran. Writing on would record results in a
 * file no one can read, so the process stops.
 */
public final class StoreGoneException extends StoreException {
    private final String location;

    public StoreGoneException(String location, String what, String detail) {
        super("the store " + location + " was deleted, moved or replaced while " + what + " (" + detail
                + "); stopped so that nothing more is written to a file no one can read. If the directory was"
                + " moved, run the same command on its new place; if it was deleted, the results recorded in it are gone", null);
        this.location = location;
    }

    public String location() {
        return location;
    }

    @Override
    public boolean stopsWrites() {
        return true;
    }
}
