package dev.retort.bench.core;

import dev.retort.plan.Plan;
import dev.retort.plan.PlanParser;
import dev.retort.run.Experiment;
import dev.retort.store.TrialStore;
import dev.retort.engine.WorkerLoop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * Where one worker spends its time on a no-op objective: registers N trials, then runs one {@link WorkerLoop}
 * on this thread (as a {@code retort worker} process does) under the stack {@link Sampler}, and prints trials/s and
 * the sampled frames. Attribution for the no-op throughput figures; not itself a target.
 *
 * <p>Run: {@code java -cp retort-bench/target/retort-bench.jar dev.retort.bench.core.WorkerProfile 30000}
 */
public final class WorkerProfile {
    private WorkerProfile() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
        Path root = Files.createTempDirectory("retort-worker-profile");
        try {
            Path planFile = root.resolve("plan.yaml");
            Files.writeString(planFile, "experiment: worker-profile\n"
                    + "objective: {class: dev.retort.examples.Noop}\n"
                    + "metric: {name: value, goal: minimize}\n"
                    + "space:\n  i: {range: [0, " + n + "]}\n"
                    + "search: grid\n");
            Plan plan = new PlanParser(WorkerProfile.class.getClassLoader()).parse(planFile);
            Clock clock = Clock.systemUTC();
            try (Experiment exp = Experiment.open(plan, root.resolve("exp"), Experiment.Mode.STRICT, clock);
                 TrialStore store = exp.store()) {
                WorkerLoop loop = exp.worker(store, "profile-w1", WorkerProfile.class.getClassLoader(), List.of(), clock);
                double load0 = BenchUtil.load();
                Sampler sampler = new Sampler(Thread.currentThread(), 5);
                long t0 = System.nanoTime();
                WorkerLoop.Summary s = loop.run();
                double sec = (System.nanoTime() - t0) / 1e9;
                sampler.close();
                System.out.printf(Locale.ROOT, "one in-process worker: %d trials in %.2f s = %.0f trials/s (%s); load %.2f -> %.2f%n",
                        s.evaluated(), sec, s.evaluated() / sec, s.exitReason(), load0, BenchUtil.load());
                sampler.print("what a worker spends its time on", 15);
            }
        } finally {
            BenchUtil.deleteTree(root);
        }
    }
}
