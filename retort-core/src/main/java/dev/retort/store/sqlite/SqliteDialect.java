package dev.retort.store.sqlite;

import dev.retort.store.StoreException;
import dev.retort.store.jdbc.Dialect;
import dev.retort.store.jdbc.Statements;
import org.sqlite.BusyHandler;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.locks.LockSupport;

/**
 * SQLite: one database file, WAL journal, {@code synchronous=NORMAL}. In WAL mode NORMAL makes every commit
 * survive a killed process (the WAL is in the OS page cache); only a power loss or OS crash can lose the
 * last commits, as the SQLite documentation describes.
 *
 * <p>Contention between worker processes is handled by a busy handler that spins, then parks for tens of
 * microseconds, instead of SQLite's default sleeps of a millisecond and more: write transactions here last
 * microseconds, so millisecond sleeps would leave the database idle most of the time.
 */
public final class SqliteDialect implements Dialect {
    private static final String TRIAL_COLUMNS =
            "seq, config_json, state, attempt, version, worker, lease_until, heartbeat_at, created_at, "
                    + "started_at, finished_at, result_json, metric, error, cost, phase, fidelity, rung, parent_seq";
    private static final long BUSY_GIVE_UP_NANOS = 60_000_000_000L;

    private final Path file;
    private final SqliteFaults faults;

    public SqliteDialect(Path file) {
        this.file = file;
        this.faults = new SqliteFaults(file);
    }

    public Path file() {
        return file;
    }

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public Connection connect() throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        cfg.setBusyTimeout(60_000);
        cfg.setTempStore(SQLiteConfig.TempStore.MEMORY);
        cfg.setCacheSize(-65_536); // KiB: holds the hash index of a 1,000,000-trial experiment
        Connection c = cfg.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        BusyHandler.setHandler(c, new SpinThenParkHandler());
        try {
            walMode(c);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        try {
            faults.opened();
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /**
     * Switches the file to WAL (persistent: a no-op once it is). Switching takes an exclusive lock, and SQLite
     * answers SQLITE_BUSY at once, without calling the busy handler, while another connection opening the same
     * fresh file holds a lock: so it is retried here, with a growing pause, for as long as the busy timeout.
     */
    private static void walMode(Connection c) throws SQLException {
        long deadline = System.nanoTime() + BUSY_GIVE_UP_NANOS;
        for (int attempt = 0; ; attempt++) {
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                return;
            } catch (org.sqlite.SQLiteException e) {
                if ((e.getErrorCode() & 0xff) != 5 || System.nanoTime() > deadline) throw e; // 5: SQLITE_BUSY
                LockSupport.parkNanos(Math.min(10_000_000L, 100_000L << Math.min(attempt, 7)));
            }
        }
    }

    /** Spins briefly, then parks with a growing pause capped at 200 us; gives up after 60 s. */
    private static final class SpinThenParkHandler extends BusyHandler {
        private long firstBusyAt;

        @Override
        protected int callback(int previousInvocations) {
            if (previousInvocations == 0) firstBusyAt = System.nanoTime();
            if (System.nanoTime() - firstBusyAt > BUSY_GIVE_UP_NANOS) return 0;
            if (previousInvocations < 50) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(Math.min(200_000L, 5_000L * (previousInvocations - 49)));
            }
            return 1;
        }
    }

    @Override
    public void beginWrite(Connection c, Statements ps, long experimentId) throws SQLException {
        ps.get("BEGIN IMMEDIATE").execute(); // one writer per file: experiments of one file serialise too
    }

    @Override
    public void beginWrite(Connection c, Statements ps) throws SQLException {
        ps.get("BEGIN IMMEDIATE").execute();
    }

    @Override
    public void commit(Connection c, Statements ps) throws SQLException {
        ps.get("COMMIT").execute();
    }

    @Override
    public void rollback(Connection c, Statements ps) throws SQLException {
        ps.get("ROLLBACK").execute();
    }

    @Override
    public void lockMigrations(Connection c) {
        // each migration's BEGIN IMMEDIATE transaction re-reads the version: that is the lock
    }

    @Override
    public void unlockMigrations(Connection c) {
    }

    @Override
    public String lockTrialIds() {
        return null; // BEGIN IMMEDIATE: the registering transaction is the only writer
    }

    @Override
    public Clock storeClock(Clock local, Connection c) {
        return local; // the file is on this host: its clock is the one every writer of the file reads
    }

