package dev.retort.store.jdbc;

import dev.retort.BugException;
import dev.retort.RetortException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the numbered DDL resources {@code dev/retort/store/<dialect>/V<n>__*.sql} that are newer than the
 * database's {@code schema_version}, each in its own transaction. Small on purpose: a handful of files per
 * dialect, no checksums or repair, and no start-up cost worth measuring (see docs/store.md for why not
 * Flyway).
 */
final class Migrations {
    /** Every migration, in order. Add a file per dialect and its name here. */
    static final List<String> FILES = List.of("V1__schema.sql", "V2__trial_key.sql", "V3__lineage.sql");

    private Migrations() {
    }

    static void apply(Connection c, Dialect d, Clock clock) throws SQLException {
        d.lockMigrations(c); // PostgreSQL: a second host starting at once waits here, then sees them applied
        try (StatementCache ps = new StatementCache(c)) {
            try (Statement st = c.createStatement()) {
                st.execute(d.createSchemaVersionTable());
            }
            int current = currentVersion(c, d);
            if (current > FILES.size()) {
                throw new RetortException("the store's schema is version " + current + " but this Retort knows only up to "
                        + FILES.size() + "; use a newer Retort for this experiment");
            }
            for (int v = current + 1; v <= FILES.size(); v++) {
                String sql = read(d.name(), FILES.get(v - 1));
                d.beginWrite(c, ps);
                try (Statement st = c.createStatement()) {
                    if (currentVersion(c, d) < v) { // another process may have migrated meanwhile
                        for (String stmt : split(sql)) st.execute(stmt);
                        try (PreparedStatement p = c.prepareStatement(d.insertSchemaVersion())) {
                            p.setInt(1, v);
                            p.setLong(2, clock.millis());
                            p.executeUpdate();
                        }
                    }
                    d.commit(c, ps);
                } catch (SQLException | RuntimeException e) {
                    try {
                        d.rollback(c, ps);
                    } catch (SQLException ignored) {
                        // the original failure is the one to report
                    }
                    throw e;
                }
            }
        } finally {
            d.unlockMigrations(c);
        }
    }

    private static int currentVersion(Connection c, Dialect d) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(d.selectSchemaVersion())) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static String read(String dialect, String file) {
        String path = "/dev/retort/store/" + dialect + "/" + file;
        try (InputStream in = Migrations.class.getResourceAsStream(path)) {
            if (in == null) throw new BugException("migration resource missing: " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BugException("cannot read migration " + path, e);
        }
    }

    /**
     * Splits a DDL file into statements at semicolons that end a line, keeping bodies whole: a SQLite trigger
     * body ({@code CREATE TRIGGER ... BEGIN}) ends with a line {@code END;}, a PostgreSQL function body with
     * {@code $$;}.
     */
    static List<String> split(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : sql.split("\n")) {
            String t = line.strip();
            if (t.startsWith("--") || t.isEmpty()) continue;
            cur.append(line).append('\n');
            if (!t.endsWith(";")) continue;
            String stmt = cur.toString().strip().toUpperCase();
            String upper = t.toUpperCase();
            boolean ends;
            if (stmt.startsWith("CREATE OR REPLACE FUNCTION")) ends = upper.endsWith("$$;");
            else if (stmt.startsWith("CREATE TRIGGER") && BEGIN.matcher(stmt).find()) ends = upper.equals("END;");
            else ends = true;
            if (ends) {
                out.add(cur.toString().strip());
                cur.setLength(0);
            }
        }
        if (!cur.toString().isBlank()) out.add(cur.toString().strip());
        return out;
    }

    private static final java.util.regex.Pattern BEGIN = java.util.regex.Pattern.compile("\\bBEGIN\\b");
}
