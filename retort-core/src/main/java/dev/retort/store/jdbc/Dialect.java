package dev.retort.store.jdbc;

import dev.retort.store.StoreException;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Everything that differs between databases: connection set-up, how a write transaction begins, and every
 * SQL statement the store runs. One implementation per database keeps all of its SQL in one class, beside
 * one DDL resource folder ({@code dev/retort/store/<name>/V<n>__*.sql}), changed in lockstep.
 *
 * <p>Parameter order is part of each statement's contract and is documented on the method.
 */
public interface Dialect {
    /** Resource folder name of the migrations, e.g. {@code sqlite}. */
    String name();

    /** Opens and configures a connection (pragmas, busy handling, isolation). */
    Connection connect() throws SQLException;

    // --- transactions and locking --------------------------------------------------------------------
    // Every write of the store is one transaction begun here. Three rules rely on writes of one experiment
    // serialising: the count-then-claim that keeps max_trials exact, the per-state counters (every state
    // change updates the same few rows), and the registrar's lease on the experiment row. The dialect makes
    // them serialise; nothing above it knows how.

    /**
     * Starts a write transaction on the trials of experiment {@code experimentId} that takes its lock at once
     * (SQLite: the file's write lock, avoiding lock upgrades that deadlock; PostgreSQL: the experiment's lock,
     * so experiments sharing a database do not wait on each other).
     */
    void beginWrite(Connection c, Statements ps, long experimentId) throws SQLException;

    /** Starts a write transaction on the database as a whole (finding, then creating an experiment). */
    void beginWrite(Connection c, Statements ps) throws SQLException;

    void commit(Connection c, Statements ps) throws SQLException;

    void rollback(Connection c, Statements ps) throws SQLException;

    /**
     * Holds the lock under which migrations run, from before the schema version is read until {@link
     * #unlockMigrations}: a second process that starts at once waits, then sees them applied. SQLite: nothing
     * (each migration's write transaction re-reads the version); PostgreSQL: a session advisory lock, taken
     * before the schema itself is created.
     */
    void lockMigrations(Connection c) throws SQLException;

    void unlockMigrations(Connection c) throws SQLException;

    /**
     * A statement that makes the calling transaction the only one assigning trial ids in the database until it
     * ends (ids are assigned from {@link #maxTrialId()} and unique across experiments), or null when the write
     * transaction is exclusive already (SQLite).
     */
    String lockTrialIds();

    /**
     * The clock of every time the store writes (leases, heartbeats, created/started/finished): {@code local}
     * for a store on this host; for a server, {@code local} corrected by the offset to the server's clock, so
     * hosts whose clocks disagree agree on leases (docs/store.md, "Leases across hosts").
     */
    java.time.Clock storeClock(java.time.Clock local, Connection c) throws SQLException;

    /** True when a {@code Database} keeps one connection open for its lifetime (cheap for a file; a server counts them). */
    boolean keepsAdminConnection();

    // --- schema version -------------------------------------------------------------------------------
    String createSchemaVersionTable();
    String selectSchemaVersion();
    String insertSchemaVersion();              // (version, applied_at)

    // --- experiments ---------------------------------------------------------------------------------
    String selectExperimentByName();           // (name) -> id, name, plan_json, plan_hash, registered_hash, metric_name, metric_goal, created_at
    String selectExperimentNames();
    String insertExperiment();                 // (name, plan_json, plan_hash, metric_name, metric_goal, created_at) -> id via generated keys; none if the name exists
    String insertCountRow();                   // (experiment_id, state)
    String updatePlan();                       // (plan_json, plan_hash, metric_name, metric_goal, id)
    String markRegistered();                   // (registered_hash, id)
    String selectRegistration();               // (id) -> registrar, registrar_until, registered_hash, plan_hash
    String updateRegistrar();                  // (registrar, registrar_until, id)
    String finishRegistration();               // (registered_hash, registered_at, id); clears the registrar
    String updateSettings();                   // (settings_json, id)

