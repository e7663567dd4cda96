package dev.retort.bench.core;

import dev.retort.plan.Plan;
import dev.retort.plan.PlanParser;
import dev.retort.run.Experiment;
import dev.retort.store.Counts;
import dev.retort.store.TrialState;
import dev.retort.store.TrialStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code retort run} on an experiment whose 1,000,000 trials are all finished: takes the directory
 * {@link Registration1M} left (plan.yaml and exp/retort.db, all PENDING), marks every trial DONE with one SQL
 * {@code UPDATE} (the trial_count triggers keep the per-state counts; checked afterwards), then times
 * {@code java -jar retort.jar run plan.yaml --dir exp --no-progress} end to end as a process, 5 times, and
 * reports the median, asserting each printed "nothing to run". For attribution it also times
 * {@code java -jar retort.jar --version} (JVM and CLI start-up alone) and, in this JVM, the phases
 * {@code run} goes through: parse the plan, {@code Experiment.open}, counts, best 20.
 *
 * <p>Run: {@code java -cp retort-bench/target/retort-bench.jar dev.retort.bench.core.FinishedRun1M /tmp/reg1m [repeats]}
 */
public final class FinishedRun1M {
    private FinishedRun1M() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/retort-reg1m").toAbsolutePath();
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path plan = dir.resolve("plan.yaml"), exp = dir.resolve("exp"), db = exp.resolve(Experiment.DB_FILE);
        if (!Files.exists(db)) throw new IllegalStateException(db + " missing: run Registration1M " + dir + " first");

        long n = markAllDone(db);

        List<Double> version = new ArrayList<>();
        List<Double> runs = new ArrayList<>();
        double load0 = BenchUtil.load();
        for (int i = 0; i < repeats; i++) {
            BenchUtil.Run v = BenchUtil.run(dir, BenchUtil.retort(List.of(), "--version"));
            if (v.exit() != 0) throw new IllegalStateException("retort --version exited " + v.exit() + ": " + v.err());
            version.add(v.seconds());
            BenchUtil.Run r = BenchUtil.run(dir, BenchUtil.retort(List.of(), "run", plan.toString(), "--dir", exp.toString(), "--no-progress"));
            if (r.exit() != 0 || !r.err().contains("nothing to run"))
                throw new IllegalStateException("run " + (i + 1) + " exited " + r.exit() + " without 'nothing to run':\n" + r.err());
            runs.add(r.seconds());
        }
        double load1 = BenchUtil.load();
        double median = BenchUtil.median(runs.stream().mapToDouble(Double::doubleValue).toArray());
        double vMedian = BenchUtil.median(version.stream().mapToDouble(Double::doubleValue).toArray());
        System.out.printf(Locale.ROOT, "retort run on a finished %d-trial experiment, %d runs: %s s -> median %.3f s;"
                + " retort --version (JVM + CLI start-up): %s s -> median %.3f s; load %.2f -> %.2f%n",
                n, repeats, fmt(runs), median, fmt(version), vMedian, load0, load1);

        phasesInProcess(plan, exp);

        BenchUtil.summary(BenchUtil.f("run on a finished %d-trial experiment (median of %d)", n, repeats),
                BenchUtil.f("%.2f s (--version alone %.2f s)", median, vMedian), "<= 2 s",
                n == 1_000_000 ? (median <= 2 ? "PASS" : "FAIL") : "-", "-", load1);
    }

    /** One UPDATE over every trial; returns the number of trials, after checking the trigger-kept counts. */
    static long markAllDone(Path db) throws Exception {
        try (Connection c = BenchUtil.sqlite(db); Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA synchronous=NORMAL");
            long total;
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM trial")) {
                rs.next();
                total = rs.getLong(1);
            }
            long notDone;
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM trial WHERE state <> 'DONE'")) {
                rs.next();
                notDone = rs.getLong(1);
            }
            long t0 = System.nanoTime();
            st.executeUpdate("UPDATE trial SET state = 'DONE', attempt = 1, version = version + 1,"
                    + " started_at = created_at, finished_at = created_at, metric = (seq % 997) / 997.0,"
                    + " result_json = '{\"value\":' || ((seq % 997) / 997.0) || '}' WHERE state <> 'DONE'");
            double s = (System.nanoTime() - t0) / 1e9;
            long done = 0, pending = 0;
            try (ResultSet rs = st.executeQuery("SELECT state, n FROM trial_count")) {
                while (rs.next()) {
                    if (rs.getString(1).equals("DONE")) done = rs.getLong(2);
                    if (rs.getString(1).equals("PENDING")) pending = rs.getLong(2);
                }
            }
            System.out.printf(Locale.ROOT, "marked %d of %d trials DONE in %.2f s with one UPDATE; trial_count (kept by the triggers): DONE %d, PENDING %d%n",
                    notDone, total, s, done, pending);
            if (done != total || pending != 0)
                throw new IllegalStateException("trial_count is off after the UPDATE: DONE " + done + ", PENDING " + pending + ", trials " + total);
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            return total;
        }
    }

    /** What run does before it decides there is nothing to do, timed phase by phase in this (warm-ish) JVM. */
    static void phasesInProcess(Path planFile, Path exp) {
        long t0 = System.nanoTime();
        Plan plan = new PlanParser(FinishedRun1M.class.getClassLoader()).parse(planFile);
        long t1 = System.nanoTime();
        try (Experiment e = Experiment.open(plan, exp, Experiment.Mode.STRICT, Clock.systemUTC())) {
            long t2 = System.nanoTime();
            try (TrialStore store = e.store()) {
                Counts c = store.counts();
                long t3 = System.nanoTime();
                int best = store.best(false, 20).size();
                long t4 = System.nanoTime();
                System.out.printf(Locale.ROOT, "in-process phases (one cold run in the bench JVM): parse plan %.3f s,"
                                + " Experiment.open %.3f s, counts %.3f s (DONE %d), best 20 %.3f s (%d rows)%n",
                        (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, c.get(TrialState.DONE), (t4 - t3) / 1e9, best);
            }
        }
    }

    private static String fmt(List<Double> xs) {
        StringBuilder b = new StringBuilder();
        for (double x : xs) b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", x));
        return b.toString();
    }
}
