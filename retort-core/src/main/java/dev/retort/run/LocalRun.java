package dev.retort.run;

import dev.retort.engine.Hosts;
import dev.retort.engine.TrialHook;
import dev.retort.engine.WorkerLoop;
import dev.retort.store.TrialStore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs an experiment's workers as threads of this JVM (the Java API's way; the CLI uses processes). */
public final class LocalRun {
    private LocalRun() {
    }

    public static RunResult run(Experiment exp, int workers, ClassLoader loader, List<TrialHook> hooks, Clock clock) {
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "retort-worker");
            t.setDaemon(true);
            return t;
        });
        List<WorkerLoop> loops = Collections.synchronizedList(new ArrayList<>());
        List<Future<WorkerLoop.Summary>> futures = new ArrayList<>();
        // Ctrl-C: every worker returns its trials to PENDING before the JVM exits.
        Thread onExit = new Thread(() -> {
            List<WorkerLoop> snapshot;
            synchronized (loops) {
                snapshot = new ArrayList<>(loops);
            }
            snapshot.forEach(WorkerLoop::stop);
            for (WorkerLoop l : snapshot) {
                try {
                    l.awaitFinished(15_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "retort-local-run-shutdown");
        Runtime.getRuntime().addShutdownHook(onExit);
        try {
            for (int i = 0; i < workers; i++) {
                String id = Hosts.workerId("t" + (i + 1));
                futures.add(pool.submit(() -> {
                    try (TrialStore store = exp.store()) {
                        WorkerLoop loop = exp.worker(store, id, loader, hooks, clock);
                        loops.add(loop);
                        return loop.run();
                    }
                }));
            }
            List<WorkerLoop.Summary> summaries = new ArrayList<>();
            for (Future<WorkerLoop.Summary> f : futures) summaries.add(f.get());
            try (TrialStore store = exp.store()) {
                return new RunResult(exp.plan().name(), exp.plan().metric(), store.counts(), store.trials(null), summaries);
            }
        } catch (InterruptedException e) {
            loops.forEach(WorkerLoop::stop);
            Thread.currentThread().interrupt();
            throw new dev.retort.RetortException("interrupted; running trials went back to PENDING", e);
        } catch (ExecutionException e) {
            loops.forEach(WorkerLoop::stop);
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) throw re;
            throw new dev.retort.RetortException("a worker failed: " + c, c);
        } finally {
            pool.shutdown();
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
            } catch (IllegalStateException ignored) {
                // the JVM is already shutting down: the hook is running
            }
        }
    }
}