    // --- trials --------------------------------------------------------------------------------------
    String maxSeq();                           // (experiment_id) -> max seq or null
    String maxTrialId();                       // () -> max trial id of the store, or 0
    /**
     * {@code rows} PENDING trials with given ids: parameters (experiment_id, created_at), once, then
     * (id, seq, hash64, config_json) per row.
     */
    String insertTrials(int rows);
    /** {@code rows} config keys: (experiment_id, hash64, trial_id) per row; a key already there is skipped. */
    String insertKeys(int rows);
    String keysOf();                           // (experiment_id) -> hash64, id of every trial, keyed or not
    String hashOf64();                         // (experiment_id, hash64) -> config_json, through the key
    String configById();                       // (id) -> config_json
    String addCount();                         // (n, experiment_id, state)
    /** (worker, lease_until, heartbeat_at, started_at, experiment_id, limit) -> id/seq, config_json, attempt, version. */
    String claim();
    String claimByHash();                      // (worker, lease_until, heartbeat_at, started_at, experiment_id, hash64) like claim()
    String complete();                         // (state, result_json, metric, cost, error, finished_at, started_at or null, id, version)
    String phase();                            // (phase, phase_at, id, version) fenced like complete()
    String cancel();                           // (id, version) -> PENDING, attempt - 1
    String renewLease();                       // (lease_until, heartbeat_at, id, version)
    String reclaimExpired();                   // (now, experiment_id, now, max_attempts) -> PENDING
    String failExpired();                      // (error, now, experiment_id, now, max_attempts) -> FAILED
    String reclaimWorker();                    // (error prefix, experiment_id, worker, max_attempts) RUNNING -> PENDING
    String failWorker();                       // (finished_at, error prefix, experiment_id, worker, max_attempts) RUNNING -> FAILED
    String resetRunningTrial();                // (experiment_id, seq, version) RUNNING -> PENDING, attempt - 1
    String resetStates();                      // (experiment_id, state) -> PENDING
    String resetRunning();                     // (experiment_id) RUNNING -> PENDING regardless of lease
    String selectCounts();                     // (experiment_id) -> state, n, cost
    String selectTrials();                     // (experiment_id) all, by seq
    String selectTrialsInState();              // (experiment_id, state) by seq
    String selectTrialByHash();                // (experiment_id, hash64)
    String selectBest(boolean maximize);       // (experiment_id, limit)
    String selectFinishedMetrics();            // (experiment_id, since) DONE, finished_at >= since: seq (the trial id), started_at, finished_at, metric by finished_at, seq
    String anyInState();
    String configsAndStates();                 // (experiment_id) -> config_json, state                       // (experiment_id, state) -> 1 row or none

    // --- lineage and reports (schema V3) ------------------------------------------------------------
    String setLineage();                       // (fidelity, rung, parent_seq, experiment_id, hash64)
    String selectTrialBySeq();                 // (experiment_id, seq) -> trial columns
    String parentSeqOf();                      // (row id) -> parent_seq or null
    String countsByRung();
    /** (experiment_id) -> id, seq, state, attempt, metric, fidelity, rung, parent_seq[, config_json] by id: what a search reads. */
    String selectSearchRows(boolean withConfig);                     // (experiment_id) -> rung, state, count of trials that have a rung
    /** (step, values_json, reported_at, row id, version): fenced like {@link #phase()}; a repeated step replaces. */
    String insertReport();
    String selectReports();                    // (experiment_id, trial_seq) -> trial_seq, attempt, step, values_json, reported_at

    // --- workers -------------------------------------------------------------------------------------
    String upsertWorker();                     // (id, experiment_id, host, pid, started_at, heartbeat_at)
    String workerHeartbeat();                  // (heartbeat_at, experiment_id, id)
    String workerStopped();                    // (stopped_at, experiment_id, id)
    String selectWorkers();                    // (experiment_id) -> id, host, pid, started_at, heartbeat_at, stopped_at by id

    // --- copying an experiment between stores (retort store copy) ------------------------------------
    // Standard SQL that both dialects run as it is: the tables and columns are the same in both.

    /** Every column of the experiment's trials, in this order, by id. (experiment_id) */
    default String selectTrialRows() {
        return "SELECT " + COPIED_TRIAL_COLUMNS + " FROM trial WHERE experiment_id = ? ORDER BY id";
    }

    /** One trial with every column: (experiment_id, then the columns of {@link #selectTrialRows} in order). */
    default String insertTrialRow() {
        return "INSERT INTO trial (experiment_id, " + COPIED_TRIAL_COLUMNS + ") VALUES (?" + ", ?".repeat(COPIED_TRIAL_COLUMN_COUNT) + ")";
    }

