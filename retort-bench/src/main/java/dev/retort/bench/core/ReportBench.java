package dev.retort.bench.core;

import dev.retort.engine.Metric;
import dev.retort.engine.Results;
import dev.retort.plan.PlanParser;
import dev.retort.run.Experiment;
import dev.retort.store.ClaimedTrial;
import dev.retort.store.Completion;
import dev.retort.store.Outcome;
import dev.retort.store.TrialStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code retort report} on a 10,000-trial experiment (issue 10: at most 3 s, a report of at most 5 MB). Builds
 * the experiment in {@code DIR/exp} through the store as workers would (a grid of lr 25 geometric values x
 * layers 8 x opt 5 x seed 10; results {value, loss, cost} from a seeded random generator; 1% FAILED with a
 * 20-line error), then times {@code java -jar retort.jar report exp -o report.html} as a process, {@code repeats}
 * times, and reports the median, the file's size, and {@code retort --version} (JVM start-up) for scale.
 *
 * <p>Run: {@code java -cp retort-bench/target/retort-bench.jar dev.retort.bench.core.ReportBench /tmp/report10k [repeats]}
 */
public final class ReportBench {
    private ReportBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/retort-report10k").toAbsolutePath();
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path exp = dir.resolve("exp");
        if (!Files.exists(exp.resolve(Experiment.DB_FILE))) build(dir, exp);
        List<Double> times = new ArrayList<>(), version = new ArrayList<>();
        double load0 = BenchUtil.load();
        long size = 0;
        for (int i = 0; i < repeats; i++) {
            BenchUtil.Run v = BenchUtil.run(dir, BenchUtil.retort(List.of(), "--version"));
            version.add(v.seconds());
            Path out = dir.resolve("report.html");
            BenchUtil.Run r = BenchUtil.run(dir, BenchUtil.retort(List.of(), "report", exp.toString(), "-o", out.toString()));
            if (r.exit() != 0) throw new IllegalStateException("report exited " + r.exit() + ":\n" + r.err());
            times.add(r.seconds());
            size = Files.size(out);
        }
        double load1 = BenchUtil.load();
        double median = BenchUtil.median(times.stream().mapToDouble(Double::doubleValue).toArray());
        double vMedian = BenchUtil.median(version.stream().mapToDouble(Double::doubleValue).toArray());
        System.out.printf(Locale.ROOT, "retort report on 10,000 trials, %d runs: %s s -> median %.3f s; report %d bytes (%.2f MB);"
                + " retort --version median %.3f s; load %.2f -> %.2f%n", repeats, times, median, size, size / 1e6, vMedian, load0, load1);
        BenchUtil.summary("report on a 10,000-trial experiment (median of " + repeats + ")",
                BenchUtil.f("%.2f s, %.2f MB (--version alone %.2f s)", median, size / 1e6, vMedian), "<= 3 s, <= 5 MB",
                median <= 3 && size <= 5_000_000 ? "PASS" : "FAIL", "-", load1);
    }

    static void build(Path dir, Path exp) throws Exception {
        Files.createDirectories(dir);
        StringBuilder lr = new StringBuilder();
        for (int i = 0; i < 25; i++) lr.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.6g", 1e-5 * Math.pow(10, i / 6.0)));
        Path plan = Files.writeString(dir.resolve("plan.yaml"), "experiment: report10k\n"
                + "objective: {command: [sh, -c, 'echo never run']}\n"
                + "space: {lr: [" + lr + "], layers: [1, 2, 3, 4, 5, 6, 7, 8], opt: [adam, sgd, rmsprop, adagrad, lion], seed: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]}\n"
                + "metric: {name: value, goal: minimize}\n");
        Metric metric = Metric.minimize("value");
        SplittableRandom rnd = new SplittableRandom(10);
        long t0 = System.nanoTime();
        try (Experiment e = Experiment.open(new PlanParser(ReportBench.class.getClassLoader()).parse(plan), exp,
                Experiment.Mode.STRICT, Clock.systemUTC()); TrialStore store = e.store()) {
            store.workerStarted("bench-1", "bench-host", ProcessHandle.current().pid());
            int n = 0;
            while (true) {
                List<ClaimedTrial> batch = store.claim("bench-1", 500, null, false);
                if (batch.isEmpty()) break;
                List<Completion> done = new ArrayList<>();
                for (ClaimedTrial t : batch) {
                    n++;
                    if (rnd.nextInt(100) == 0) {
                        StringBuilder err = new StringBuilder("exit code 1\n");
                        for (int l = 0; l < 20; l++) err.append("stderr: line ").append(l).append(" of a traceback <frame ").append(l).append(">\n");
                        done.add(new Completion(t, Outcome.failed(err.toString(), null)));
                        continue;
                    }
                    double lrv = t.config().getDouble("lr");
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("value", Math.pow(Math.log10(lrv) + 3, 2) / t.config().getLong("layers") + rnd.nextDouble());
                    r.put("loss", rnd.nextDouble());
                    r.put("cost", t.config().getLong("layers") * (1 + rnd.nextDouble()));
                    done.add(new Completion(t, Results.outcome(r, metric)));
                }
                store.completeAll(done);
            }
            System.out.printf(Locale.ROOT, "built %d trials in %s in %.1f s%n", n, exp, (System.nanoTime() - t0) / 1e9);
        }
    }
}
