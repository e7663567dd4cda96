package dev.retort.bench.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Whole-run throughput of a no-op in-process objective: {@code retort run} as a real process via the CLI jar,
 * with {@code --workers 1} and {@code --workers 4} (worker child processes), over a fresh grid of N trials each.
 * Reports per case
 * <ul>
 *   <li>end-to-end trials/s: N / wall time of the {@code run} process (JVM start-up, registration of the N
 *       configs, worker JVM start-up, results table and shutdown included);</li>
 *   <li>steady-state trials/s from the store: DONE / (max(finished_at) - min(started_at));</li>
 *   <li>the phases around the steady state: launch to first trial start (JVMs, registration) and last trial
 *       finish to process exit (workers stopping, results).</li>
 * </ul>
 * The peer baselines of {@link BareSqliteLoop} (one trial per transaction, and batched as Retort batches) run in
 * the same invocation, before and after the Retort cases, and every Retort figure is also printed as a ratio to
 * the mean of each ("vs bare / vs batched").
 *
 * <p>Run (from the repository root): {@code java -cp retort-bench/target/retort-bench.jar
 * dev.retort.bench.core.Throughput 100000 200000 100000} (N for 1 worker, N for 4 workers, N for the bare loop).
 */
public final class Throughput {
    private Throughput() {
    }

    public static void main(String[] args) throws Exception {
        int n1 = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int n4 = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int nBare = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        Path root = Files.createTempDirectory("retort-throughput");
        try {
            double bareBefore = BareSqliteLoop.measure(nBare);
            double batchedBefore = BareSqliteLoop.measureBatched(nBare, BareSqliteLoop.BATCH);
            System.out.printf(Locale.ROOT, "bare SQLite loop (before): %.0f trials/s, batched by %d: %.0f trials/s, load %.2f%n",
                    bareBefore, BareSqliteLoop.BATCH, batchedBefore, BenchUtil.load());
            Result r1 = runCase(root, 1, n1);
            Result r4 = runCase(root, 4, n4);
            double bareAfter = BareSqliteLoop.measure(nBare);
            double batchedAfter = BareSqliteLoop.measureBatched(nBare, BareSqliteLoop.BATCH);
            System.out.printf(Locale.ROOT, "bare SQLite loop (after): %.0f trials/s, batched by %d: %.0f trials/s, load %.2f%n",
                    bareAfter, BareSqliteLoop.BATCH, batchedAfter, BenchUtil.load());
            double bare = (bareBefore + bareAfter) / 2, batched = (batchedBefore + batchedAfter) / 2;
            System.out.printf(Locale.ROOT, "bare SQLite loop mean: %.0f trials/s; batched: %.0f trials/s (%d trials, single process)%n",
                    bare, batched, nBare);
            BenchUtil.summary("bare SQLite claim+complete loop (peer baseline)", BenchUtil.f("%.0f trials/s", bare),
                    "- (published context: ~19,000/s)", "-", "1.00 / -");
            BenchUtil.summary(BenchUtil.f("bare SQLite loop batched by %d (best-case peer)", BareSqliteLoop.BATCH),
                    BenchUtil.f("%.0f trials/s", batched), "-", "-", BenchUtil.f("%.2f / 1.00", batched / bare));
            for (Result r : List.of(r1, r4)) r.report(bare, batched);
        } finally {
            BenchUtil.deleteTree(root);
        }
    }

    record Result(int workers, int n, double wall, BenchUtil.Window w, long launchedAt, double loadBefore, double loadAfter) {
        void report(double bare, double batched) {
            double e2e = n / wall, steady = w.perSecond();
            double target = workers == 1 ? 5_000 : 10_000;
            System.out.printf(Locale.ROOT, "retort run --workers %d, %d no-op trials: wall %.2f s -> end-to-end %.0f trials/s"
                            + " (%.2fx bare); steady state %.0f trials/s over %.2f s (%.2fx bare); launch->first start %.2f s,"
                            + " last finish->exit %.2f s; steady vs the batched peer %.2fx; load %.2f -> %.2f%n",
                    workers, n, wall, e2e, e2e / bare, steady, (w.lastFinish() - w.firstStart()) / 1000.0, steady / bare,
                    (w.firstStart() - launchedAt) / 1000.0, wall - (w.lastFinish() - launchedAt) / 1000.0, steady / batched, loadBefore, loadAfter);
            String t = BenchUtil.f(">= %.0f/s", target);
            BenchUtil.summary(BenchUtil.f("no-op, %d worker%s, end-to-end (%d trials)", workers, workers == 1 ? "" : "s", n),
                    BenchUtil.f("%.0f trials/s", e2e), t, e2e >= target ? "PASS" : "FAIL", BenchUtil.f("%.2f / %.2f", e2e / bare, e2e / batched), loadAfter);
            BenchUtil.summary(BenchUtil.f("no-op, %d worker%s, steady state (%d trials)", workers, workers == 1 ? "" : "s", n),
                    BenchUtil.f("%.0f trials/s", steady), t, steady >= target ? "PASS" : "FAIL", BenchUtil.f("%.2f / %.2f", steady / bare, steady / batched), loadAfter);
        }
    }

    static Result runCase(Path root, int workers, int n) throws Exception {
        Path caseDir = Files.createDirectories(root.resolve("w" + workers));
        Path plan = caseDir.resolve("plan.yaml");
        Files.writeString(plan, "experiment: throughput-w" + workers + "\n"
                + "objective: {class: dev.retort.examples.Noop}\n"
                + "metric: {name: value, goal: minimize}\n"
                + "space:\n  i: {range: [0, " + n + "]}\n"
                + "search: grid\n");
        Path expDir = caseDir.resolve("exp");
        double load0 = BenchUtil.load();
        long launchedAt = System.currentTimeMillis();
        BenchUtil.Run run = BenchUtil.run(caseDir, BenchUtil.retort(List.of(), "run", plan.toString(), "--dir", expDir.toString(),
                "--workers", Integer.toString(workers), "--no-progress", "--top", "1"));
        double load1 = BenchUtil.load();
        if (run.exit() != 0) throw new IllegalStateException("retort run --workers " + workers + " exited " + run.exit() + ":\n" + run.err());
        BenchUtil.Window w = BenchUtil.window(expDir.resolve("retort.db"));
        if (w.done() != n) throw new IllegalStateException("expected " + n + " DONE trials, store has " + w.done() + "; stderr:\n" + run.err());
        Result r = new Result(workers, n, run.seconds(), w, launchedAt, load0, load1);
        System.out.printf(Locale.ROOT, "  w%d: wall %.2f s, steady %.0f trials/s, load %.2f -> %.2f%n", workers, run.seconds(),
                w.perSecond(), load0, load1);
        return r;
    }
}