    String COPIED_TRIAL_COLUMNS = "id, seq, config_json, hash64, state, attempt, version, worker, lease_until, heartbeat_at,"
            + " created_at, started_at, finished_at, result_json, metric, error, cost, phase, phase_at, fidelity, rung, parent_seq";
    int COPIED_TRIAL_COLUMN_COUNT = 22;

    /** (experiment_id) -> trial_seq, attempt, step, values_json, reported_at of every report row. */
    default String selectReportRows() {
        return "SELECT trial_seq, attempt, step, values_json, reported_at FROM trial_report WHERE experiment_id = ?";
    }

    /** (experiment_id, trial_seq, attempt, step, values_json, reported_at). */
    default String insertReportRow() {
        return "INSERT INTO trial_report (experiment_id, trial_seq, attempt, step, values_json, reported_at) VALUES (?, ?, ?, ?, ?, ?)";
    }

    /** (experiment_id) -> hash64, trial_id of every key row. */
    default String selectKeyRows() {
        return "SELECT hash64, trial_id FROM trial_key WHERE experiment_id = ?";
    }

    /** (experiment_id) -> id, host, pid, started_at, heartbeat_at, stopped_at of every worker row. */
    default String selectWorkerRows() {
        return "SELECT id, host, pid, started_at, heartbeat_at, stopped_at FROM worker WHERE experiment_id = ?";
    }

    /** (experiment_id, id, host, pid, started_at, heartbeat_at, stopped_at). */
    default String insertWorkerRow() {
        return "INSERT INTO worker (experiment_id, id, host, pid, started_at, heartbeat_at, stopped_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
    }

    /** (n, cost, experiment_id, state): a counter row set outright (after a copy). */
    default String setCount() {
        return "UPDATE trial_count SET n = ?, cost = ? WHERE experiment_id = ? AND state = ?";
    }

    /** (registered_hash, settings_json, created_at, id): the copied experiment's state. */
    default String copyExperimentState() {
        return "UPDATE experiment SET registered_hash = ?, settings_json = ?, created_at = ? WHERE id = ?";
    }

    /** Statements that delete every row of one experiment, each with the parameter (experiment id), in order. */
    default java.util.List<String> deleteExperiment() {
        return java.util.List.of("DELETE FROM trial_report WHERE experiment_id = ?", "DELETE FROM trial_key WHERE experiment_id = ?", "DELETE FROM trial WHERE experiment_id = ?",
                "DELETE FROM trial_count WHERE experiment_id = ?", "DELETE FROM worker WHERE experiment_id = ?",
                "DELETE FROM experiment WHERE id = ?");
    }

    /**
     * True when {@code e} means the connection to the server was lost (dropped, the server restarted or shut
     * down): the store reconnects and runs the work again, for at most {@link #outage}. SQLite: never.
     */
    default boolean isConnectionLost(SQLException e) {
        return false;
    }

    /** How long a lost server may stay away before the store gives up; zero: never wait. */
    default java.time.Duration outage() {
        return java.time.Duration.ZERO;
    }

    /** The error once the server stayed away past {@link #outage} while doing {@code what}. */
    default StoreException outageOver(String what, java.time.Duration limit, SQLException last) {
        return translate(what, last);
    }

    /** True when {@code e} means "the database was busy or locked" and the transaction may be retried. */
    boolean isBusy(SQLException e);

    // --- faults --------------------------------------------------------------------------------------
    /**
     * The one place that reads the database's error codes: classifies the failure of {@code what} (e.g.
     * "claiming trials for experiment 'x'") as {@link dev.retort.store.StoreDamagedException},
     * {@link dev.retort.store.StoreGoneException}, {@link dev.retort.store.DiskFullException}, or a plain
     * {@link StoreException} whose message names the operation and the database's own message.
     */
    StoreException translate(String what, SQLException e);

    /**
     * Throws {@link dev.retort.store.StoreGoneException} when the store at this dialect's address is no
     * longer the one this process connected to (SQLite: the file was deleted, moved or replaced). Called
     * before every transaction and commit, so it must be cheap (SQLite: one {@code stat}).
     */
    void checkSameStore(String what);

    /** A statement returning the single row {@code ok} when the store is intact, or its problems otherwise. */
    String quickCheck();

    /** How a user checks the store by hand, e.g. {@code sqlite3 FILE 'PRAGMA integrity_check'}. */
    String howToCheck();

    /** Where the store is, for messages: a file, or a server and database. */
    String location();
}
