package dev.retort.bench.core;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code retort run} on a fresh 1,000,000-config grid (100 x 100 x 100, no-op objective, one worker process),
 * as a real process: the time from launching it to the first trial started ({@code MIN(started_at)} in the
 * store) and to the registration complete ({@code experiment.registered_at}, set in the transaction that marks
 * the plan registered). The run is stopped with SIGTERM once registration is complete (its trials go back to
 * PENDING; they are not what is measured). Repeated, medians reported.
 *
 * <p>Run: {@code java -cp retort-bench/target/retort-bench.jar dev.retort.bench.core.FirstTrial1M /tmp/first1m [repeats]}
 */
public final class FirstTrial1M {
    private FirstTrial1M() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : "/tmp/retort-first1m").toAbsolutePath();
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Files.createDirectories(root);
        double[] first = new double[repeats], registered = new double[repeats], version = new double[repeats];
        double load0 = BenchUtil.load();
        for (int i = 0; i < repeats; i++) {
            Path dir = root.resolve("r" + i);
            BenchUtil.deleteTree(dir);
            Files.createDirectories(dir);
            Path plan = dir.resolve("plan.yaml");
            Files.writeString(plan, Registration1M.planText(100, 100, 100));
            Path exp = dir.resolve("exp"), db = exp.resolve("retort.db");
            BenchUtil.Run v = BenchUtil.run(dir, BenchUtil.retort(List.of(), "--version")); // JVM + CLI start-up, the in-run reference
            version[i] = v.seconds();
            long launched = System.currentTimeMillis();
            Process run = new ProcessBuilder(BenchUtil.retort(List.of(), "run", plan.toString(), "--dir", exp.toString(),
                    "--workers", "1", "--no-progress")).directory(dir.toFile())
                    .redirectOutput(dir.resolve("run.out").toFile()).redirectError(dir.resolve("run.err").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            long registeredAt = 0;
            long deadline = System.currentTimeMillis() + 300_000;
            while (registeredAt == 0 && System.currentTimeMillis() < deadline && run.isAlive()) {
                Thread.sleep(20); // polling another process's store: there is no event to wait on
                if (Files.exists(db)) registeredAt = registeredAt(db);
            }
            run.destroy();
            run.waitFor();
            if (registeredAt == 0) throw new IllegalStateException("registration did not complete; stderr:\n" + Files.readString(dir.resolve("run.err")));
            long firstStart = firstStart(db);
            first[i] = (firstStart - launched) / 1000.0;
            registered[i] = (registeredAt - launched) / 1000.0;
            System.out.printf(Locale.ROOT, "  run %d: launch -> first trial started %.2f s, -> registration complete %.2f s;"
                    + " retort --version %.2f s; load %.2f%n", i + 1, first[i], registered[i], version[i], BenchUtil.load());
            BenchUtil.deleteTree(dir);
        }
        double load1 = BenchUtil.load();
        double f = BenchUtil.median(first), r = BenchUtil.median(registered), vm = BenchUtil.median(version);
        System.out.printf(Locale.ROOT, "retort run on a fresh 1,000,000-config grid, %d runs: first trial started after %s s (median %.2f s);"
                + " registration complete after %s s (median %.2f s); load %.2f -> %.2f%n", repeats, fmt(first), f, fmt(registered), r, load0, load1);
        BenchUtil.summary(BenchUtil.f("run on a fresh 1M grid: launch -> first trial started (median of %d)", repeats),
                BenchUtil.f("%.2f s (--version alone %.2f s)", f, vm), "<= 1.5 s", f <= 1.5 ? "PASS" : "FAIL", "-", load1);
        BenchUtil.summary(BenchUtil.f("run on a fresh 1M grid: launch -> registration complete (median of %d)", repeats),
                BenchUtil.f("%.2f s", r), "-", "-", "-", load1);
    }

    private static long registeredAt(Path db) {
        try (Connection c = BenchUtil.sqlite(db); Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 5000");
            try (ResultSet rs = st.executeQuery("SELECT registered_at FROM experiment")) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            return 0; // not created or not migrated yet
        }
    }

    private static long firstStart(Path db) throws SQLException {
        try (Connection c = BenchUtil.sqlite(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT MIN(started_at) FROM trial")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String fmt(double[] xs) {
        List<String> out = new ArrayList<>();
        for (double x : xs) out.add(String.format(Locale.ROOT, "%.2f", x));
        return String.join(", ", out);
    }
}