    @Override
    public boolean keepsAdminConnection() {
        return true; // the connection also pins the file key that checkSameStore compares
    }

    @Override
    public boolean isBusy(SQLException e) {
        int code = e.getErrorCode() & 0xff;
        return code == SQLiteErrorCode.SQLITE_BUSY.code || code == SQLiteErrorCode.SQLITE_LOCKED.code;
    }

    @Override
    public StoreException translate(String what, SQLException e) {
        return faults.translate(what, e);
    }

    @Override
    public void checkSameStore(String what) {
        faults.checkSame(what);
    }

    @Override
    public String quickCheck() {
        return "PRAGMA quick_check";
    }

    @Override
    public String howToCheck() {
        return faults.howToCheck();
    }

    @Override
    public String location() {
        return faults.location();
    }

    @Override
    public String createSchemaVersionTable() {
        return "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)";
    }

    @Override
    public String selectSchemaVersion() {
        return "SELECT COALESCE(MAX(version), 0) FROM schema_version";
    }

    @Override
    public String insertSchemaVersion() {
        return "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)";
    }

    @Override
    public String selectExperimentByName() {
        return "SELECT id, name, plan_json, plan_hash, registered_hash, metric_name, metric_goal, settings_json, created_at FROM experiment WHERE name = ?";
    }

    @Override
    public String selectExperimentNames() {
        return "SELECT name FROM experiment ORDER BY name";
    }

    @Override
    public String insertExperiment() {
        return "INSERT INTO experiment (name, plan_json, plan_hash, metric_name, metric_goal, created_at) VALUES (?, ?, ?, ?, ?, ?)";
    }

    @Override
    public String insertCountRow() {
        return "INSERT INTO trial_count (experiment_id, state) VALUES (?, ?)";
    }

    @Override
    public String updatePlan() {
        return "UPDATE experiment SET plan_json = ?, plan_hash = ?, metric_name = ?, metric_goal = ? WHERE id = ?";
    }

    @Override
    public String updateSettings() {
        return "UPDATE experiment SET settings_json = ? WHERE id = ?";
    }

    @Override
    public String markRegistered() {
        return "UPDATE experiment SET registered_hash = ? WHERE id = ?";
    }

    @Override
    public String selectRegistration() {
        return "SELECT registrar, registrar_until, registered_hash, plan_hash FROM experiment WHERE id = ?";
    }

    @Override
    public String updateRegistrar() {
        return "UPDATE experiment SET registrar = ?, registrar_until = ? WHERE id = ?";
    }

    @Override
    public String finishRegistration() {
        return "UPDATE experiment SET registered_hash = ?, registered_at = ?, registrar = NULL, registrar_until = NULL WHERE id = ?";
    }

    @Override
    public String maxSeq() {
        return "SELECT MAX(seq) FROM trial WHERE experiment_id = ?";
    }

    @Override
    public String maxTrialId() {
        return "SELECT COALESCE(MAX(id), 0) FROM trial";
    }

    @Override
    public String insertTrials(int rows) {
        // numbered parameters: the experiment and the time are bound once, not once per row
        StringBuilder sb = new StringBuilder("INSERT INTO trial (id, experiment_id, seq, hash64, config_json, state, created_at) VALUES ");
        for (int i = 0, n = 3; i < rows; i++, n += 4) {
            sb.append(i == 0 ? "(?" : ", (?").append(n).append(", ?1, ?").append(n + 1).append(", ?").append(n + 2)
                    .append(", ?").append(n + 3).append(", 'PENDING', ?2)");
        }
        return sb.toString();
    }

    @Override
    public String insertKeys(int rows) {
        StringBuilder sb = new StringBuilder("INSERT INTO trial_key (experiment_id, hash64, trial_id) VALUES ");
        for (int i = 0; i < rows; i++) sb.append(i == 0 ? "" : ", ").append("(?, ?, ?)");
        return sb.append(" ON CONFLICT (experiment_id, hash64) DO NOTHING").toString();
    }

    @Override
    public String keysOf() {
        return "SELECT hash64, id FROM trial WHERE experiment_id = ?";
    }

    @Override
    public String hashOf64() {
        return "SELECT t.config_json FROM trial_key k JOIN trial t ON t.id = k.trial_id WHERE k.experiment_id = ? AND k.hash64 = ?";
    }

    @Override
    public String configById() {
        return "SELECT config_json FROM trial WHERE id = ?";
    }

