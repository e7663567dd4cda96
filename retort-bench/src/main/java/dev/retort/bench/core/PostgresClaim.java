package dev.retort.bench.core;

import dev.retort.plan.Plan;
import dev.retort.plan.PlanParser;
import dev.retort.run.Experiment;
import dev.retort.store.ClaimedTrial;
import dev.retort.store.StoreLocation;
import dev.retort.store.TrialStore;
import dev.retort.store.postgres.PostgresDialect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The claim on PostgreSQL at scale: its plan ({@code EXPLAIN}) on 1,000,000 PENDING trials, and its latency
 * (claim one trial, then give it back) with 10,000 and with 1,000,000 trials DONE before the PENDING ones.
 *
 * <p>Run: {@code java -cp retort-bench/target/retort-bench.jar dev.retort.bench.core.PostgresClaim
 * postgresql://user@host:port/db [claims]} (a fresh schema is made and dropped).
 */
public final class PostgresClaim {
    private PostgresClaim() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int claims = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        String schema = "claim_" + System.currentTimeMillis();
        StoreLocation.Server at = (StoreLocation.Server) StoreLocation.of("url", base + "?schema=" + schema, "claim", Path.of("."), System.getenv());
        Path dir = Files.createTempDirectory("retort-pg-claim");
        try {
            Plan plan = new PlanParser(PostgresClaim.class.getClassLoader()).parse(
                    "experiment: claim\nobjective: {class: dev.retort.examples.Noop}\nspace: {i: {range: [0, 1001000]}}\n", "claim.yaml", dir);
            long t0 = System.nanoTime();
            try (Experiment exp = Experiment.open(plan, at, Experiment.Options.of(Experiment.Mode.STRICT), Clock.systemUTC())) {
                exp.awaitRegistered(Long.MAX_VALUE);
            }
            System.out.printf(Locale.ROOT, "registered 1,001,000 trials on PostgreSQL in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            try (Connection c = connect(at); Statement st = c.createStatement()) {
                st.execute("ANALYZE trial");
                String claim = new PostgresDialect(at).claim();
                // the claim's parameters, as the store binds them: worker, lease, heartbeat, started, experiment, limit
                String explain = "EXPLAIN " + claim.replaceFirst("\\?", "'w'").replaceFirst("\\?", "0").replaceFirst("\\?", "0")
                        .replaceFirst("\\?", "0").replaceFirst("\\?", "1").replaceFirst("\\?", "64");
                System.out.println("EXPLAIN of the claim on 1,001,000 PENDING trials:");
                try (ResultSet rs = st.executeQuery(explain)) {
                    while (rs.next()) System.out.println("  " + rs.getString(1));
                }
                for (int done : new int[]{10_000, 1_000_000}) {
                    st.execute("UPDATE trial SET state = 'PENDING' WHERE state = 'DONE'");
                    st.execute("UPDATE trial SET state = 'DONE' WHERE seq <= " + done);
                    st.execute("VACUUM ANALYZE trial");
                    double[] ms = latency(at, claims);
                    Arrays.sort(ms);
                    System.out.printf(Locale.ROOT, "claim of one trial with %,d DONE before the PENDING ones: median %.3f ms, p90 %.3f ms (%d claims)%n",
                            done, ms[ms.length / 2], ms[ms.length * 9 / 10], claims);
                    BenchUtil.summary(BenchUtil.f("PostgreSQL claim latency, %,d DONE (median)", done), BenchUtil.f("%.3f ms", ms[ms.length / 2]),
                            "flat in DONE", "-", "-");
                }
                st.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        } finally {
            BenchUtil.deleteTree(dir);
        }
    }

    /** Claims one trial and gives it back, {@code n} times; milliseconds per claim. */
    private static double[] latency(StoreLocation.Server at, int n) {
        try (dev.retort.store.jdbc.Database db = dev.retort.store.jdbc.Database.open(at, Clock.systemUTC());
             TrialStore store = db.open(db.find("claim").orElseThrow(), dev.retort.store.StoreSettings.DEFAULTS)) {
            double[] ms = new double[n];
            for (int i = 0; i < n + 200; i++) { // the first 200 warm up
                long t = System.nanoTime();
                ClaimedTrial c = store.claim("bench", 1, null, false).get(0);
                long took = System.nanoTime() - t;
                store.cancel(c);
                if (i >= 200) ms[i - 200] = took / 1e6;
            }
            return ms;
        }
    }

    private static Connection connect(StoreLocation.Server at) throws Exception {
        Properties p = new Properties();
        p.setProperty("user", at.user());
        if (at.password() != null) p.setProperty("password", at.password());
        p.setProperty("currentSchema", at.schema());
        return DriverManager.getConnection(at.jdbcUrl(), p);
    }
}
