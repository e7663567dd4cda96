package dev.retort.store.postgres;

import dev.retort.store.StoreException;
import dev.retort.store.StoreLocation;
import dev.retort.store.jdbc.Dialect;
import dev.retort.store.jdbc.Statements;
import org.postgresql.jdbcurlresolver.PgPassParser;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;

/**
 * PostgreSQL: many experiments in one database, their tables in the URL's schema (default {@code retort}).
 *
 * <p>Locking. Every write transaction of an experiment first takes that experiment's transaction advisory lock,
 * so the writes of one experiment serialise as they do on SQLite (and those of different experiments do not
 * wait on each other). The per-state counters are single rows that every state change updates, so the writes
 * would queue on them in any case; taking one lock first turns that into one queue without deadlocks, and
 * keeps count-then-claim exact for {@code max_trials}. Claims still say {@code FOR UPDATE SKIP LOCKED}.
 * Creating an experiment, and assigning trial ids (unique across the database), take database-wide advisory
 * locks of their own; migrations a session advisory lock.
 *
 * <p>Connections: plain JDBC, no pool. A trial store holds one connection for its lifetime
 * (its statements are prepared on it) and the database opens one per call while a process joins, so a worker
 * process holds one connection while it runs trials and two for a moment at start; 64 workers fit under the
 * server's default {@code max_connections = 100}. A pool would add a thread, a logging library and start-up
 * time to every {@code retort} invocation and save nothing here.
 */
public final class PostgresDialect implements Dialect {
    /** First key of every advisory lock Retort takes ('RT'), second key: what it guards. */
    static final int LOCK_CLASS = 0x5254;
    static final int LOCK_MIGRATIONS = -1, LOCK_DATABASE = -2, LOCK_TRIAL_IDS = -3; // experiments: their id (> 0)

    private static final String TRIAL_COLUMNS =
            "seq, config_json, state, attempt, version, worker, lease_until, heartbeat_at, created_at, "
                    + "started_at, finished_at, result_json, metric, error, cost, phase, fidelity, rung, parent_seq";
    private static final String CLAIM_SET = "UPDATE trial SET state = 'RUNNING', worker = ?, lease_until = ?, heartbeat_at = ?, started_at = ?,"
            + " finished_at = NULL, attempt = attempt + 1, version = version + 1";

    private static final org.postgresql.Driver DRIVER = new org.postgresql.Driver();

    private final StoreLocation.Server at;
    private final PostgresFaults faults;

    /** The server ends a transaction its client left idle this long (a host cut off mid-transaction). */
    static final int IDLE_IN_TRANSACTION_SECONDS = 10;
    /** A statement whose answer does not come within this long fails as a lost connection. */
    static final int SOCKET_TIMEOUT_SECONDS = 120;