    @Override
    public String addCount() {
        return "UPDATE trial_count SET n = n + ? WHERE experiment_id = ? AND state = ?";
    }

    @Override
    public String claim() {
        return "UPDATE trial SET state = 'RUNNING', worker = ?, lease_until = ?, heartbeat_at = ?, started_at = ?,"
                + " finished_at = NULL, attempt = attempt + 1, version = version + 1"
                + " WHERE id IN (SELECT id FROM trial WHERE experiment_id = ? AND state = 'PENDING' ORDER BY seq LIMIT ?)"
                + " RETURNING id, seq, config_json, attempt, version";
    }

    @Override
    public String claimByHash() {
        return "UPDATE trial SET state = 'RUNNING', worker = ?, lease_until = ?, heartbeat_at = ?, started_at = ?,"
                + " finished_at = NULL, attempt = attempt + 1, version = version + 1"
                + " WHERE id = (SELECT trial_id FROM trial_key WHERE experiment_id = ? AND hash64 = ?) AND state = 'PENDING'"
                + " RETURNING id, seq, config_json, attempt, version";
    }

    @Override
    public String complete() {
        return "UPDATE trial SET state = ?, result_json = ?, metric = ?, cost = ?, error = ?, finished_at = ?, started_at = COALESCE(?, started_at),"
                + " lease_until = NULL, version = version + 1"
                + " WHERE id = ? AND version = ? AND state = 'RUNNING'";
    }

    @Override
    public String phase() {
        return "UPDATE trial SET phase = ?, phase_at = ? WHERE id = ? AND version = ? AND state = 'RUNNING'";
    }

    @Override
    public String cancel() {
        return "UPDATE trial SET state = 'PENDING', attempt = attempt - 1, version = version + 1, worker = NULL,"
                + " lease_until = NULL, started_at = NULL WHERE id = ? AND version = ? AND state = 'RUNNING'";
    }

    @Override
    public String renewLease() {
        return "UPDATE trial SET lease_until = ?, heartbeat_at = ? WHERE id = ? AND version = ? AND state = 'RUNNING'";
    }

    @Override
    public String reclaimExpired() {
        return "UPDATE trial SET state = 'PENDING', version = version + 1, lease_until = NULL,"
                + " error = 'lease of worker ' || COALESCE(worker, '?') || ' expired during attempt ' || attempt,"
                + " worker = NULL WHERE experiment_id = ? AND state = 'RUNNING' AND lease_until < ? AND attempt < ?";
    }

    @Override
    public String failExpired() {
        return "UPDATE trial SET state = 'FAILED', version = version + 1, lease_until = NULL, finished_at = ?,"
                + " error = 'lease expired in ' || attempt || ' attempts; last worker ' || COALESCE(worker, '?')"
                + " WHERE experiment_id = ? AND state = 'RUNNING' AND lease_until < ? AND attempt >= ?";
    }

    @Override
    public String reclaimWorker() {
        return "UPDATE trial SET state = 'PENDING', version = version + 1, lease_until = NULL,"
                + " error = ? || ' during attempt ' || attempt, worker = NULL"
                + " WHERE experiment_id = ? AND state = 'RUNNING' AND worker = ? AND attempt < ?";
    }

    @Override
    public String failWorker() {
        return "UPDATE trial SET state = 'FAILED', version = version + 1, lease_until = NULL, finished_at = ?,"
                + " error = ? || ' during attempt ' || attempt || '; gave up after ' || attempt || ' attempts (store.max_attempts)'"
                + " WHERE experiment_id = ? AND state = 'RUNNING' AND worker = ? AND attempt >= ?";
    }

    @Override
    public String resetRunningTrial() {
        return "UPDATE trial SET state = 'PENDING', version = version + 1, worker = NULL, lease_until = NULL,"
                + " attempt = attempt - 1 WHERE experiment_id = ? AND seq = ? AND version = ? AND state = 'RUNNING'";
    }

    @Override
    public String resetStates() {
        return "UPDATE trial SET state = 'PENDING', version = version + 1, worker = NULL, lease_until = NULL,"
                + " attempt = 0 WHERE experiment_id = ? AND state = ?";
    }

    @Override
    public String resetRunning() {
        return "UPDATE trial SET state = 'PENDING', version = version + 1, worker = NULL, lease_until = NULL,"
                + " attempt = attempt - 1 WHERE experiment_id = ? AND state = 'RUNNING'";
    }

    @Override
    public String selectCounts() {
        return "SELECT state, n, cost FROM trial_count WHERE experiment_id = ?";
    }

