package dev.retort.store.postgres;

import dev.retort.store.DiskFullException;
import dev.retort.store.StoreDamagedException;
import dev.retort.store.StoreException;
import dev.retort.store.StoreLocation;

import java.sql.SQLException;

/** What PostgreSQL's SQLSTATEs mean for Retort. Every message names the store by its redacted URL. */
final class PostgresFaults {
    private final StoreLocation.Server at;

    PostgresFaults(StoreLocation.Server at) {
        this.at = at;
    }

    StoreException translate(String what, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String where = at.redacted();
        String detail = message(e);
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"))
            return new StoreException("cannot reach the store " + where + " while " + what + ": " + detail
                    + "; check that the server is running and reachable from this host", e);
        if (state.equals("28P01") || state.equals("28000"))
            return new StoreException("the store " + where + " refused user '" + at.user() + "' while " + what + ": " + detail
                    + "; give the password in the URL, " + StoreLocation.PASSWORD_ENV + ", PGPASSWORD or ~/.pgpass", e);
        if (state.equals("3D000"))
            return new StoreException("the store " + where + " has no database '" + at.database() + "' (" + what + ")"
                    + "; create it with: createdb " + at.database(), e);
        if (state.equals("53100")) return new DiskFullException(where, what, e);
        if (state.equals("XX001") || state.equals("XX002"))
            return new StoreDamagedException(where, what, "PostgreSQL: " + detail, "the server's log",
                    "ask the database's administrator; restore the experiment's schema from a backup (pg_dump/pg_restore)", e);
        return new StoreException("store " + where + ": " + what + " failed: " + detail + (state.isEmpty() ? "" : " [" + state + "]"), e);
    }

    /** The driver's message, with the password cut out should a message ever quote it. */
    private String message(SQLException e) {
        String m = e.getMessage() == null ? "error " + e.getSQLState() : e.getMessage();
        m = m.lines().findFirst().orElse(m).strip();
        return at.password() == null || at.password().isEmpty() ? m : m.replace(at.password(), "***");
    }
}
