package dev.retort.bench.core;

import dev.retort.store.StoreLocation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * No-op trials per second on a PostgreSQL store, against the server's own transaction rate, in one invocation:
 * <ol>
 *   <li>{@code pgbench --builtin=simple-update -c 8 -j 2 -T S -n} on the same server and database (before);</li>
 *   <li>{@code retort run --store URL --workers 8} over a fresh grid of N no-op trials in a fresh schema:
 *       end-to-end trials/s (N / wall time of the run process, JVM start-up and registration included) and
 *       steady state from the store (DONE / (max(finished_at) - min(started_at)));</li>
 *   <li>pgbench again (after).</li>
 * </ol>
 * Targets (issue 7): end to end at least 3,000 trials/s, and at least the mean pgbench tps.
 *
 * <p>Run: {@code java -Dretort.jar=retort-cli/target/retort.jar -cp retort-bench/target/retort-bench.jar
 * dev.retort.bench.core.PostgresThroughput postgresql://postgres@localhost:5432/postgres 100000 8 20}
 * (store URL without a schema, N, worker processes, pgbench seconds). The password, if any, comes from
 * PGPASSWORD, as for pgbench.
 */
public final class PostgresThroughput {
    private PostgresThroughput() {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "postgresql://postgres@localhost:5432/postgres";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int workers = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        StoreLocation.Server at = StoreLocation.parse("url", base, "x", Path.of("."), System.getenv());
        String schema = "bench_" + System.currentTimeMillis();
        String url = "postgresql://" + at.user() + "@" + at.host() + ":" + at.port() + "/" + at.database() + "?schema=" + schema;

        pgbench(at, List.of("-i", "-s", "1", "-q"));
        double before = tps(at, workers, seconds);
        System.out.printf(Locale.ROOT, "pgbench simple-update -c %d (before): %.0f tps, load %.2f%n", workers, before, BenchUtil.load());

        Path dir = Files.createTempDirectory("retort-pg-throughput");
        try {
            Path plan = dir.resolve("plan.yaml");
            Files.writeString(plan, "experiment: pgthroughput\nobjective: {class: dev.retort.examples.Noop}\n"
                    + "metric: {name: value, goal: minimize}\nspace:\n  i: {range: [0, " + n + "]}\nsearch: grid\n");
            double load0 = BenchUtil.load();
            BenchUtil.Run run = BenchUtil.run(dir, BenchUtil.retort(List.of(), "run", plan.toString(), "--store", url,
                    "--artifacts", dir.resolve("exp").toString(), "--workers", Integer.toString(workers), "--no-progress", "--top", "1"));
            double load1 = BenchUtil.load();
            if (run.exit() != 0) throw new IllegalStateException("retort run exited " + run.exit() + ":\n" + run.err());
            BenchUtil.Window w = window(at, schema);
            if (w.done() != n) throw new IllegalStateException("expected " + n + " DONE trials, the store has " + w.done());
            double e2e = n / run.seconds(), steady = w.perSecond();
            double after = tps(at, workers, seconds);
            System.out.printf(Locale.ROOT, "pgbench simple-update -c %d (after): %.0f tps, load %.2f%n", workers, after, BenchUtil.load());
            double pg = (before + after) / 2;
            System.out.printf(Locale.ROOT, "retort run --store --workers %d, %d no-op trials: wall %.2f s -> end-to-end %.0f trials/s;"
                    + " steady state %.0f trials/s; pgbench mean %.0f tps; ratios %.2f / %.2f; load %.2f -> %.2f%n",
                    workers, n, run.seconds(), e2e, steady, pg, e2e / pg, steady / pg, load0, load1);
            BenchUtil.summary("pgbench simple-update -c " + workers + " (peer, same server)", BenchUtil.f("%.0f tps", pg), "-", "-", "1.00");
            BenchUtil.summary(BenchUtil.f("PostgreSQL no-op, %d workers, end-to-end (%d trials)", workers, n), BenchUtil.f("%.0f trials/s", e2e),
                    ">= 3000/s and >= pgbench", e2e >= 3000 && e2e >= pg ? "PASS" : "FAIL", BenchUtil.f("%.2f", e2e / pg), load1);
            BenchUtil.summary(BenchUtil.f("PostgreSQL no-op, %d workers, steady state (%d trials)", workers, n), BenchUtil.f("%.0f trials/s", steady),
                    ">= pgbench", steady >= pg ? "PASS" : "FAIL", BenchUtil.f("%.2f", steady / pg), load1);
        } finally {
            BenchUtil.deleteTree(dir);
            try (Connection c = connect(at, null); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private static double tps(StoreLocation.Server at, int clients, int seconds) throws Exception {
        String out = pgbench(at, List.of("--builtin=simple-update", "-c", Integer.toString(clients), "-j", "2",
                "-T", Integer.toString(seconds), "-n"));
        Matcher m = Pattern.compile("tps = ([0-9.]+)").matcher(out);
        if (!m.find()) throw new IllegalStateException("no tps in pgbench's output:\n" + out);
        return Double.parseDouble(m.group(1));
    }

    private static String pgbench(StoreLocation.Server at, List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("pgbench", "-h", at.host(), "-p", Integer.toString(at.port()), "-U", at.user()));
        cmd.addAll(args);
        cmd.add(at.database());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (at.password() != null) pb.environment().put("PGPASSWORD", at.password());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", cmd) + " exited " + p.exitValue() + ":\n" + out);
        return out;
    }

    private static Connection connect(StoreLocation.Server at, String schema) throws Exception {
        Properties p = new Properties();
        p.setProperty("user", at.user());
        if (at.password() != null) p.setProperty("password", at.password());
        if (schema != null) p.setProperty("currentSchema", schema);
        return DriverManager.getConnection(at.jdbcUrl(), p);
    }

    private static BenchUtil.Window window(StoreLocation.Server at, String schema) throws Exception {
        try (Connection c = connect(at, schema); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT count(*) FILTER (WHERE state = 'DONE'), count(*) FILTER (WHERE state = 'FAILED'), min(started_at), max(finished_at) FROM trial")) {
            rs.next();
            return new BenchUtil.Window(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
        }
    }

}
