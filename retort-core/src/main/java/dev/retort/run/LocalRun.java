package dev.retort.run;

import dev.retort.RetortException;
import dev.retort.engine.Hosts;
import dev.retort.engine.TrialHook;
import dev.retort.engine.WorkerLoop;
import dev.retort.store.Counts;
import dev.retort.store.TrialStore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs an experiment's workers as threads of this JVM (the Java API's way and {@code retort run --threads};
 * the CLI's default uses processes). {@link #stop()} from any thread, or an interrupt of the thread in
 * {@link #await()}, returns every running trial to PENDING and ends the run as INTERRUPTED.
 */
public final class LocalRun {
    private final Experiment exp;
    private final ExecutorService pool;
    private final List<WorkerLoop> loops = new CopyOnWriteArrayList<>();
    private final List<Future<WorkerLoop.Summary>> futures = new ArrayList<>();
    private volatile boolean stopped;

    private LocalRun(Experiment exp, int workers, ClassLoader loader, List<TrialHook> hooks, Clock clock) {
        this.exp = exp;
        this.pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "retort-worker");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < workers; i++) {
            String id = Hosts.workerId("t" + (i + 1));
            futures.add(pool.submit(() -> {
                try (TrialStore store = exp.store()) {
                    WorkerLoop loop = exp.worker(store, id, loader, hooks, clock);
                    loops.add(loop);
                    if (stopped) loop.stop(); // stop() came before this worker existed
                    return loop.run();
                }
            }));
        }
    }

    /** Starts {@code workers} worker threads; {@link #await()} waits for them. */
    public static LocalRun start(Experiment exp, int workers, ClassLoader loader, List<TrialHook> hooks, Clock clock) {
        return new LocalRun(exp, workers, loader, hooks, clock);
    }

    /**
     * Runs the workers until they stop. On Ctrl-C (JVM shutdown) every worker returns its trials to PENDING
     * before the JVM exits.
     */
    public static RunResult run(Experiment exp, int workers, ClassLoader loader, List<TrialHook> hooks, Clock clock) {
        LocalRun run = start(exp, workers, loader, hooks, clock);
        Thread onExit = new Thread(run::stopAndWait, "retort-local-run-shutdown");
        Runtime.getRuntime().addShutdownHook(onExit);
        try {
            return run.await();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
            } catch (IllegalStateException ignored) {
                // the JVM is already shutting down: the hook is running
            }
        }
    }

    /** Asks every worker to stop; their running trials go back to PENDING. Returns at once. */
    public void stop() {
        stopped = true;
        loops.forEach(WorkerLoop::stop);
    }

    private void stopAndWait() {
        stop();
        for (WorkerLoop l : loops) {
            try {
                l.awaitFinished(15_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Waits for every worker, then reads the store. */
    public RunResult await() {
        List<WorkerLoop.Summary> summaries = new ArrayList<>();
        boolean interrupted = false;
        try {
            for (Future<WorkerLoop.Summary> f : futures) {
                while (true) {
                    try {
                        summaries.add(f.get());
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true; // stop, but still wait while the workers return their trials
                        stop();
                    }
                }
            }
        } catch (ExecutionException e) {
            stop();
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) throw re;
            throw new RetortException("a worker failed: " + c, c);
        } finally {
            pool.shutdown();
        }
        try (TrialStore store = exp.store()) {
            Counts counts = store.counts();
            String limit = summaries.stream().map(s -> s.stop().limit()).filter(Objects::nonNull).findFirst().orElse(null);
            long returned = summaries.stream().mapToLong(WorkerLoop.Summary::returned).sum();
            boolean goesOn = limit != null && RunOutcome.searchGoesOn(exp.plan(), store.trials(null));
            RunOutcome outcome = RunOutcome.of(counts, limit, stopped, returned, List.of(), goesOn);
            return new RunResult(exp.plan().name(), exp.plan().metric(), counts, store.trials(null), summaries, outcome, exp.notices());
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}
