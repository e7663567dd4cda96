package dev.retort.store.jdbc;

import dev.retort.RetortException;
import dev.retort.store.DiskFullException;
import dev.retort.store.ExperimentRow;
import dev.retort.store.StoreSettings;
import dev.retort.store.TrialState;
import dev.retort.store.TrialStore;
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
    private final Connection admin;

    private Database(Dialect sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
        try {
            this.admin = sql.connect();
            Migrations.apply(admin, sql, clock);
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
        try (PreparedStatement p = admin.prepareStatement(sql.selectExperimentByName())) {
            p.setString(1, name);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new ExperimentRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getLong(9)));
            }
        } catch (SQLException e) {
            throw sql.translate("finding experiment '" + name + "'", e);
        }
    }

    public synchronized List<String> experimentNames() {
        sql.checkSameStore("listing its experiments");
        List<String> out = new ArrayList<>();
        try (Statement st = admin.createStatement(); ResultSet rs = st.executeQuery(sql.selectExperimentNames())) {
            while (rs.next()) out.add(rs.getString(1));
        } catch (SQLException e) {
            throw sql.translate("listing its experiments", e);
        }
        return out;
    }

    /** Creates the experiment, or returns the existing one of that name (a concurrent creator won). */
    public synchronized ExperimentRow create(String name, String planJson, String planHash, String metricName, String metricGoal) {
        try (Statement st = admin.createStatement()) {
            st.execute(sql.beginWrite());
            try {
                if (find(name).isEmpty()) {
                    long id;
                    try (PreparedStatement p = admin.prepareStatement(sql.insertExperiment(), Statement.RETURN_GENERATED_KEYS)) {
                        p.setString(1, name);
                        p.setString(2, planJson);
                        p.setString(3, planHash);
                        p.setString(4, metricName);
                        p.setString(5, metricGoal);
                        p.setLong(6, clock.millis());
                        p.executeUpdate();
                        try (ResultSet keys = p.getGeneratedKeys()) {
                            keys.next();
                            id = keys.getLong(1);
                        }
                    }
                    try (PreparedStatement p = admin.prepareStatement(sql.insertCountRow())) {
                        for (TrialState s : TrialState.values()) {
                            p.setLong(1, id);
                            p.setString(2, s.name());
                            p.executeUpdate();
                        }
                    }
                }
                st.execute("COMMIT");
            } catch (SQLException e) {
                st.execute("ROLLBACK");
                throw e;
            }
        } catch (SQLException e) {
            throw sql.translate("creating experiment '" + name + "'", e);
        }
        return find(name).orElseThrow();
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
        try {
            admin.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
    }
}