    @Override
    public String selectTrials() {
        return "SELECT " + TRIAL_COLUMNS + " FROM trial WHERE experiment_id = ? ORDER BY id"; // rows are inserted in seq order
    }

    @Override
    public String selectTrialsInState() {
        return "SELECT " + TRIAL_COLUMNS + " FROM trial WHERE experiment_id = ? AND state = ? ORDER BY seq";
    }

    @Override
    public String selectTrialByHash() {
        return "SELECT " + TRIAL_COLUMNS + " FROM trial WHERE id = (SELECT trial_id FROM trial_key WHERE experiment_id = ? AND hash64 = ?)";
    }

    @Override
    public String selectBest(boolean maximize) {
        return "SELECT " + TRIAL_COLUMNS + " FROM trial WHERE experiment_id = ? AND state = 'DONE' AND metric IS NOT NULL"
                + " ORDER BY metric " + (maximize ? "DESC" : "ASC") + ", seq LIMIT ?";
    }

    @Override
    public String selectFinishedMetrics() {
        return "SELECT seq, started_at, finished_at, metric FROM trial WHERE experiment_id = ? AND state = 'DONE'"
                + " AND finished_at >= ? ORDER BY finished_at, seq";
    }

    @Override
    public String configsAndStates() {
        return "SELECT config_json, state FROM trial WHERE experiment_id = ?";
    }

    @Override
    public String anyInState() {
        return "SELECT 1 FROM trial WHERE experiment_id = ? AND state = ? LIMIT 1";
    }

    // --- lineage and reports (V3) ------------------------------------------------------------------------

    @Override
    public String setLineage() {
        return "UPDATE trial SET fidelity = ?, rung = ?, parent_seq = ?"
                + " WHERE id = (SELECT trial_id FROM trial_key WHERE experiment_id = ? AND hash64 = ?)";
    }

    @Override
    public String selectTrialBySeq() {
        // the state list lets the lookup use trial_by_state (experiment_id, state, seq): no index on seq alone
        return "SELECT " + TRIAL_COLUMNS + " FROM trial WHERE experiment_id = ?"
                + " AND state IN ('PENDING', 'RUNNING', 'DONE', 'FAILED', 'SKIPPED') AND seq = ?";
    }

    @Override
    public String selectSearchRows(boolean withConfig) {
        return "SELECT id, seq, state, attempt, metric, fidelity, rung, parent_seq" + (withConfig ? ", config_json" : "")
                + " FROM trial WHERE experiment_id = ? ORDER BY id";
    }

    @Override
    public String countsByRung() {
        return "SELECT rung, state, COUNT(*) FROM trial WHERE experiment_id = ? AND rung IS NOT NULL GROUP BY rung, state";
    }

    @Override
    public String parentSeqOf() {
        return "SELECT parent_seq FROM trial WHERE id = ?";
    }

    @Override
    public String insertReport() {
        return "INSERT INTO trial_report (experiment_id, trial_seq, attempt, step, values_json, reported_at)"
                + " SELECT experiment_id, seq, attempt, ?, ?, ? FROM trial WHERE id = ? AND version = ? AND state = 'RUNNING'"
                + " ON CONFLICT (experiment_id, trial_seq, attempt, step)"
                + " DO UPDATE SET values_json = excluded.values_json, reported_at = excluded.reported_at";
    }

    @Override
    public String selectReports() {
        return "SELECT trial_seq, attempt, step, values_json, reported_at FROM trial_report"
                + " WHERE experiment_id = ? AND trial_seq = ? ORDER BY attempt, step";
    }

    @Override
    public String upsertWorker() {
        return "INSERT INTO worker (id, experiment_id, host, pid, started_at, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (experiment_id, id) DO UPDATE SET host = excluded.host, pid = excluded.pid,"
                + " started_at = excluded.started_at, heartbeat_at = excluded.heartbeat_at, stopped_at = NULL";
    }

    @Override
    public String workerHeartbeat() {
        return "UPDATE worker SET heartbeat_at = ? WHERE experiment_id = ? AND id = ?";
    }

    @Override
    public String workerStopped() {
        return "UPDATE worker SET stopped_at = ? WHERE experiment_id = ? AND id = ?";
    }

    @Override
    public String selectWorkers() {
        return "SELECT id, host, pid, started_at, heartbeat_at, stopped_at FROM worker WHERE experiment_id = ? ORDER BY id";
    }
}
