package dev.retort.bench.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Whole-run cost of a command objective: N trials of {@code sh -c "echo '{"value":<i>}'"} through
 * {@code retort run --workers 1} (a real process via the CLI jar), against N bare
 * {@code ProcessBuilder.start().waitFor()} of the same program from this JVM, in the same invocation.
 * Per trial: the run's steady state (max(finished_at) - min(started_at)) / N, and its end-to-end wall / N, minus
 * the bare start-and-wait mean. The bare starts are timed before and after the run and averaged.
 * {@code true} itself prints no JSON, so every such trial would fail with "produced no result"; the echo is
 * the smallest program that yields a result ({@link dev.retort.bench.CommandOverhead} times {@code true} too).
 *
 * <p>Run: {@code java -cp retort-bench/target/retort-bench.jar dev.retort.bench.core.CommandRun 1000}
 */
public final class CommandRun {
    private CommandRun() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path root = Files.createTempDirectory("retort-command-run");
        try {
            double bareBefore = bareStarts(n, root);
            Path plan = root.resolve("plan.yaml");
            Files.writeString(plan, "experiment: command-run\n"
                    + "objective: {command: [\"sh\", \"-c\", \"echo '{{\\\"value\\\":{i}}}'\"]}\n"
                    + "metric: {name: value, goal: minimize}\n"
                    + "space:\n  i: {range: [0, " + n + "]}\n"
                    + "search: grid\n");
            Path exp = root.resolve("exp");
            double load0 = BenchUtil.load();
            BenchUtil.Run r = BenchUtil.run(root, BenchUtil.retort(List.of(), "run", plan.toString(), "--dir", exp.toString(),
                    "--workers", "1", "--no-progress", "--top", "1"));
            double load1 = BenchUtil.load();
            if (r.exit() != 0) throw new IllegalStateException("retort run exited " + r.exit() + ":\n" + r.err());
            BenchUtil.Window w = BenchUtil.window(exp.resolve("retort.db"));
            if (w.done() != n) throw new IllegalStateException("expected " + n + " DONE trials, store has " + w.done() + " (" + w.failed() + " FAILED)");
            double bareAfter = bareStarts(n, root);
            double bare = (bareBefore + bareAfter) / 2;
            double steadyMs = (w.lastFinish() - w.firstStart()) / (double) n;
            double e2eMs = r.seconds() * 1000 / n;
            System.out.printf(Locale.ROOT, "command objective, %d trials, --workers 1: end-to-end %.3f ms/trial (wall %.2f s),"
                            + " steady state %.3f ms/trial; bare ProcessBuilder start+wait of the same program %.3f ms"
                            + " (before %.3f, after %.3f); overhead steady %+.3f ms/trial, end-to-end %+.3f ms/trial; load %.2f -> %.2f%n",
                    n, e2eMs, r.seconds(), steadyMs, bare, bareBefore, bareAfter, steadyMs - bare, e2eMs - bare, load0, load1);
            BenchUtil.summary(BenchUtil.f("command objective, whole run, steady state (%d trials)", n),
                    BenchUtil.f("%+.2f ms/trial above a bare start (%.2f vs %.2f ms)", steadyMs - bare, steadyMs, bare),
                    "<= 5 ms", steadyMs - bare <= 5 ? "PASS" : "FAIL", "-", load1);
            BenchUtil.summary(BenchUtil.f("command objective, whole run, end-to-end (%d trials)", n),
                    BenchUtil.f("%+.2f ms/trial above a bare start (%.2f vs %.2f ms)", e2eMs - bare, e2eMs, bare),
                    "<= 5 ms", e2eMs - bare <= 5 ? "PASS" : "FAIL", "-", load1);
        } finally {
            BenchUtil.deleteTree(root);
        }
    }

    /** Mean ms of N bare start+wait of the same program (stdout discarded), after a short warm-up. */
    static double bareStarts(int n, Path cwd) throws Exception {
        List<String> argv = List.of("sh", "-c", "echo '{\"value\":1}'");
        for (int i = 0; i < Math.min(50, n); i++) startWait(argv, cwd);
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) startWait(argv, cwd);
        return (System.nanoTime() - t0) / 1e6 / n;
    }

    private static void startWait(List<String> argv, Path cwd) throws Exception {
        Process p = new ProcessBuilder(argv).directory(cwd.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor();
        p.getOutputStream().close();
        p.getErrorStream().close();
    }
}
