package dev.retort.bench.core;

import org.sqlite.SQLiteConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The in-run peer baseline: a bare SQLite claim-and-complete loop, the least any SQLite-backed sweeper can do
 * per trial. Same sqlite-jdbc as Retort, WAL, {@code synchronous=NORMAL}, a trial table with Retort's
 * columns and state index but no triggers; per trial one autocommitted
 * {@code UPDATE ... RETURNING} claim of the lowest PENDING row and one autocommitted {@code UPDATE} complete,
 * in one process and thread. Rows are inserted before the clock starts.
 *
 * <p>{@link #measureBatched} is the second peer: the same loop batching claims and completions as Retort does.
 *
 * <p>Run: {@code java -cp retort-bench/target/retort-bench.jar dev.retort.bench.core.BareSqliteLoop 100000}
 */
public final class BareSqliteLoop {
    private BareSqliteLoop() {
    }

    /** Trials per claim and per completing transaction in the batched loop: Retort's most (WorkerSettings.maxBatch). */
    static final int BATCH = 64;

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        double load0 = BenchUtil.load();
        double perSecond = measure(n);
        double batched = measureBatched(n, BATCH);
        System.out.printf(Locale.ROOT, "bare SQLite claim+complete: %d trials, %.0f trials/s; batched by %d: %.0f trials/s (load %.2f -> %.2f)%n",
                n, perSecond, BATCH, batched, load0, BenchUtil.load());
        BenchUtil.summary("bare SQLite claim+complete loop (peer baseline)", BenchUtil.f("%.0f trials/s", perSecond),
                "- (context: published ~19,000/s)", "-", "1.00");
        BenchUtil.summary(BenchUtil.f("bare SQLite loop batched by %d (best-case peer)", BATCH), BenchUtil.f("%.0f trials/s", batched),
                "-", "-", BenchUtil.f("%.2f", batched / perSecond));
    }

    /** Runs the loop over {@code n} fresh trials in a temp database and returns trials per second. */
    static double measure(int n) throws Exception {
        return measure(n, 1);
    }

    /**
     * The best a SQLite sweeper can do with Retort's batching: one transaction claims up to {@code batch} PENDING
     * trials ({@code UPDATE ... WHERE id IN (SELECT ... LIMIT batch) RETURNING}), one transaction completes them
     * all (a prepared {@code UPDATE} per trial between {@code BEGIN IMMEDIATE} and {@code COMMIT}); no leases,
     * versions, counters or triggers. Returns trials per second.
     */
    static double measureBatched(int n, int batch) throws Exception {
        return measure(n, batch);
    }

    private static double measure(int n, int batch) throws Exception {
        Path dir = Files.createTempDirectory("retort-bare-sqlite");
        try {
            SQLiteConfig cfg = new SQLiteConfig();
            cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
            cfg.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            cfg.setTempStore(SQLiteConfig.TempStore.MEMORY);
            cfg.setCacheSize(-32_000);
            try (Connection c = cfg.createConnection("jdbc:sqlite:" + dir.resolve("bare.db").toAbsolutePath())) {
                setUp(c, n);
                return batch == 1 ? loop(c, n) : batchedLoop(c, n, batch);
            }
        } finally {
            BenchUtil.deleteTree(dir);
        }
    }

    private static void setUp(Connection c, int n) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE trial (id INTEGER PRIMARY KEY, experiment_id INTEGER NOT NULL, seq INTEGER NOT NULL,"
                    + " config_json TEXT NOT NULL, state TEXT NOT NULL, worker TEXT, started_at INTEGER, finished_at INTEGER,"
                    + " result_json TEXT, metric REAL)");
            st.execute("CREATE INDEX trial_by_state ON trial (experiment_id, state, seq)");
        }
        c.setAutoCommit(false);
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO trial (experiment_id, seq, config_json, state) VALUES (1, ?, ?, 'PENDING')")) {
            for (int i = 1; i <= n; i++) {
                p.setInt(1, i);
                p.setString(2, "{\"i\":" + (i - 1) + "}");
                p.addBatch();
                if (i % 10_000 == 0) p.executeBatch();
            }
            p.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
    }

    private static double batchedLoop(Connection c, int n, int batch) throws SQLException {
        try (Statement tx = c.createStatement();
             PreparedStatement claim = c.prepareStatement(
                "UPDATE trial SET state = 'RUNNING', worker = 'w1', started_at = ? WHERE id IN (SELECT id FROM trial"
                        + " WHERE experiment_id = 1 AND state = 'PENDING' ORDER BY seq LIMIT ?) RETURNING id, config_json");
             PreparedStatement complete = c.prepareStatement(
                     "UPDATE trial SET state = 'DONE', finished_at = ?, result_json = ?, metric = ? WHERE id = ? AND state = 'RUNNING'")) {
            long t0 = System.nanoTime();
            int done = 0;
            long[] ids = new long[batch];
            while (true) {
                int got = 0;
                tx.execute("BEGIN IMMEDIATE");
                claim.setLong(1, System.currentTimeMillis());
                claim.setInt(2, batch);
                try (ResultSet rs = claim.executeQuery()) {
                    while (rs.next()) {
                        ids[got++] = rs.getLong(1);
                        rs.getString(2);
                    }
                }
                tx.execute("COMMIT");
                if (got == 0) break;
                tx.execute("BEGIN IMMEDIATE");
                for (int i = 0; i < got; i++) {
                    complete.setLong(1, System.currentTimeMillis());
                    complete.setString(2, "{\"value\":0}");
                    complete.setDouble(3, 0.0);
                    complete.setLong(4, ids[i]);
                    if (complete.executeUpdate() != 1) throw new IllegalStateException("trial " + ids[i] + " was not RUNNING");
                }
                tx.execute("COMMIT");
                done += got;
            }
            double s = (System.nanoTime() - t0) / 1e9;
            if (done != n) throw new IllegalStateException("completed " + done + " of " + n);
            return n / s;
        }
    }

    private static double loop(Connection c, int n) throws SQLException {
        try (PreparedStatement claim = c.prepareStatement(
                "UPDATE trial SET state = 'RUNNING', worker = 'w1', started_at = ? WHERE id = (SELECT id FROM trial"
                        + " WHERE experiment_id = 1 AND state = 'PENDING' ORDER BY seq LIMIT 1) RETURNING id, config_json");
             PreparedStatement complete = c.prepareStatement(
                     "UPDATE trial SET state = 'DONE', finished_at = ?, result_json = ?, metric = ? WHERE id = ? AND state = 'RUNNING'")) {
            long t0 = System.nanoTime();
            int done = 0;
            while (true) {
                long id;
                claim.setLong(1, System.currentTimeMillis());
                try (ResultSet rs = claim.executeQuery()) {
                    if (!rs.next()) break;
                    id = rs.getLong(1);
                    rs.getString(2);
                }
                complete.setLong(1, System.currentTimeMillis());
                complete.setString(2, "{\"value\":0}");
                complete.setDouble(3, 0.0);
                complete.setLong(4, id);
                if (complete.executeUpdate() != 1) throw new IllegalStateException("trial " + id + " was not RUNNING");
                done++;
            }
            double s = (System.nanoTime() - t0) / 1e9;
            if (done != n) throw new IllegalStateException("completed " + done + " of " + n);
            return n / s;
        }
    }
}
