package dev.retort.store.jdbc;

import dev.retort.BugException;
import dev.retort.space.Config;
import dev.retort.store.ClaimedTrial;
import dev.retort.store.Counts;
import dev.retort.engine.Hosts;
import dev.retort.store.ExperimentRow;
import dev.retort.store.Registrant;
import dev.retort.store.RegistrationState;
import dev.retort.store.Outcome;
import dev.retort.store.StaleTrialException;
import dev.retort.store.StoreDamagedException;
import dev.retort.store.StoreSettings;
import dev.retort.store.TrialRecord;
import dev.retort.store.TrialState;
import dev.retort.store.TrialStore;
import dev.retort.store.WorkerRecord;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * {@link TrialStore} over JDBC. Holds no SQL of its own: every statement comes from the {@link Dialect}.
 * Calls are serialised on the instance because one JDBC connection is not safe for concurrent use.
 */
public final class JdbcTrialStore implements TrialStore {

    private Connection conn; // replaced when the connection to a server is lost (see retrying)
    private final Dialect sql;
    private final Clock clock;
    private final StoreSettings settings;
    private final ExperimentRow experiment;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    JdbcTrialStore(Connection conn, Dialect sql, Clock clock, StoreSettings settings, ExperimentRow experiment) {
        this.conn = conn;
        this.sql = sql;
        this.clock = clock;
        this.settings = settings;
        this.experiment = experiment;
    }

    @Override
    public synchronized ExperimentRow experiment() {
        return experiment;
    }

    @Override
    public StoreSettings settings() {
        return settings;
    }

    @Override
    public long now() {
        return clock.millis();
    }

    private PreparedStatement ps(String statement) throws SQLException {
        PreparedStatement p = prepared.get(statement);
        if (p == null) {
            p = conn.prepareStatement(statement);
            prepared.put(statement, p);
        }
        return p;
    }

    /** A unit of work inside one write transaction. */
    private interface Work<T> {
        T run() throws SQLException;
    }

    /** A write transaction, retried on a new connection when the server's connection was lost (see {@link #retrying}). */
    private <T> T write(String what, Work<T> work) {
        return retrying(what, () -> writeOnce(what, work));
    }

    /**
     * A write transaction on the current connection, never retried: for work that holds the connection or
     * state of its own across transactions (the registrar's load). A lost connection ends it with an error.
     */
    private <T> T writeOnce(String what, Work<T> work) throws SQLException {
        sql.checkSameStore(what + " for experiment '" + experiment.name() + "'");
        sql.beginWrite(conn, this::ps, experiment.id());
        boolean ok = false;
        try {
            T result = work.run();
            sql.checkSameStore(what + " for experiment '" + experiment.name() + "'"); // never commit into a deleted file
            sql.commit(conn, this::ps);
            ok = true;
            return result;
        } finally {
            if (!ok) {
                try {
                    sql.rollback(conn, this::ps);
                } catch (SQLException ignored) {
                    // the original failure is the one to report
                }
            }
        }
    }

    /** {@link #writeOnce} with its failure translated: a lost connection ends the work with an error. */
    private <T> T writeNoRetry(String what, Work<T> work) {
        try {
            return writeOnce(what, work);
        } catch (SQLException e) {
            throw sql.translate(what + " for experiment '" + experiment.name() + "'", e);
        }
    }

    private <T> T read(String what, Work<T> work) {
        return retrying(what, () -> {
            sql.checkSameStore(what + " for experiment '" + experiment.name() + "'");
            return work.run();
        });
    }

    /** Backoff between reconnection attempts: from the first to the most. */
    static final long FIRST_BACKOFF_MILLIS = 100, MAX_BACKOFF_MILLIS = 5_000;

