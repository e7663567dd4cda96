package dev.retort.store;

/**
 * The store's file is damaged (SQLite: SQLITE_CORRUPT, SQLITE_NOTADB, SQLITE_IOERR, or a failed
 * {@code PRAGMA quick_check}). The message names the file and how to check and recover it.
 */
public final class StoreDamagedException extends StoreException {
    private final String location;

    /** A damaged SQLite file: checked with {@code howToCheck}, recovered with sqlite3's {@code .recover}. */
    public StoreDamagedException(String location, String what, String detail, String howToCheck, Throwable cause) {
        this(location, what, detail, howToCheck, "restore it from a backup, or recover what can be read with sqlite3's .recover", cause);
    }

    /** @param howToRecover what the user can do about it, for the message */
    public StoreDamagedException(String location, String what, String detail, String howToCheck, String howToRecover, Throwable cause) {
        super("the store " + location + " is damaged (" + detail + ") while " + what + "; check it with: "
                + howToCheck + "; " + howToRecover, cause);
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
