package dev.retort.store.jdbc;

import dev.retort.RetortException;
import dev.retort.store.DiskFullException;
import dev.retort.store.ExperimentRow;
import dev.retort.store.StoreLocation;
import dev.retort.store.StoreSettings;
import dev.retort.store.TrialState;
import dev.retort.store.TrialStore;
import dev.retort.store.postgres.PostgresDialect;
import dev.retort.store.sqlite.SqliteDialect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A store database: migrates its schema on open, finds and creates experiments, and opens a
 * {@link TrialStore} per experiment and user (each on its own connection, so worker threads never share one).
 */
public final class Database implements AutoCloseable {
    private final Dialect sql;
    private final Clock clock;
    private Connection admin; // held for the lifetime when the dialect keeps it, else opened per call
    private StatementCache adminStatements;

    private Database(Dialect sql, Clock local) {
        this.sql = sql;
        try {
            Connection c = sql.connect();
            try {
                Migrations.apply(c, sql, local);
                this.clock = sql.storeClock(local, c);
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
            if (sql.keepsAdminConnection()) {
                admin = c;
                adminStatements = new StatementCache(c);
            } else {
                c.close();
            }
        } catch (SQLException e) {
            throw sql.translate("opening it", e);
        }
    }

    /** Opens (creating if needed) the SQLite store in {@code file}. */
    public static Database sqlite(Path file, Clock clock) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
        } catch (IOException e) {
            if (DiskFullException.isNoSpace(e)) throw new DiskFullException(String.valueOf(file.toAbsolutePath().getParent()), "creating the store's directory", e);
            throw new RetortException("cannot create the directory of store " + file + ": " + e.getMessage(), e);
        }
        return new Database(new SqliteDialect(file), clock);
    }

    /** Opens (creating and migrating if needed) the store at {@code location}. */
    public static Database open(StoreLocation location, Clock clock) {
        if (location instanceof StoreLocation.Directory d) return sqlite(d.file(), clock);
        return new Database(new PostgresDialect((StoreLocation.Server) location), clock);
    }

    /**
     * For a store the location owns (a SQLite directory): "missing" or "empty" when its file is, else null. A
     * server is never missing here: it is asked when opened.
     */
    public static String missingOrEmpty(StoreLocation location) {
        if (!(location instanceof StoreLocation.Directory d)) return null;
        if (!Files.exists(d.file())) return "missing";
        try {
            return Files.size(d.file()) == 0 ? "empty" : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** A unit of database-wide work on the admin connection. */
    interface AdminWork<T> {
        T run(Connection c, Statements ps) throws SQLException;
    }

    synchronized <T> T admin(AdminWork<T> work) throws SQLException {
        if (admin != null) return work.run(admin, adminStatements);
        try (Connection c = sql.connect(); StatementCache ps = new StatementCache(c)) {
            return work.run(c, ps);
        }
    }

    /** Where the store is, for messages (SQLite: the absolute path of its file). */
    public String location() {
        return sql.location();
    }

    /** Throws {@link dev.retort.store.StoreGoneException} when the store was deleted, moved or replaced since it was opened. */
    public void checkSameStore(String what) {
        sql.checkSameStore(what);
    }

    public Clock clock() {
        return clock;
    }

    public synchronized Optional<ExperimentRow> find(String name) {
        sql.checkSameStore("finding experiment '" + name + "'");
        try {
            return admin((c, ps) -> find(ps, name));
        } catch (SQLException e) {
            throw sql.translate("finding experiment '" + name + "'", e);
        }
    }

    public synchronized List<String> experimentNames() {
        sql.checkSameStore("listing its experiments");
        List<String> out = new ArrayList<>();
        try {
            admin((c, ps) -> {
                try (ResultSet rs = ps.get(sql.selectExperimentNames()).executeQuery()) {
                    while (rs.next()) out.add(rs.getString(1));
                }
                return null;
            });
        } catch (SQLException e) {
            throw sql.translate("listing its experiments", e);
        }
        return out;
    }

    Optional<ExperimentRow> find(Statements ps, String name) throws SQLException {
        PreparedStatement p = ps.get(sql.selectExperimentByName());
        p.setString(1, name);
        try (ResultSet rs = p.executeQuery()) {
            if (!rs.next()) return Optional.empty();
            return Optional.of(new ExperimentRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getLong(9)));
        }
    }

    /** Creates the experiment, or returns the existing one of that name (a concurrent creator won). */
    public synchronized ExperimentRow create(String name, String planJson, String planHash, String metricName, String metricGoal) {
        sql.checkSameStore("creating experiment '" + name + "'");
        try {
            return admin((c, ps) -> {
                sql.beginWrite(c, ps); // find-then-insert: the dialect makes creators of one database take turns
                boolean ok = false;
                try {
                    if (find(ps, name).isEmpty()) insertExperiment(c, ps, name, planJson, planHash, metricName, metricGoal);
                    sql.commit(c, ps);
                    ok = true;
                } finally {
                    if (!ok) {
                        try {
                            sql.rollback(c, ps);
                        } catch (SQLException ignored) {
                            // the original failure is the one to report
                        }
                    }
                }
                return find(ps, name).orElseThrow();
            });
        } catch (SQLException e) {
            throw sql.translate("creating experiment '" + name + "'", e);
        }
    }

    /** Inserts a new experiment with its counter rows, inside the caller's write transaction. */
    ExperimentRow insertExperiment(Connection c, Statements ps, String name, String planJson, String planHash, String metricName,
                                   String metricGoal) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql.insertExperiment(), Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, name);
            p.setString(2, planJson);
            p.setString(3, planHash);
            p.setString(4, metricName);
            p.setString(5, metricGoal);
            p.setLong(6, clock.millis());
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
                if (!keys.next()) throw new dev.retort.BugException("inserting experiment '" + name + "' returned no id");
                insertCountRows(ps, keys.getLong(1));
            }
        }
        return find(ps, name).orElseThrow();
    }

    Dialect dialect() {
        return sql;
    }

    private void insertCountRows(Statements ps, long id) throws SQLException {
        PreparedStatement p = ps.get(sql.insertCountRow());
        for (TrialState s : TrialState.values()) {
            p.setLong(1, id);
            p.setString(2, s.name());
            p.executeUpdate();
        }
    }

    /** Opens the trials of {@code experiment} on a connection of their own. Close it when done. */
    public TrialStore open(ExperimentRow experiment, StoreSettings settings) {
        try {
            return new JdbcTrialStore(sql.connect(), sql, clock, settings, experiment);
        } catch (SQLException e) {
            throw sql.translate("connecting to it", e);
        }
    }

    @Override
    public synchronized void close() {
        if (admin == null) return;
        adminStatements.close();
        try {
            admin.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
        admin = null;
    }
}