    /**
     * Runs {@code work}; when the dialect says the connection to the server was lost (a dropped connection, a
     * server restart), reconnects with exponential backoff and runs it again, for at most the dialect's outage
     * limit since the first failure; then one error names the store and the limit. Running a write again is
     * safe because every worker write is fenced by the trial's version: a completion whose first commit did
     * reach the server finds the version moved and changes nothing, and trials claimed by a commit whose answer
     * was lost come back when their lease lapses. SQLite never loses its connection: its limit is zero.
     */
    private <T> T retrying(String what, Work<T> work) {
        String whatFull = what + " for experiment '" + experiment.name() + "'";
        long since = 0, backoff = FIRST_BACKOFF_MILLIS;
        while (true) {
            SQLException lost;
            try {
                return work.run();
            } catch (SQLException e) {
                if (!sql.isConnectionLost(e) || sql.outage().isZero()) throw sql.translate(whatFull, e);
                lost = e;
            }
            long now = System.nanoTime();
            if (since == 0) since = now;
            while (true) {
                long waited = (System.nanoTime() - since) / 1_000_000;
                if (waited >= sql.outage().toMillis())
                    throw sql.outageOver(whatFull, sql.outage(), lost);
                LockSupport.parkNanos(Math.min(backoff, sql.outage().toMillis() - waited) * 1_000_000);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
                if (reconnect()) break;
            }
        }
    }

    /** Drops the lost connection and its statements and opens a new one; false when the server is still away. */
    private boolean reconnect() {
        closeConnection();
        try {
            conn = sql.connect();
            return true;
        } catch (SQLException e) {
            if (sql.isConnectionLost(e)) return false;
            throw sql.translate("reconnecting for experiment '" + experiment.name() + "'", e);
        }
    }

    @Override
    public synchronized void checkSameStore(String what) {
        sql.checkSameStore(what + " for experiment '" + experiment.name() + "'");
    }

