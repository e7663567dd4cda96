package dev.retort.store.sqlite;

import dev.retort.store.DiskFullException;
import dev.retort.store.StoreDamagedException;
import dev.retort.store.StoreException;
import dev.retort.store.StoreGoneException;
import org.sqlite.SQLiteErrorCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.SQLException;

/**
 * What SQLite's result codes mean for Retort, and whether the file at the store's path is still the one this
 * process opened. The identity is the file key (device and inode on Unix) read right after the first
 * connection opened the file: a deleted directory, a moved or a replaced {@code retort.db} all change it.
 * SQLite itself keeps writing into an unlinked file without complaint in WAL mode, so this check is ours.
 */
final class SqliteFaults {
    /**
     * The identity is checked at most this often: a {@code stat} costs 1-6 us, a whole transaction of short
     * trials little more, and a commit made a millisecond after the file vanished is lost either way.
     */
    private static final long CHECK_EVERY_NANOS = 1_000_000L;

    private final Path file;
    private volatile Object openedKey;
    private volatile long checkedAt = System.nanoTime() - CHECK_EVERY_NANOS;
    private volatile boolean moved; // once seen, for good: no later call may slip through between checks

    SqliteFaults(Path file) {
        this.file = file.toAbsolutePath();
    }

    String location() {
        return file.toString();
    }

    String howToCheck() {
        return "sqlite3 " + file + " 'PRAGMA integrity_check'";
    }

    /** Records the identity of the file just opened, or checks it against the one recorded at the first open. */
    void opened() {
        Object now = key();
        if (openedKey == null) {
            openedKey = now;
        } else if (now == null || !now.equals(openedKey)) {
            throw gone("connecting to it", now);
        }
    }

    void checkSame(String what) {
        Object recorded = openedKey;
        if (recorded == null) return;
        long t = System.nanoTime();
        if (!moved && t - checkedAt < CHECK_EVERY_NANOS) return;
        checkedAt = t;
        Object now = key();
        if (moved || now == null || !now.equals(recorded)) throw gone(what, now);
    }

    private StoreGoneException gone(String what, Object now) {
        moved = true;
        String detail = now == null ? "no file is there any more" : "the file there is another one";
        return new StoreGoneException(file.toString(), what, detail);
    }

    /** The file key, or null when no file is at the path. */
    private Object key() {
        try {
            Object k = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            return k != null ? k : "no file keys on this platform"; // equal to itself: the check is then a no-op
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    StoreException translate(String what, SQLException e) {
        Object recorded = openedKey;
        if (recorded != null) {
            Object now = key();
            if (now == null || !now.equals(recorded)) return gone(what, now); // explains any error that follows
        }
        int primary = e.getErrorCode() & 0xff;
        String detail = "SQLite: " + sqliteMessage(e);
        if (primary == SQLiteErrorCode.SQLITE_FULL.code) return new DiskFullException(file.getParent().toString(), what, e);
        if (primary == SQLiteErrorCode.SQLITE_IOERR.code && nearlyFull())
            return new DiskFullException(file.getParent().toString(), what, e);
        if (primary == SQLiteErrorCode.SQLITE_CORRUPT.code || primary == SQLiteErrorCode.SQLITE_NOTADB.code
                || primary == SQLiteErrorCode.SQLITE_IOERR.code)
            return new StoreDamagedException(file.toString(), what, detail, howToCheck(), e);
        return new StoreException("store " + file + ": " + what + " failed: " + sqliteMessage(e), e);
    }

    private boolean nearlyFull() {
        return DiskFullException.nearlyFull(file.getParent());
    }

    /** sqlite-jdbc's message is "[CODE] description (sqlite's message)"; keep the code and SQLite's words. */
    private static String sqliteMessage(SQLException e) {
        String m = e.getMessage() == null ? "error " + e.getErrorCode() : e.getMessage();
        int bracket = m.indexOf("] ");
        int paren = m.lastIndexOf(" (");
        if (m.startsWith("[") && bracket > 0 && paren > bracket && m.endsWith(")"))
            return m.substring(paren + 2, m.length() - 1) + " [" + m.substring(1, bracket) + "]";
        return m;
    }
}