    public PostgresDialect(StoreLocation.Server at) {
        this.at = at;
        this.faults = new PostgresFaults(at);
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", at.user());
        String password = at.password() != null ? at.password()
                : PgPassParser.getPassword(at.host(), String.valueOf(at.port()), at.database(), at.user());
        if (password != null) p.setProperty("password", password);
        p.setProperty("currentSchema", at.schema());
        p.setProperty("ApplicationName", "retort-" + ProcessHandle.current().pid());
        p.setProperty("connectTimeout", "10");
        p.setProperty("tcpKeepAlive", "true");
        // A host cut off inside a transaction must not hold the experiment's lock until TCP gives up (minutes):
        // the server ends a transaction left idle this long (Retort's are milliseconds of work), and a read
        // that gets no answer this long fails here, so the store reconnects (see Dialect#isConnectionLost).
        p.setProperty("options", "-c idle_in_transaction_session_timeout=" + IDLE_IN_TRANSACTION_SECONDS + "s");
        p.setProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT_SECONDS));
        return DRIVER.connect(at.jdbcUrl(), p); // the driver itself: no DriverManager registration to lose in a shaded jar
    }

    // --- transactions and locking ---------------------------------------------------------------------

    @Override
    public void beginWrite(Connection c, Statements ps, long experimentId) throws SQLException {
        c.setAutoCommit(false);
        lock(ps, experimentId);
    }

    @Override
    public void beginWrite(Connection c, Statements ps) throws SQLException {
        c.setAutoCommit(false);
        lock(ps, LOCK_DATABASE);
    }

    private static void lock(Statements ps, long key) throws SQLException {
        PreparedStatement p = ps.get("SELECT pg_advisory_xact_lock(" + LOCK_CLASS + ", ?)");
        p.setInt(1, (int) key);
        p.execute();
    }

    @Override
    public void commit(Connection c, Statements ps) throws SQLException {
        c.commit();
        c.setAutoCommit(true);
    }

    @Override
    public void rollback(Connection c, Statements ps) throws SQLException {
        try {
            c.rollback();
        } finally {
            c.setAutoCommit(true);
        }
    }

    @Override
    public void lockMigrations(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SELECT pg_advisory_lock(" + LOCK_CLASS + ", " + LOCK_MIGRATIONS + ")");
            st.execute("CREATE SCHEMA IF NOT EXISTS " + at.schema()); // the name was checked: [a-z_][a-z0-9_]*
        }
    }

    @Override
    public void unlockMigrations(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SELECT pg_advisory_unlock(" + LOCK_CLASS + ", " + LOCK_MIGRATIONS + ")");
        }
    }

    @Override
    public String lockTrialIds() {
        return "SELECT pg_advisory_xact_lock(" + LOCK_CLASS + ", " + LOCK_TRIAL_IDS + ")";
    }

    @Override
    public Clock storeClock(Clock local, Connection c) throws SQLException {
        return ServerClock.measure(local, c);
    }

    @Override
    public boolean keepsAdminConnection() {
        return false;
    }

    @Override
    public boolean isConnectionLost(SQLException e) {
        String s = e.getSQLState();
        // 08: connection exceptions (refused, dropped, closed); 57P01-03: the server shut down or restarts;
        // 25P03: the server ended a transaction this host left idle (it was cut off: see connect)
        return s != null && (s.startsWith("08") || s.equals("57P01") || s.equals("57P02") || s.equals("57P03") || s.equals("25P03"));
    }

    @Override
    public Duration outage() {
        return at.outage();
    }

    @Override
    public StoreException outageOver(String what, Duration limit, SQLException last) {
        return new StoreException("lost the store " + at.redacted() + " while " + what + " and it stayed away for "
                + dev.retort.objective.Durations.human(limit) + " (the outage limit; give ?outage=DURATION in the store URL"
                + " to wait longer); last error: " + translate(what, last).getMessage(), last);
    }

    @Override
    public boolean isBusy(SQLException e) {
        String s = e.getSQLState();
        return "40001".equals(s) || "40P01".equals(s) || "55P03".equals(s);
    }

    @Override
    public StoreException translate(String what, SQLException e) {
        return faults.translate(what, e);
    }

    @Override
    public void checkSameStore(String what) {
        // a server's database cannot be swapped under an open connection the way a file can
    }

    @Override
    public String quickCheck() {
        return "SELECT 'ok'";
    }

    @Override
    public String howToCheck() {
        return "the server's log, and amcheck (CREATE EXTENSION amcheck) on the schema " + at.schema();
    }

    @Override
    public String location() {
        return at.redacted();
    }

    // --- schema version -------------------------------------------------------------------------------

    @Override
    public String createSchemaVersionTable() {
        return "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)";
    }

    @Override
    public String selectSchemaVersion() {
        return "SELECT COALESCE(MAX(version), 0) FROM schema_version";
    }

    @Override
    public String insertSchemaVersion() {
        return "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)";
    }

    // --- experiments ----------------------------------------------------------------------------------

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
        return "INSERT INTO experiment (name, plan_json, plan_hash, metric_name, metric_goal, created_at) VALUES (?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (name) DO NOTHING";
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
        // the registrar's lease row: FOR UPDATE, so the check and the renewal that follows it are one step
        return "SELECT registrar, registrar_until, registered_hash, plan_hash FROM experiment WHERE id = ? FOR UPDATE";
    }

    @Override
    public String updateRegistrar() {
        return "UPDATE experiment SET registrar = ?, registrar_until = ? WHERE id = ?";
    }

    @Override
    public String finishRegistration() {
        return "UPDATE experiment SET registered_hash = ?, registered_at = ?, registrar = NULL, registrar_until = NULL WHERE id = ?";
    }

    // --- trials ---------------------------------------------------------------------------------------

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
        // the experiment and the time are bound once, as on SQLite: (experiment_id, created_at), then 4 per row
        StringBuilder sb = new StringBuilder("INSERT INTO trial (id, experiment_id, seq, hash64, config_json, state, created_at)"
                + " SELECT v.id, p.e, v.seq, v.h, v.c, 'PENDING', p.t FROM (SELECT ?::bigint AS e, ?::bigint AS t) p, (VALUES ");
        for (int i = 0; i < rows; i++) sb.append(i == 0 ? "(?::bigint, ?::bigint, ?::bigint, ?::text)" : ", (?, ?, ?, ?)");
        return sb.append(") v (id, seq, h, c)").toString();
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
        return CLAIM_SET + " WHERE id IN (SELECT id FROM trial WHERE experiment_id = ? AND state = 'PENDING' ORDER BY seq LIMIT ?"
                + " FOR UPDATE SKIP LOCKED) RETURNING id, seq, config_json, attempt, version";
    }

    @Override
    public String claimByHash() {
        return CLAIM_SET + " WHERE id = (SELECT trial_id FROM trial_key WHERE experiment_id = ? AND hash64 = ?) AND state = 'PENDING'"
                + " RETURNING id, seq, config_json, attempt, version";
    }

    @Override
    public String complete() {
        return "UPDATE trial SET state = ?, result_json = ?, metric = ?, cost = ?, error = ?, finished_at = ?,"
                + " started_at = COALESCE(?::bigint, started_at), lease_until = NULL, version = version + 1"
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
                + " error = ?::text || ' during attempt ' || attempt, worker = NULL"
                + " WHERE experiment_id = ? AND state = 'RUNNING' AND worker = ? AND attempt < ?";
    }

    @Override
    public String failWorker() {
        return "UPDATE trial SET state = 'FAILED', version = version + 1, lease_until = NULL, finished_at = ?,"
                + " error = ?::text || ' during attempt ' || attempt || '; gave up after ' || attempt || ' attempts (store.max_attempts)'"
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
        return "SELECT " + TRIAL_COLUMNS + " FROM trial WHERE experiment_id = ? ORDER BY id"; // ids grow with seq
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

    // --- workers --------------------------------------------------------------------------------------

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

    /** Reads one {@code bigint} the server computes, e.g. its clock. */
    static long selectLong(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
