package dev.retort.store.jdbc;

import dev.retort.BugException;
import dev.retort.space.Config;
import dev.retort.store.ExperimentRow;
import dev.retort.store.TrialState;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Writes configs as PENDING trials, inside transactions the caller opens. Trials are keyed by the first 64
 * bits of the config's SHA-256 in {@code trial_key}; two different configs under one key are refused loudly,
 * never merged. Trial ids are assigned here (the next free ids, in iteration order), so the keys of a load can
 * be written without reading the rows back.
 *
 * <p>Two ways in:
 * <ul>
 *   <li>{@link #registerKeyed}: each config is looked up in {@code trial_key} first and written with its key
 *       at once. For the few configs a strategy adds while workers run.</li>
 *   <li>{@link Load}: a plan's configs, possibly millions, in chunks the caller commits one by one. Keys are
 *       collected in memory and written in key order by {@link Load#finish}: sequential appends into the key
 *       B-tree, about a third of the cost of maintaining it in random order (docs/benchmarks.md). Until then
 *       the chunk's rows have no key row; the registrar's lease on the experiment keeps other registrations
 *       out, and a {@link Load} that resumes an interrupted one first keys every stored trial.</li>
 * </ul>
 */
final class Registrar {
    private static final int INSERT_ROWS = 256;

    private final Connection conn;
    private final Dialect sql;
    private final ExperimentRow experiment;
    private final Statements ps;

    Registrar(Connection conn, Dialect sql, ExperimentRow experiment, Statements ps) {
        this.conn = conn;
        this.sql = sql;
        this.experiment = experiment;
        this.ps = ps;
    }

    /** The first 64 bits of a hex SHA-256, as a signed long. */
    static long hash64(String configHash) {
        return Long.parseUnsignedLong(configHash.substring(0, 16), 16);
    }

    /** Adds each config not stored yet, looked up by key one by one; keys are written with the rows. */
    long registerKeyed(Iterator<Config> configs, long now) throws SQLException {
        long seq = maxSeq(), id = maxTrialId();
        Set<String> seen = new HashSet<>();
        List<Config> batch = new ArrayList<>(INSERT_ROWS);
        long added = 0;
        while (configs.hasNext()) {
            Config c = configs.next();
            if (!seen.add(c.hash())) continue;
            String stored = storedByKey(c.hash64());
            if (stored != null) {
                if (c.toJson().equals(stored)) continue;
                throw collision(c, stored);
            }
            batch.add(c);
            if (batch.size() == INSERT_ROWS) {
                insertRowsAndKeys(batch, id, seq, now);
                id += batch.size();
                seq += batch.size();
                added += batch.size();
                batch.clear();
            }
        }
        if (!batch.isEmpty()) insertRowsAndKeys(batch, id, seq, now);
        added += batch.size();
        addPending(added);
        return added;
    }

    private void insertRowsAndKeys(List<Config> batch, long id, long seq, long now) throws SQLException {
        insertRows(batch, id, seq, now);
        long[] keys = new long[batch.size()], ids = new long[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            keys[i] = batch.get(i).hash64();
            ids[i] = id + 1 + i;
        }
        insertKeys(keys, ids, keys.length);
    }

    /**
     * A plan's configs written in chunks. Create it, call {@link #chunk} until the source is exhausted (each
     * call in its own transaction), then {@link #finish} in a last one. Holds every key of the experiment in
     * memory (16 bytes per config at load factor one half: 32 MB for 1,000,000 configs).
     */
    final class Load {
        private final LongLongMap keys = new LongLongMap();
        private final long firstNewId;
        private long seq;

        /**
         * Starts a load inside the caller's transaction. When the experiment has trials already (a registration
         * resumed after a crash, or an extension), their keys are read and any missing key rows are written first,
         * so every stored trial is keyed before new ones are added.
         */
        Load() throws SQLException {
            seq = maxSeq();
            long maxId = maxTrialId();
            if (seq > 0) {
                PreparedStatement p = ps.get(sql.keysOf());
                p.setLong(1, experiment.id());
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) keys.putIfAbsent(rs.getLong(1), rs.getLong(2));
                }
                writeKeys(Long.MIN_VALUE);
            }
            firstNewId = maxId + 1;
        }

        /** Writes the configs of {@code chunk} not stored yet; returns how many were added. */
        long chunk(List<Config> chunk, long now) throws SQLException {
            long id = maxTrialId(); // other experiments of the store may have added trials since the last chunk
            List<Config> batch = new ArrayList<>(INSERT_ROWS);
            long added = 0;
            for (Config c : chunk) {
                long candidate = id + batch.size() + 1;
                long known = keys.putIfAbsent(c.hash64(), candidate);
                if (known != LongLongMap.ABSENT) {
                    String other = known > id ? batch.get((int) (known - id - 1)).toJson() : storedById(known);
                    if (c.toJson().equals(other)) continue; // a repeat, e.g. a random search drawing a point twice
                    throw collision(c, other);
                }
                batch.add(c);
                if (batch.size() == INSERT_ROWS) {
                    insertRows(batch, id, seq, now);
                    id += batch.size();
                    seq += batch.size();
                    added += batch.size();
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) insertRows(batch, id, seq, now);
            seq += batch.size();
            added += batch.size();
            addPending(added);
            return added;
        }

        /** Writes the key rows of every trial this load added, in key order. */
        void finish() throws SQLException {
            writeKeys(firstNewId);
        }

        private void writeKeys(long minId) throws SQLException {
            long[] sorted = keys.sortedKeys(minId);
            long[] ks = new long[INSERT_ROWS], ids = new long[INSERT_ROWS];
            int n = 0;
            for (long k : sorted) {
                ks[n] = k;
                ids[n++] = keys.get(k);
                if (n == INSERT_ROWS) {
                    insertKeys(ks, ids, n);
                    n = 0;
                }
            }
            if (n > 0) insertKeys(ks, ids, n);
        }
    }

    private long maxSeq() throws SQLException {
        PreparedStatement max = ps.get(sql.maxSeq());
        max.setLong(1, experiment.id());
        try (ResultSet rs = max.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0L;
        }
    }

    private long maxTrialId() throws SQLException {
        String lock = sql.lockTrialIds(); // ids are unique across the experiments of a database
        if (lock != null) ps.get(lock).execute();
        try (ResultSet rs = ps.get(sql.maxTrialId()).executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0L;
        }
    }

    private void addPending(long added) throws SQLException {
        if (added == 0) return;
        PreparedStatement count = ps.get(sql.addCount());
        count.setLong(1, added);
        count.setLong(2, experiment.id());
        count.setString(3, TrialState.PENDING.name());
        count.executeUpdate();
    }

    /** The stored config JSON under this key, or null. */
    private String storedByKey(long hash64) throws SQLException {
        PreparedStatement p = ps.get(sql.hashOf64());
        p.setLong(1, experiment.id());
        p.setLong(2, hash64);
        try (ResultSet rs = p.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private String storedById(long id) throws SQLException {
        PreparedStatement p = ps.get(sql.configById());
        p.setLong(1, id);
        try (ResultSet rs = p.executeQuery()) {
            if (!rs.next()) throw new BugException("trial row " + id + " of experiment '" + experiment.name() + "' is keyed but missing");
            return rs.getString(1);
        }
    }

    private BugException collision(Config c, String other) {
        return new BugException("two configs share the 64-bit key " + Long.toHexString(c.hash64()) + " in experiment '"
                + experiment.name() + "': " + c + " and " + other
                + ". Retort refuses to merge them; change a parameter value's spelling to work around it");
    }

    /** Inserts {@code batch} with trial ids after {@code id} and seqs after {@code seq}. */
    private void insertRows(List<Config> batch, long id, long seq, long now) throws SQLException {
        boolean full = batch.size() == INSERT_ROWS;
        PreparedStatement p = full ? ps.get(sql.insertTrials(INSERT_ROWS)) : conn.prepareStatement(sql.insertTrials(batch.size()));
        try {
            p.setLong(1, experiment.id());
            p.setLong(2, now);
            int i = 3;
            for (Config c : batch) {
                p.setLong(i++, ++id);
                p.setLong(i++, ++seq);
                p.setLong(i++, c.hash64());
                p.setString(i++, c.toJson());
            }
            p.executeUpdate();
        } finally {
            if (!full) p.close();
        }
    }

    /** Inserts key rows; a key already there (a resumed load re-keying its trials) is left as it is. */
    private void insertKeys(long[] keys, long[] ids, int n) throws SQLException {
        boolean full = n == INSERT_ROWS;
        PreparedStatement p = full ? ps.get(sql.insertKeys(INSERT_ROWS)) : conn.prepareStatement(sql.insertKeys(n));
        try {
            int j = 1;
            for (int i = 0; i < n; i++) {
                p.setLong(j++, experiment.id());
                p.setLong(j++, keys[i]);
                p.setLong(j++, ids[i]);
            }
            p.executeUpdate();
        } finally {
            if (!full) p.close();
        }
    }
}
