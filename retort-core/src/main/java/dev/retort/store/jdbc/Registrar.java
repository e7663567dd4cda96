package dev.retort.store.jdbc;

import dev.retort.BugException;
import dev.retort.space.Config;
import dev.retort.store.ExperimentRow;
import dev.retort.store.TrialState;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Registers configs as PENDING trials, inside the caller's write transaction. Trials are keyed by the first 64
 * bits of the config's SHA-256; two different configs under one key are refused loudly, never merged.
 *
 * <p>Into an empty store (a new experiment) the rows go in with multi-row inserts and the unique key index is
 * rebuilt afterwards in one sorted pass: with random 64-bit keys, maintaining the index row by row dominated
 * the cost of a large registration. Repeats in the stream (a random search drawing a point twice) are found
 * in memory meanwhile. Into a non-empty store (resume, --extend) each config is looked up by key first, so
 * ids stay consecutive.
 */
final class Registrar {
    private static final int INSERT_ROWS = 256;

    private final Connection conn;
    private final Dialect sql;
    private final ExperimentRow experiment;
    private final JdbcTrialStore.Statements ps;

    Registrar(Connection conn, Dialect sql, ExperimentRow experiment, JdbcTrialStore.Statements ps) {
        this.conn = conn;
        this.sql = sql;
        this.experiment = experiment;
        this.ps = ps;
    }

    /** The first 64 bits of a hex SHA-256, as a signed long. */
    static long hash64(String configHash) {
        return Long.parseUnsignedLong(configHash.substring(0, 16), 16);
    }

    long register(Iterator<Config> configs, long now) throws SQLException {
        long seq;
        PreparedStatement max = ps.get(sql.maxSeq());
        max.setLong(1, experiment.id());
        try (ResultSet rs = max.executeQuery()) {
            seq = rs.next() ? rs.getLong(1) : 0L;
        }
        boolean bulk;
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql.anyTrial())) {
            bulk = !rs.next();
        }
        LongSet keys = bulk ? new LongSet() : null;
        Set<String> seen = bulk ? null : new HashSet<>();
        if (bulk) try (Statement st = conn.createStatement()) {
            st.execute(sql.dropHashIndex());
        }
        long added = 0;
        List<Config> batch = new ArrayList<>(INSERT_ROWS);
        while (configs.hasNext()) {
            Config c = configs.next();
            if (bulk ? !keys.add(c.hash64()) && repeatWithoutIndex(c, batch)
                    : !seen.add(c.hash()) || stored(c.hash64()) != null && sameOrCollision(c)) continue;
            batch.add(c);
            if (batch.size() == INSERT_ROWS) {
                added += insert(batch, seq, now, !bulk);
                seq += batch.size();
                batch.clear();
            }
        }
        if (!batch.isEmpty()) added += insert(batch, seq, now, !bulk);
        if (bulk) try (Statement st = conn.createStatement()) {
            st.execute(sql.createHashIndex());
        }
        PreparedStatement count = ps.get(sql.addCount());
        count.setLong(1, added);
        count.setLong(2, experiment.id());
        count.setString(3, TrialState.PENDING.name());
        count.executeUpdate();
        return added;
    }

    /** The stored config JSON under this key, or null. */
    private String stored(long hash64) throws SQLException {
        PreparedStatement p = ps.get(sql.hashOf64());
        p.setLong(1, experiment.id());
        p.setLong(2, hash64);
        try (ResultSet rs = p.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** True when {@code c} is stored already; a different config under the same key is refused. */
    private boolean sameOrCollision(Config c) throws SQLException {
        String stored = stored(c.hash64());
        if (c.toJson().equals(stored)) return true;
        throw collision(c, stored);
    }

    /** A key seen before during a bulk load (no index yet): true for a true repeat, refused for a collision. */
    private boolean repeatWithoutIndex(Config c, List<Config> batch) throws SQLException {
        for (Config b : batch) if (b.hash64() == c.hash64()) {
            if (b.equals(c)) return true;
            throw collision(c, b.toJson());
        }
        return sameOrCollision(c); // a table scan: only on repeats, which grids never have
    }

    private BugException collision(Config c, String other) {
        return new BugException("two configs share the 64-bit key " + Long.toHexString(c.hash64()) + " in experiment '"
                + experiment.name() + "': " + c + " and " + other
                + ". Retort refuses to merge them; change a parameter value's spelling to work around it");
    }

    /** Inserts {@code batch} with ids after {@code seq}; repeats are skipped (their ids stay unused). */
    private long insert(List<Config> batch, long seq, long now, boolean skipRepeats) throws SQLException {
        boolean full = batch.size() == INSERT_ROWS;
        PreparedStatement p = full ? ps.get(sql.insertTrials(INSERT_ROWS, skipRepeats))
                : conn.prepareStatement(sql.insertTrials(batch.size(), skipRepeats));
        try {
            int i = 1;
            for (Config c : batch) {
                p.setLong(i++, experiment.id());
                p.setLong(i++, ++seq);
                p.setLong(i++, c.hash64());
                p.setString(i++, c.toJson());
                p.setLong(i++, now);
            }
            int n = p.executeUpdate();
            if (n != batch.size()) for (Config c : batch) sameOrCollision(c); // each skipped row must be a true repeat
            return n;
        } finally {
            if (!full) p.close();
        }
    }
}