    @Override
    public synchronized void checkIntegrity() {
        List<String> problems = read("checking the store's integrity", () -> {
            List<String> out = new ArrayList<>();
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql.quickCheck())) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        });
        if (problems.size() == 1 && "ok".equals(problems.get(0))) return;
        // SQLite's first row may hold several lines ("*** in database main ***", then problems): one line here
        List<String> lines = problems.stream().flatMap(String::lines).map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("***")).toList();
        String first = lines.isEmpty() ? "no answer" : lines.get(0);
        throw new StoreDamagedException(sql.location(), "checking it (" + sql.quickCheck() + ")",
                lines.size() + (lines.size() == 1 ? " problem: " : " problems, the first: ") + first, sql.howToCheck(), null);
    }

    @Override
    public synchronized long register(Iterator<Config> source) {
        try (Prehashed configs = new Prehashed(source)) {
            // One transaction: a registration is all or nothing, and concurrent registrations serialise.
            return write("registering trials", () -> new Registrar(conn, sql, experiment, this::ps).registerKeyed(configs, clock.millis()));
        }
    }

    @Override
    public synchronized long registerWithLineage(List<dev.retort.store.NewTrial> trials) {
        if (trials.isEmpty()) return 0;
        return write("registering " + trials.size() + " trials with lineage", () -> registerLineageNow(trials));
    }

    /** Inside the caller's transaction: registers the new configs, then sets the lineage of those it added. */
    private long registerLineageNow(List<dev.retort.store.NewTrial> trials) throws SQLException {
        List<dev.retort.store.NewTrial> fresh = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (dev.retort.store.NewTrial t : trials) {
            if (!seen.add(t.config().hash())) continue;
            PreparedStatement known = ps(sql.hashOf64());
            known.setLong(1, experiment.id());
            known.setLong(2, t.config().hash64());
            try (ResultSet rs = known.executeQuery()) {
                if (rs.next()) continue; // stored already: it keeps its lineage (a collision is refused by the registrar)
            }
            fresh.add(t);
        }
        if (fresh.isEmpty()) return 0;
        long added = new Registrar(conn, sql, experiment, this::ps).registerKeyed(fresh.stream().map(dev.retort.store.NewTrial::config).iterator(), clock.millis());
        PreparedStatement p = ps(sql.setLineage());
        for (dev.retort.store.NewTrial t : fresh) {
            if (t.lineage().isNone()) continue;
            setDouble(p, 1, t.lineage().fidelity());
            if (t.lineage().rung() == null) p.setNull(2, Types.INTEGER);
            else p.setInt(2, t.lineage().rung());
            if (t.lineage().parentId() == null) p.setNull(3, Types.BIGINT);
            else p.setLong(3, t.lineage().parentId());
            p.setLong(4, experiment.id());
            p.setLong(5, t.config().hash64());
            p.addBatch();
        }
        p.executeBatch();
        return added;
    }

    /** A registrar holds the experiment this long past its last committed chunk. */
    static final long REGISTRAR_LEASE_MILLIS = 10_000;
    /** Rows of the first committed chunk (small: workers start on it) and the most of any later one. */
    static final int FIRST_CHUNK_ROWS = 1024, MAX_CHUNK_ROWS = 32_768;
    /** A chunk is committed at the latest this long after its first config came from the source. */
    static final long CHUNK_NANOS = 250_000_000L;
    /** Pause after each committed chunk, so that waiting writers (workers' claims) get the lock in between. */
    static final long YIELD_NANOS = 2_000_000L;

    @Override
    public synchronized RegistrationState registerPlan(String planHash, Iterator<Config> source, Registrant registrant, Runnable afterFirstChunk,
                                          BooleanSupplier stop) {
        String me = registrant.id();
        RegistrationState taken = write("taking the registration", () -> {
            RegistrationRow r = registrationRow();
            if (planHash.equals(r.registeredHash())) return RegistrationState.COMPLETE;
            if (!me.equals(r.registrar()) && r.live(clock.millis(), registrant.host())) return RegistrationState.IN_PROGRESS;
            setRegistrar(me);
            return null;
        });
        if (taken != null) return taken;
        boolean finished = false;
        try (Prehashed configs = new Prehashed(source)) {
            // the registrar and its load keep this connection across chunks: their writes are not retried on a
            // new one; a lost connection ends the registration, and the next run resumes it
            Registrar registrar = new Registrar(conn, sql, experiment, this::ps);
            Registrar.Load load = writeNoRetry("starting the registration", () -> holds(me) ? registrar.new Load() : null);
            if (load == null) return RegistrationState.IN_PROGRESS; // taken over meanwhile
            int rows = FIRST_CHUNK_ROWS;
            boolean first = true;
            while (true) {
                if (stop.getAsBoolean()) return RegistrationState.INTERRUPTED;
                List<Config> chunk = take(configs, rows); // outside the transaction: a slow space never holds the lock
                Boolean held = writeNoRetry("registering trials", () -> {
                    if (!holds(me)) return false;
                    load.chunk(chunk, clock.millis());
                    setRegistrar(me); // renews the lease
                    return true;
                });
                if (!held) return RegistrationState.IN_PROGRESS; // fenced out: the registrar that took over goes on
                // SQLite's write lock is not fair: without a pause the next chunk would take it again at once and
                // starve the workers' claims (their busy handler retries every 200 us at most) until the end
                LockSupport.parkNanos(YIELD_NANOS);
                boolean last = chunk.size() < rows && !configs.hasNext();
                if (first && !last) afterFirstChunk.run(); // a plan that fits in one chunk is complete on return
                first = false;
                if (last) break;
                rows = Math.min(rows * 2, MAX_CHUNK_ROWS);
            }
            Boolean done = writeNoRetry("finishing the registration", () -> {
                if (!holds(me)) return false;
                load.finish();
                PreparedStatement p = ps(sql.finishRegistration());
                p.setString(1, planHash);
                p.setLong(2, clock.millis());
                p.setLong(3, experiment.id());
                p.executeUpdate();
                return true;
            });
            finished = done;
            return done ? RegistrationState.COMPLETE : RegistrationState.IN_PROGRESS;
        } finally {
            if (!finished) release(me);
        }
    }

    /** The next configs of a registration: up to {@code rows}, or what the source gave within {@link #CHUNK_NANOS}. */
    private static List<Config> take(Iterator<Config> configs, int rows) {
        List<Config> out = new ArrayList<>(Math.min(rows, 4096));
        long deadline = System.nanoTime() + CHUNK_NANOS;
        while (out.size() < rows && configs.hasNext()) {
            out.add(configs.next());
            if (System.nanoTime() - deadline > 0) break;
        }
        return out;
    }

    @Override
    public synchronized RegistrationState registration() {
        return read("reading the registration", () -> {
            RegistrationRow r = registrationRow();
            // no registrar ever recorded: the trials were added directly (register), nothing is pending
            if (r.planHash().equals(r.registeredHash()) || r.registrar() == null) return RegistrationState.COMPLETE;
            return r.live(clock.millis(), Hosts.name()) ? RegistrationState.IN_PROGRESS : RegistrationState.INTERRUPTED;
        });
    }

    private record RegistrationRow(String registrar, long until, String registeredHash, String planHash) {
        boolean live(long now, String host) {
            return Registrant.isLive(registrar, until, now, host);
        }
    }

    private RegistrationRow registrationRow() throws SQLException {
        PreparedStatement p = ps(sql.selectRegistration());
        p.setLong(1, experiment.id());
        try (ResultSet rs = p.executeQuery()) {
            if (!rs.next()) throw new BugException("experiment '" + experiment.name() + "' (id " + experiment.id() + ") is gone from the store");
            return new RegistrationRow(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4));
        }
    }

    private boolean holds(String me) throws SQLException {
        return me.equals(registrationRow().registrar());
    }

    private void setRegistrar(String me) throws SQLException {
        PreparedStatement p = ps(sql.updateRegistrar());
        p.setString(1, me);
        p.setLong(2, clock.millis() + REGISTRAR_LEASE_MILLIS);
        p.setLong(3, experiment.id());
        p.executeUpdate();
    }

    /**
     * Gives the registration up (stopped or failed): the lease ends now, so another process resumes it without
     * waiting; the registrar's name stays, so workers see the registration as interrupted, not complete.
     */
    private void release(String me) {
        try {
            write("giving up the registration", () -> {
                if (!holds(me)) return 0;
                PreparedStatement p = ps(sql.updateRegistrar());
                p.setString(1, me);
                p.setLong(2, 0L);
                p.setLong(3, experiment.id());
                return p.executeUpdate();
            });
        } catch (RuntimeException e) {
            // the lease lapses on its own; the failure that brought us here is the one to report
        }
    }

    @Override
    public synchronized void markRegistered(String planHash) {
        write("marking the plan registered", () -> {
            PreparedStatement p = ps(sql.markRegistered());
            p.setString(1, planHash);
            p.setLong(2, experiment.id());
            return p.executeUpdate();
        });
    }

    @Override
    public synchronized void updateSettings(String settingsJson) {
        write("storing run settings", () -> {
            PreparedStatement p = ps(sql.updateSettings());
            p.setString(1, settingsJson);
            p.setLong(2, experiment.id());
            return p.executeUpdate();
        });
    }

    @Override
    public synchronized void updatePlan(String planJson, String planHash, String metricName, String metricGoal) {
        write("updating the plan", () -> {
            PreparedStatement p = ps(sql.updatePlan());
            p.setString(1, planJson);
            p.setString(2, planHash);
            p.setString(3, metricName);
            p.setString(4, metricGoal);
            p.setLong(5, experiment.id());
            return p.executeUpdate();
        });
    }

    @Override
    public synchronized List<ClaimedTrial> claim(String worker, int max, Long maxTotal, boolean countRunning) {
        if (max <= 0) return List.of();
        return write("claiming trials", () -> claimNow(worker, max, maxTotal, countRunning));
    }

    @Override
    public synchronized List<ClaimedTrial> claimProposed(String worker, Long maxTotal, boolean countRunning,
                                                         java.util.function.Function<List<TrialRecord>, List<dev.retort.store.NewTrial>> proposer) {
        return write("proposing a trial", () -> {
            if (limit(1, maxTotal, countRunning) == 0) return List.<ClaimedTrial>of();
            List<dev.retort.store.NewTrial> proposed = proposer.apply(searchRows());
            if (!proposed.isEmpty()) registerLineageNow(proposed);
            return claimNow(worker, 1, maxTotal, countRunning);
        });
    }

    /**
     * Configs by trial row id, for {@link #searchRows}: a trial's config never changes, so each is read and
     * parsed once per store instance rather than on every suggestion (10,000 parses cost tens of ms).
     */
    private final Map<Long, Config> searchConfigs = new HashMap<>();

    /**
     * Every trial of the experiment with what a search reads: id, config, state, attempt, metric, fidelity, rung
     * and parent (the other fields are null). Configs come from {@link #searchConfigs}; only those of trials
     * added since the last call are read.
     */
    private List<TrialRecord> searchRows() throws SQLException {
        boolean withConfig = searchConfigs.isEmpty();
        PreparedStatement all = ps(sql.selectSearchRows(withConfig));
        all.setLong(1, experiment.id());
        List<TrialRecord> rows = new ArrayList<>();
        List<Integer> missing = new ArrayList<>();
        List<Long> missingIds = new ArrayList<>();
        try (ResultSet rs = all.executeQuery()) {
            while (rs.next()) {
                long rowId = rs.getLong(1);
                Config c = searchConfigs.get(rowId);
                if (c == null && withConfig) searchConfigs.put(rowId, c = Config.fromJson(rs.getString(9)));
                if (c == null) {
                    missing.add(rows.size());
                    missingIds.add(rowId);
                }
                double metric = rs.getDouble(5);
                Double m = rs.wasNull() ? null : metric;
                double fidelity = rs.getDouble(6);
                Double f = rs.wasNull() ? null : fidelity;
                int rung = rs.getInt(7);
                Integer r = rs.wasNull() ? null : rung;
                long parent = rs.getLong(8);
                Long p = rs.wasNull() ? null : parent;
                rows.add(new TrialRecord(rs.getLong(2), c, TrialState.valueOf(rs.getString(3)), rs.getInt(4), 0, null, null, null, 0,
                        null, null, null, m, null, null, null, f, r, p));
            }
        }
        for (int i = 0; i < missing.size(); i++) {
            PreparedStatement one = ps(sql.configById());
            one.setLong(1, missingIds.get(i));
            Config c;
            try (ResultSet rs = one.executeQuery()) {
                if (!rs.next()) throw new BugException("trial row " + missingIds.get(i) + " vanished inside a transaction");
                c = Config.fromJson(rs.getString(1));
            }
            searchConfigs.put(missingIds.get(i), c);
            TrialRecord t = rows.get(missing.get(i));
            rows.set(missing.get(i), new TrialRecord(t.id(), c, t.state(), t.attempt(), 0, null, null, null, 0, null, null, null,
                    t.metric(), null, null, null, t.fidelity(), t.rung(), t.parentId()));
        }
        return rows;
    }

    /** How many trials a claim of {@code max} may take under {@code maxTotal}. */
    private int limit(int max, Long maxTotal, boolean countRunning) throws SQLException {
        if (maxTotal == null) return max;
        Counts c = countsNow();
        long used = c.finished() + (countRunning ? c.get(TrialState.RUNNING) : 0);
        return (int) Math.max(0, Math.min(max, maxTotal - used));
    }

    private List<ClaimedTrial> claimNow(String worker, int max, Long maxTotal, boolean countRunning) throws SQLException {
        int limit = limit(max, maxTotal, countRunning);
        if (limit == 0) return List.<ClaimedTrial>of();
        long now = clock.millis();
        PreparedStatement p = ps(sql.claim());
        p.setString(1, worker);
        p.setLong(2, now + settings.lease().toMillis());
        p.setLong(3, now);
        p.setLong(4, now);
        p.setLong(5, experiment.id());
        p.setInt(6, limit);
        List<ClaimedTrial> out = new ArrayList<>(limit);
        try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                out.add(new ClaimedTrial(rs.getLong(1), rs.getLong(2), Config.fromJson(rs.getString(3)),
                        rs.getInt(4), rs.getLong(5)));
            }
        }
        out.sort(Comparator.comparingLong(ClaimedTrial::id));
        return out;
    }

    @Override
    public synchronized Optional<ClaimedTrial> claimByHash(String worker, String configHash) {
        return write("claiming a trial by config hash", () -> {
            long now = clock.millis();
            PreparedStatement p = ps(sql.claimByHash());
            p.setString(1, worker);
            p.setLong(2, now + settings.lease().toMillis());
            p.setLong(3, now);
            p.setLong(4, now);
            p.setLong(5, experiment.id());
            p.setLong(6, Registrar.hash64(configHash));
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) return Optional.<ClaimedTrial>empty();
                return Optional.of(new ClaimedTrial(rs.getLong(1), rs.getLong(2), Config.fromJson(rs.getString(3)), rs.getInt(4), rs.getLong(5)));
            }
        });
    }

    @Override
    public synchronized void complete(ClaimedTrial t, Outcome o) {
        int n = write("recording trial " + t.id(), () -> completeOne(t, o));
        if (n == 0) throw new StaleTrialException(t.id(), t.version());
    }

    @Override
    public synchronized Set<Long> completeAll(List<dev.retort.store.Completion> completions) {
        if (completions.isEmpty()) return Set.of();
        return write("recording " + completions.size() + " trials", () -> {
            // one batch: a server gets every completion in one round trip, not one per trial
            PreparedStatement p = ps(sql.complete());
            for (dev.retort.store.Completion c : completions) {
                bindComplete(p, c.trial(), c.outcome());
                p.addBatch();
            }
            int[] counts = p.executeBatch();
            Set<Long> lost = new HashSet<>();
            for (int i = 0; i < counts.length; i++) if (counts[i] == 0) lost.add(completions.get(i).trial().id());
            return lost;
        });
    }

    private int completeOne(ClaimedTrial t, Outcome o) throws SQLException {
        PreparedStatement p = ps(sql.complete());
        bindComplete(p, t, o);
        return p.executeUpdate();
    }

    private void bindComplete(PreparedStatement p, ClaimedTrial t, Outcome o) throws SQLException {
        if (o.state() == TrialState.PENDING || o.state() == TrialState.RUNNING)
            throw new BugException("complete() takes a final state, got " + o.state() + " for trial " + t.id());
        p.setString(1, o.state().name());
        p.setString(2, o.resultJson());
        setDouble(p, 3, o.metric());
        setDouble(p, 4, o.cost());
        p.setString(5, o.error());
        p.setLong(6, clock.millis());
        if (o.startedAt() == null) p.setNull(7, Types.BIGINT);
        else p.setLong(7, o.startedAt());
        p.setLong(8, t.rowId());
        p.setLong(9, t.version());
    }

    private static void setDouble(PreparedStatement p, int i, Double v) throws SQLException {
        if (v == null || v.isNaN() || v.isInfinite()) p.setNull(i, Types.DOUBLE);
        else p.setDouble(i, v);
    }

    @Override
    public synchronized void phase(ClaimedTrial t, String phase) {
        int n = write("recording phase " + phase + " of trial " + t.id(), () -> {
            PreparedStatement p = ps(sql.phase());
            p.setString(1, phase);
            p.setLong(2, clock.millis());
            p.setLong(3, t.rowId());
            p.setLong(4, t.version());
            return p.executeUpdate();
        });
        if (n == 0) throw new StaleTrialException(t.id(), t.version());
    }

    @Override
    public synchronized void report(ClaimedTrial t, long step, String valuesJson) {
        int n = write("recording step " + step + " of trial " + t.id(), () -> {
            PreparedStatement p = ps(sql.insertReport());
            p.setLong(1, step);
            p.setString(2, valuesJson);
            p.setLong(3, clock.millis());
            p.setLong(4, t.rowId());
            p.setLong(5, t.version());
            return p.executeUpdate();
        });
        if (n == 0) throw new StaleTrialException(t.id(), t.version());
    }

    @Override
    public synchronized List<dev.retort.store.TrialReport> reports(long trialId) {
        return read("reading the reports of trial " + trialId, () -> {
            PreparedStatement p = ps(sql.selectReports());
            p.setLong(1, experiment.id());
            p.setLong(2, trialId);
            List<dev.retort.store.TrialReport> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next())
                    out.add(new dev.retort.store.TrialReport(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getString(4), rs.getLong(5)));
            }
            return out;
        });
    }

    @Override
    public synchronized Optional<TrialRecord> trial(long id) {
        return read("finding trial " + id, () -> trialNow(id));
    }

    private Optional<TrialRecord> trialNow(long id) throws SQLException {
        PreparedStatement p = ps(sql.selectTrialBySeq());
        p.setLong(1, experiment.id());
        p.setLong(2, id);
        try (ResultSet rs = p.executeQuery()) {
            return rs.next() ? Optional.of(Rows.trial(rs)) : Optional.<TrialRecord>empty();
        }
    }

    @Override
    public synchronized Optional<TrialRecord> parentOf(ClaimedTrial t) {
        return read("finding the parent of trial " + t.id(), () -> {
            PreparedStatement p = ps(sql.parentSeqOf());
            p.setLong(1, t.rowId());
            long parent;
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) return Optional.<TrialRecord>empty();
                parent = rs.getLong(1);
                if (rs.wasNull()) return Optional.<TrialRecord>empty();
            }
            return trialNow(parent);
        });
    }

    @Override
    public synchronized boolean cancel(ClaimedTrial t) {
        return write("cancelling trial " + t.id(), () -> {
            PreparedStatement p = ps(sql.cancel());
            p.setLong(1, t.rowId());
            p.setLong(2, t.version());
            return p.executeUpdate();
        }) == 1;
    }

    @Override
    public synchronized Set<Long> renew(Collection<ClaimedTrial> held) {
        if (held.isEmpty()) return Set.of();
        return write("renewing leases", () -> {
            Set<Long> lost = new HashSet<>();
            long now = clock.millis();
            PreparedStatement p = ps(sql.renewLease());
            for (ClaimedTrial t : held) {
                p.setLong(1, now + settings.lease().toMillis());
                p.setLong(2, now);
                p.setLong(3, t.rowId());
                p.setLong(4, t.version());
                if (p.executeUpdate() == 0) lost.add(t.id());
            }
            return lost;
        });
    }

    @Override
    public synchronized int reclaimExpired() {
        return write("reclaiming expired leases", () -> {
            long now = clock.millis();
            PreparedStatement fail = ps(sql.failExpired());
            fail.setLong(1, now);
            fail.setLong(2, experiment.id());
            fail.setLong(3, now);
            fail.setInt(4, settings.maxAttempts());
            int failed = fail.executeUpdate();
            PreparedStatement back = ps(sql.reclaimExpired());
            back.setLong(1, experiment.id());
            back.setLong(2, now);
            back.setInt(3, settings.maxAttempts());
            return failed + back.executeUpdate();
        });
    }

    @Override
    public synchronized int reclaimWorker(String workerId, String why) {
        return write("returning the trials of worker " + workerId, () -> {
            PreparedStatement fail = ps(sql.failWorker());
            fail.setLong(1, clock.millis());
            fail.setString(2, why);
            fail.setLong(3, experiment.id());
            fail.setString(4, workerId);
            fail.setInt(5, settings.maxAttempts());
            int failed = fail.executeUpdate();
            PreparedStatement back = ps(sql.reclaimWorker());
            back.setString(1, why);
            back.setLong(2, experiment.id());
            back.setString(3, workerId);
            back.setInt(4, settings.maxAttempts());
            return failed + back.executeUpdate();
        });
    }

    @Override
    public synchronized int resetRunning(Collection<TrialRecord> trials) {
        if (trials.isEmpty()) return 0;
        return write("resetting " + trials.size() + " running trials", () -> {
            PreparedStatement p = ps(sql.resetRunningTrial());
            int n = 0;
            for (TrialRecord t : trials) {
                p.setLong(1, experiment.id());
                p.setLong(2, t.id());
                p.setLong(3, t.version());
                n += p.executeUpdate();
            }
            return n;
        });
    }

    @Override
    public synchronized int reset(TrialState state) {
        return write("resetting " + state + " trials", () -> {
            PreparedStatement p;
            if (state == TrialState.RUNNING) {
                p = ps(sql.resetRunning());
                p.setLong(1, experiment.id());
            } else {
                p = ps(sql.resetStates());
                p.setLong(1, experiment.id());
                p.setString(2, state.name());
            }
            return p.executeUpdate();
        });
    }

    @Override
    public synchronized Counts counts() {
        return read("counting trials", this::countsNow);
    }

    private Counts countsNow() throws SQLException {
        PreparedStatement p = ps(sql.selectCounts());
        p.setLong(1, experiment.id());
        Map<TrialState, Long> m = new EnumMap<>(TrialState.class);
        double cost = 0;
        try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                m.put(TrialState.valueOf(rs.getString(1)), rs.getLong(2));
                cost += rs.getDouble(3);
            }
        }
        return new Counts(m, cost);
    }

    @Override
    public synchronized Map<String, Map<Object, Counts>> countsByParameterValue() {
        // One streaming pass over the configs' JSON: no Config objects, no hashing (1,000,000 trials in ~1 s).
        return read("counting trials by parameter value", () -> {
            ParameterCounter counter = new ParameterCounter();
            PreparedStatement p = ps(sql.configsAndStates());
            p.setLong(1, experiment.id());
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) counter.add(rs.getString(1), TrialState.valueOf(rs.getString(2)));
            }
            return counter.result();
        });
    }

    @Override
    public synchronized java.util.SortedMap<Integer, Counts> countsByRung() {
        return read("counting trials by rung", () -> {
            PreparedStatement p = ps(sql.countsByRung());
            p.setLong(1, experiment.id());
            java.util.SortedMap<Integer, Map<TrialState, Long>> m = new java.util.TreeMap<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next())
                    m.computeIfAbsent(rs.getInt(1), r -> new EnumMap<>(TrialState.class)).put(TrialState.valueOf(rs.getString(2)), rs.getLong(3));
            }
            java.util.SortedMap<Integer, Counts> out = new java.util.TreeMap<>();
            m.forEach((rung, byState) -> out.put(rung, new Counts(byState, 0)));
            return out;
        });
    }

    @Override
    public synchronized boolean anyIn(TrialState state) {
        return read("looking for " + state + " trials", () -> {
            PreparedStatement p = ps(sql.anyInState());
            p.setLong(1, experiment.id());
            p.setString(2, state.name());
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        });
    }

    @Override
    public synchronized Optional<TrialRecord> byHash(String configHash) {
        return read("finding a trial by config hash", () -> {
            PreparedStatement p = ps(sql.selectTrialByHash());
            p.setLong(1, experiment.id());
            p.setLong(2, Registrar.hash64(configHash));
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(Rows.trial(rs)) : Optional.<TrialRecord>empty();
            }
        });
    }

    @Override
    public synchronized List<TrialRecord> trials(TrialState stateOrNull) {
        List<TrialRecord> out = new ArrayList<>();
        scan(stateOrNull, out::add);
        return out;
    }

    @Override
    public synchronized void forEach(Consumer<TrialRecord> action) {
        scan(null, action);
    }

    private void scan(TrialState state, Consumer<TrialRecord> action) {
        read("listing trials", () -> {
            try (PreparedStatement p = conn.prepareStatement(state == null ? sql.selectTrials() : sql.selectTrialsInState())) {
                p.setLong(1, experiment.id());
                if (state != null) p.setString(2, state.name());
                p.setFetchSize(1000);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) action.accept(Rows.trial(rs));
                }
            }
            return null;
        });
    }

    @Override
    public synchronized List<TrialRecord> best(boolean maximize, int limit) {
        return read("finding the best trials", () -> {
            PreparedStatement p = ps(sql.selectBest(maximize));
            p.setLong(1, experiment.id());
            p.setInt(2, limit);
            List<TrialRecord> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) out.add(Rows.trial(rs));
            }
            return out;
        });
    }

    @Override
    public synchronized List<FinishedMetric> finishedMetrics(long sinceMillis) {
        return read("reading the finished trials' metrics", () -> {
            List<FinishedMetric> out = new ArrayList<>();
            try (PreparedStatement p = conn.prepareStatement(sql.selectFinishedMetrics())) {
                p.setLong(1, experiment.id());
                p.setLong(2, sinceMillis);
                p.setFetchSize(1000);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        long started = rs.getLong(2);
                        Long s = rs.wasNull() ? null : started;
                        long finished = rs.getLong(3);
                        Long f = rs.wasNull() ? null : finished;
                        double metric = rs.getDouble(4);
                        out.add(new FinishedMetric(id, s, f, rs.wasNull() ? null : metric));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public synchronized void workerStarted(String workerId, String host, long pid) {
        write("registering worker " + workerId, () -> {
            long now = clock.millis();
            PreparedStatement p = ps(sql.upsertWorker());
            p.setString(1, workerId);
            p.setLong(2, experiment.id());
            p.setString(3, host);
            p.setLong(4, pid);
            p.setLong(5, now);
            p.setLong(6, now);
            return p.executeUpdate();
        });
    }

    @Override
    public synchronized void workerHeartbeat(String workerId) {
        workerUpdate(sql.workerHeartbeat(), workerId);
    }

    @Override
    public synchronized void workerStopped(String workerId) {
        workerUpdate(sql.workerStopped(), workerId);
    }

    @Override
    public synchronized List<WorkerRecord> workers() {
        return read("listing workers", () -> {
            PreparedStatement p = ps(sql.selectWorkers());
            p.setLong(1, experiment.id());
            List<WorkerRecord> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    long stopped = rs.getLong(6);
                    Long stoppedAt = rs.wasNull() ? null : stopped;
                    out.add(new WorkerRecord(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), stoppedAt));
                }
            }
            return out;
        });
    }

    private void workerUpdate(String statement, String workerId) {
        write("updating worker " + workerId, () -> {
            PreparedStatement p = ps(statement);
            p.setLong(1, clock.millis());
            p.setLong(2, experiment.id());
            p.setString(3, workerId);
            return p.executeUpdate();
        });
    }

    @Override
    public synchronized void close() {
        closeConnection();
    }

    /** Closes the statements and the connection, ignoring failures: it is closed, or gone, either way. */
    private void closeConnection() {
        for (PreparedStatement p : prepared.values()) {
            try {
                p.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        prepared.clear();
        try {
            conn.close();
        } catch (SQLException ignored) {
            // nothing left to do with a connection that will not close
        }
    }
}
