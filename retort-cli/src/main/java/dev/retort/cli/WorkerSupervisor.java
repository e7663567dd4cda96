package dev.retort.cli;

import dev.retort.run.Experiment;
import dev.retort.store.TrialRecord;
import dev.retort.store.TrialState;
import dev.retort.store.TrialStore;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs {@code retort run}'s worker processes and watches them. A worker that dies (killed by a signal, or a
 * non-zero exit) is reported with its exit status and its log; its trials go back to PENDING at once (the
 * attempt counts, so a trial that kills its worker every time ends FAILED after {@code store.max_attempts});
 * and while trials are left a new worker takes its place, at most {@link #restartBound} times per run.
 */
final class WorkerSupervisor {
    /** What the workers did: deaths (one line each), whether the restart bound stopped replacements, returns. */
    record Report(List<String> deaths, boolean gaveUp, long returned, boolean interrupted) {
    }

    private static final Map<Integer, String> SIGNALS = Map.of(1, "SIGHUP", 2, "SIGINT", 3, "SIGQUIT", 6, "SIGABRT",
            9, "SIGKILL", 11, "SIGSEGV", 15, "SIGTERM");
    private static final long STOP_WAIT_SECONDS = 20;

    private final Experiment exp;
    private final TrialStore store;
    private final String classpath;
    private final String prefix;
    private final int restartBound;
    private final PrintWriter err;
    private final List<WorkerProcesses.Child> live = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private final List<String> deaths = new ArrayList<>();
    private volatile boolean stopRequested;
    private volatile CompletableFuture<Void> wake = new CompletableFuture<>();
    private int started, restarts;

    /**
     * @param restartBound most replacements of dead workers in this run; see {@link #restartBound(int, int)}
     */
    WorkerSupervisor(Experiment exp, TrialStore store, String classpath, String prefix, int restartBound, PrintWriter err) {
        this.exp = exp;
        this.store = store;
        this.classpath = classpath;
        this.prefix = prefix;
        this.restartBound = restartBound;
        this.err = err;
    }

    /**
     * Replacements allowed per run: {@code workers × max(3, max_attempts)}. Enough for each worker slot to
     * meet one trial that kills its worker on every attempt until that trial is FAILED, and small enough that
     * a worker that cannot start (a broken class path, a damaged store) stops the run within seconds.
     */
    static int restartBound(int workers, int maxAttempts) {
        return workers * Math.max(3, maxAttempts);
    }

    void start(int workers) {
        for (int i = 0; i < workers; i++) startOne();
    }

    private WorkerProcesses.Child startOne() {
        String id = prefix + "-w" + (++started);
        java.util.Map<String, String> env = new java.util.HashMap<>(dev.retort.objective.SecretEnv.values(exp.plan().objective().runtime()));
        env.putAll(exp.location().workerEnv()); // the store's password, never on the command line
        WorkerProcesses.Child c = WorkerProcesses.start(exp.location().workerArgs(), exp.logsDir(), id, classpath, env);
        ids.add(id);
        synchronized (live) {
            live.add(c);
        }
        return c;
    }

    /** From any thread (the shutdown hook): SIGTERM every worker; {@link #supervise} then returns. */
    void requestStop() {
        stopRequested = true;
        wake.complete(null);
    }

    /** Watches the workers until every one has stopped (or the run was asked to stop). */
    Report supervise(Progress progress) throws InterruptedException {
        boolean gaveUp = false;
        while (true) {
            if (stopRequested) return new Report(deaths, gaveUp, stopAll(), true);
            List<WorkerProcesses.Child> snapshot;
            synchronized (live) {
                snapshot = new ArrayList<>(live);
            }
            if (snapshot.isEmpty()) return new Report(deaths, gaveUp, 0, false);
            for (WorkerProcesses.Child c : snapshot) {
                if (c.process().isAlive()) continue;
                synchronized (live) {
                    live.remove(c);
                }
                int code = c.process().exitValue();
                if (code == 0 || stopRequested) continue;
                gaveUp |= !died(c, code);
            }
            awaitAnyExit(snapshot);
            progress.update(store.counts());
        }
    }

    /** Reports a dead worker, returns its trials, replaces it. @return false when the restart bound forbade it */
    private boolean died(WorkerProcesses.Child c, int code) {
        String status = status(code);
        int reclaimed = store.reclaimWorker(c.id(), "worker " + c.id() + " died (" + status + ")");
        String line = "worker " + c.id() + " died: " + status + "; its log: " + c.err() + lastLine(c.err())
                + (reclaimed > 0 ? "; its " + reclaimed + " running trials were returned (FAILED after store.max_attempts attempts)" : "");
        deaths.add(line);
        err.println("retort: " + line);
        var counts = store.counts();
        if (counts.get(TrialState.PENDING) + counts.get(TrialState.RUNNING) == 0) return true;
        if (restarts >= restartBound) {
            err.println("retort: not replacing worker " + c.id() + ": " + restarts + " workers already replaced in this run (the bound is " + restartBound + ")");
            return false;
        }
        restarts++;
        WorkerProcesses.Child next = startOne();
        err.println("retort: started worker " + next.id() + " in its place (replacement " + restarts + " of at most " + restartBound + ")");
        return true;
    }

    /** 137 -> "exit code 137 (SIGKILL)": the JVM reports death by signal n as 128 + n. */
    static String status(int code) {
        String sig = code > 128 ? SIGNALS.get(code - 128) : null;
        return "exit code " + code + (sig != null ? " (" + sig + ")" : "");
    }

    /** The last non-blank line among the final 4 KiB of a log, as " (last line: ...)", or "". */
    static String lastLine(Path log) {
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            long from = Math.max(0, f.length() - 4096);
            byte[] b = new byte[(int) (f.length() - from)];
            f.seek(from);
            f.readFully(b);
            String[] lines = new String(b, StandardCharsets.UTF_8).strip().split("\\R");
            String last = lines[lines.length - 1].strip();
            return last.isEmpty() ? "" : " (last line: " + (last.length() > 300 ? last.substring(0, 297) + "..." : last) + ")";
        } catch (IOException e) {
            return "";
        }
    }

    private void awaitAnyExit(List<WorkerProcesses.Child> children) throws InterruptedException {
        CompletableFuture<?>[] exits = new CompletableFuture<?>[children.size() + 1];
        for (int i = 0; i < children.size(); i++) exits[i] = children.get(i).process().onExit();
        exits[children.size()] = wake;
        try {
            CompletableFuture.anyOf(exits).get(250, TimeUnit.MILLISECONDS); // or time to update the progress line
        } catch (TimeoutException | ExecutionException e) {
            // nothing exited: look again
        }
    }

    /**
     * SIGTERM to every worker (each returns its trials to PENDING), then counts the trials our workers held
     * that are PENDING again. A worker that does not stop in time is killed and its trials are reset.
     */
    private long stopAll() throws InterruptedException {
        List<TrialRecord> held = store.trials(TrialState.RUNNING).stream().filter(t -> ids.contains(t.worker())).toList();
        List<WorkerProcesses.Child> snapshot;
        synchronized (live) {
            snapshot = new ArrayList<>(live);
        }
        for (WorkerProcesses.Child c : snapshot) c.process().destroy();
        for (WorkerProcesses.Child c : snapshot) {
            if (!c.process().waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                c.process().destroyForcibly();
                c.process().waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            }
        }
        List<TrialRecord> stillRunning = new ArrayList<>();
        long returned = 0;
        for (TrialRecord t : held) {
            TrialRecord now = store.byHash(t.configHash()).orElse(t);
            if (now.state() == TrialState.PENDING) returned++;
            else if (now.state() == TrialState.RUNNING && ids.contains(now.worker())) stillRunning.add(now);
        }
        return returned + store.resetRunning(stillRunning);
    }
}
