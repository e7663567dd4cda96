package dev.retort.store;

/**
 * The store's file is damaged (SQLite: SQLITE_CORRUPT, SQLITE_NOTADB, SQLITE_IOERR, or a failed
 * {@code PRAGMA quick_check}). The message names the file and how to check and recover it.
 */
public final class StoreDamagedException extends StoreException {
    private final String location;

    public StoreDamagedException(String location, String what, String detail, String howToCheck, Throwable cause) {
        super("the store " + location + " is damaged (" + detail + ") while " + what + "; check it with: "
                + howToCheck + "; restore it from a backup, or recover what can be read with sqlite3's .recover", cause);
        this.location = location;
    }

    /** The file (or address) of the damaged store. */
    public String location() {
        return location;
    }

    @Override
    public boolean stopsWrites() {
        return true;
    }
}
