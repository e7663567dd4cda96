package dev.retort.engine;

import dev.retort.Objective;
import dev.retort.Trial;
import dev.retort.space.Config;
import dev.retort.space.Space;
import dev.retort.store.ClaimedTrial;
import dev.retort.store.Completion;
import dev.retort.store.Counts;
import dev.retort.store.DiskFullException;
import dev.retort.store.Outcome;
import dev.retort.store.RegistrationState;
import dev.retort.store.StaleTrialException;
import dev.retort.store.StoreException;
import dev.retort.store.TrialState;
import dev.retort.store.TrialStore;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One worker: check the limits, claim, evaluate, record, run the hooks; repeat. A heartbeat thread renews
 * the leases of held trials, reclaims other workers' lapsed leases, and interrupts an evaluation whose trial
 * was reclaimed (fenced out).
 *
 * <p>The worker exits when the limits say so, when {@link #stop()} is called, or when nothing is PENDING,
 * the strategy proposes nothing more and no other worker holds a trial that could come back. Whatever it
 * holds when it exits goes back to PENDING at once.
 *
 * <p>Every trial the loop claims ends in exactly one of: recorded (DONE/FAILED), lost (reclaimed by another
 * worker; counted in {@code lost}), or returned to PENDING when the loop exits. None stays held and renewed
 * without being evaluated.
 */
public final class WorkerLoop {
    private static final Logger LOG = Logger.getLogger(WorkerLoop.class.getName());

    /** The context a worker needs; grouped so the constructor stays short. */
    public record Context(TrialStore store, Space space, SearchStrategy strategy, Objective objective, Metric metric,
                          Limits limits, WorkerSettings settings, Clock clock, List<TrialHook> hooks) {
    }

    /**
     * Why the worker stopped, and what it did.
     *
     * @param lost     trials reclaimed by another worker while this one held them (their results discarded)
     * @param returned trials given back to PENDING when the loop exited (stop, or a limit with a batch in hand)
     */
    public record Summary(String workerId, long evaluated, long done, long failed, long lost, long returned, StopReason stop) {
        /** The stop reason as printed, e.g. {@code no trials left}. */
        public String exitReason() {
            return stop.text();
        }
    }

    private final Context ctx;
    private final Map<Long, ClaimedTrial> held = new ConcurrentHashMap<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile Thread runner;
    /**
     * Guards {@link #current} and the interrupt that fences it out: the heartbeat interrupts the runner only
     * while the lost trial is the one being evaluated, and the runner clears its interrupt status under the
     * same lock as it stops evaluating, so an interrupt meant for one trial can never land in the next.
     */
    private final Object evaluating = new Object();
    private ClaimedTrial current;
    private volatile StoreException fault;

    public WorkerLoop(Context ctx) {
        this.ctx = ctx;
    }

    /** Asks the loop to stop: the trial in progress is interrupted and goes back to PENDING. */
    public void stop() {
        stopping = true;
        Thread t = runner;
        if (t != null) t.interrupt();
    }

    /** Waits for {@link #run()} to return after {@link #stop()}. */
    public boolean awaitFinished(long millis) throws InterruptedException {
        return finished.await(millis, TimeUnit.MILLISECONDS);
    }

    /** Trials shorter than this are committed in groups; longer ones one by one as they finish. */
    static final long GROUP_BELOW_NANOS = 2_000_000L;
    /** A group is committed at the latest this long after its first trial finished. */
    static final long GROUP_WINDOW_NANOS = 20_000_000L;

    private long evaluated, done, failed, lost, returned;
    private final List<Completion> unsaved = new ArrayList<>();
    /** Trials whose objective asked for its attempt directory: only those have one to publish or discard. */
    private final Set<Long> withDir = ConcurrentHashMap.newKeySet();
    private final List<Long> unsavedMillis = new ArrayList<>();
    private long firstUnsavedAt;

    public Summary run() {
        runner = Thread.currentThread();
        TrialStore store = ctx.store();
        String id = ctx.settings().workerId();
        store.workerStarted(id, Hosts.name(), ProcessHandle.current().pid());
        Heartbeat heartbeat = new Heartbeat(store, held, this::fencedOut, this::storeFault, id);
        heartbeat.start();
        StopReason reason;
        ArrayDeque<ClaimedTrial> queue = new ArrayDeque<>();
        long startedAt = ctx.clock().millis();
        int batch = 1;
        boolean grouping = ctx.limits().maxCost() == null && ctx.limits().maxTrials() == null;
        try {
            while (true) {
                reason = exitReason(evaluated + unsaved.size(), startedAt);
                if (reason != null) break;
                if (queue.isEmpty()) {
                    save(); // before claiming: limits and other workers see every finished trial
                    int want = batch;
                    if (ctx.limits().maxTrialsPerRun() != null)
                        want = (int) Math.min(want, ctx.limits().maxTrialsPerRun() - evaluated);
                    List<ClaimedTrial> got = store.claim(id, want, ctx.limits().maxTrials(), ctx.limits().countRunning());
                    if (got.isEmpty() && ctx.strategy() instanceof StoreSearch search && !sweptDeadWorkers) {
                        // a search deciding from the rows must not decide while a dead worker's trial still looks
                        // RUNNING (a killed run): return such trials first, so the rerun decides as the run would have
                        sweptDeadWorkers = true;
                        if (returnDeadWorkersTrials(store, id) > 0)
                            got = store.claim(id, want, ctx.limits().maxTrials(), ctx.limits().countRunning());
                    }
                    if (got.isEmpty() && ctx.strategy() instanceof StoreSearch search) // ask the search, inside the claim's transaction
                        got = store.claimProposed(id, ctx.limits().maxTrials(), ctx.limits().countRunning(),
                                rows -> search.propose(ctx.space(), rows, ctx.metric().goal().maximize()));
                    if (got.isEmpty()) {
                        reason = idle();
                        if (reason != null) break;
                        continue;
                    }
                    for (ClaimedTrial t : got) held.put(t.id(), t);
                    queue.addAll(got);
                }
                ClaimedTrial t = queue.poll();
                if (!held.containsKey(t.id())) { // reclaimed while it waited in the batch
                    lost++;
                    continue;
                }
                // a deleted experiment directory: stop before this trial recreates <exp>/trials/<trial>/ (a trial
                // taken from the batch makes no store call that would notice it)
                store.checkSameStore("starting trial " + t.id());
                long t0 = System.nanoTime();
                long startedMillis = ctx.clock().millis();
                Outcome outcome = evaluate(t);
                long nanos = System.nanoTime() - t0;
                if (outcome == null) {
                    if (stopping) break; // interrupted by stop(): cancelled in finally
                    if (!held.containsKey(t.id())) { // fenced out while running
                        lost++;
                        continue;
                    }
                    // neither stopped nor fenced out: the objective interrupted itself; never leave it held
                    outcome = Outcome.failed("interrupted: the objective threw InterruptedException (no stop, no lost lease)", null);
                }
                if (outcome.state() == TrialState.FAILED && DiskFullException.nearlyFull(ctx.settings().trialsDir()))
                    // a full disk is not the trial's fault: it goes back to PENDING (in finally), the worker stops
                    throw new DiskFullException(ctx.settings().trialsDir().toAbsolutePath().toString(), "running trial " + t.id()
                            + " (it failed: " + firstLine(outcome.error()) + ")", null);
                if (unsaved.isEmpty()) firstUnsavedAt = t0;
                unsaved.add(new Completion(t, outcome.startedAt(startedMillis)));
                unsavedMillis.add(nanos / 1_000_000);
                // Group commit only for very short trials: a kill can then lose at most GROUP_WINDOW of work,
                // which is redone; anything longer is durable the moment it finishes.
                // Budgets (max_cost, max_trials) read the store, so they get every trial committed at once.
                if (!grouping || nanos >= GROUP_BELOW_NANOS || System.nanoTime() - firstUnsavedAt >= GROUP_WINDOW_NANOS) save();
                batch = nanos < GROUP_BELOW_NANOS ? Math.min(batch * 2, ctx.settings().maxBatch()) : 1;
            }
            if (stopping && reason == null) reason = StopReason.STOPPED;
        } catch (StoreException e) {
            if (fault == null) fault = e;
            throw e;
        } finally {
            // a damaged or deleted store takes no more writes; the fault alone is reported
            if (fault == null || !fault.stopsWrites()) cleanUp(store, id, heartbeat);
            else heartbeat.stop();
            held.clear();
            finished.countDown();
        }
        if (fault != null) throw fault; // found by the heartbeat while a trial ran
        return new Summary(id, evaluated, done, failed, lost, returned, reason);
    }

    private boolean sweptDeadWorkers;

    /** Returns the RUNNING trials of workers of this host known to be dead; how many came back. */
    private static int returnDeadWorkersTrials(TrialStore store, String me) {
        int n = 0;
        for (dev.retort.store.WorkerRecord w : store.workers()) {
            if (w.id().equals(me) || w.stoppedAt() != null) continue;
            WorkerLiveness.Verdict v = WorkerLiveness.of(w);
            if (v.state() == WorkerLiveness.State.DEAD) n += store.reclaimWorker(w.id(), "worker " + w.id() + " died (" + v.why() + ")");
        }
        return n;
    }

    /** Records what finished, returns held trials to PENDING and records the worker's stop. */
    private void cleanUp(TrialStore store, String id, Heartbeat heartbeat) {
        try {
            save(); // finished trials are kept even when stopping
        } catch (RuntimeException e) {
            warn(id + ": could not record " + unsaved.size() + " finished trials; they will run again", e);
        }
        heartbeat.stop();
        for (ClaimedTrial t : held.values()) {
            try {
                if (store.cancel(t)) returned++;
            } catch (RuntimeException e) {
                warn(id + ": could not return trial " + t.id() + " to PENDING; its lease will expire", e);
            }
        }
        try {
            store.workerStopped(id);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "worker stop not recorded", e);
        }
    }

    private static String firstLine(String text) {
        String line = text == null ? "" : text.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 197) + "..." : line;
    }

    /** A store fault's message says everything; anything else gets its stack trace. */
    private static void warn(String message, RuntimeException e) {
        if (e instanceof StoreException) LOG.warning(message + ": " + e.getMessage());
        else LOG.log(Level.WARNING, message, e);
    }

    /** The heartbeat found the store damaged, gone or full: stop now, and rethrow the fault from {@link #run()}. */
    private void storeFault(StoreException e) {
        fault = e;
        stop();
    }

    /** Commits the finished trials not yet recorded, in one transaction, then runs their hooks. */
    private void save() {
        if (unsaved.isEmpty()) return;
        Set<Long> stale = unsaved.size() == 1 ? completeOne(unsaved.get(0)) : ctx.store().completeAll(unsaved);
        for (int i = 0; i < unsaved.size(); i++) {
            Completion c = unsaved.get(i);
            held.remove(c.trial().id());
            ClaimedTrial t = c.trial();
            Path trials = ctx.settings().trialsDir();
            if (stale.contains(t.id())) {
                lost++;
                LOG.warning(ctx.settings().workerId() + ": trial " + t.id()
                        + " was reclaimed while it ran (lease lapsed); its result and its attempt directory were discarded");
                if (withDir.remove(t.id())) try {
                    TrialDirs.discard(trials, t.id(), t.config(), t.attempt(), t.version());
                } catch (IOException e) {
                    LOG.warning(ctx.settings().workerId() + ": could not remove the discarded attempt directory of trial " + t.id() + ": " + e);
                }
                continue;
            }
            if (withDir.remove(t.id())) try {
                TrialDirs.publish(trials, t.id(), t.config(), t.attempt(), t.version());
            } catch (IOException e) { // the files stay in the attempt directory, where `logs` and the next attempt find them
                LOG.warning(ctx.settings().workerId() + ": trial " + t.id() + " is recorded, but its attempt directory could not be renamed into place: " + e);
            }
            evaluated++;
            if (c.outcome().state() == TrialState.DONE) done++;
            else failed++;
            for (TrialHook h : ctx.hooks()) h.afterTrial(c.trial(), c.outcome(), unsavedMillis.get(i));
        }
        unsaved.clear();
        unsavedMillis.clear();
    }

    private Set<Long> completeOne(Completion c) {
        try {
            ctx.store().complete(c.trial(), c.outcome());
            return Set.of();
        } catch (StaleTrialException e) {
            return Set.of(c.trial().id());
        }
    }

    private StopReason exitReason(long evaluated, long startedAt) {
        if (stopping) return StopReason.STOPPED;
        Limits l = ctx.limits();
        if (l.maxTrialsPerRun() != null && evaluated >= l.maxTrialsPerRun()) return StopReason.MAX_TRIALS_PER_RUN;
        if (l.wallTime() != null && ctx.clock().millis() - startedAt >= l.wallTime().toMillis()) return StopReason.WALL_TIME;
        if (l.maxCost() != null || l.maxTrials() != null) {
            Counts c = ctx.store().counts();
            if (l.maxCost() != null && c.cost() >= l.maxCost()) return StopReason.MAX_COST;
            if (l.maxTrials() != null && c.finished() >= l.maxTrials()) return StopReason.MAX_TRIALS;
        }
        return null;
    }

    /**
     * Nothing to claim: ask the strategy, reclaim lapsed leases, or wait for other workers' trials. A RUNNING
     * trial elsewhere may come back (its worker may be dead), so the worker waits for it even when
     * {@code max_trials} counts it: exiting "max_trials reached" then could leave it RUNNING forever.
     */
    private StopReason idle() {
        TrialStore store = ctx.store();
        RegistrationState registration = store.registration();
        if (registration == RegistrationState.IN_PROGRESS) // the plan's trials are still going in
            return store.reclaimExpired() > 0 ? null : pause();
        List<Config> more = ctx.strategy().more(ctx.space(), store, ctx.settings().maxBatch());
        if (!more.isEmpty()) {
            store.register(more.iterator());
            return null;
        }
        if (store.reclaimExpired() > 0) return null;
        if (!store.anyIn(TrialState.RUNNING)) {
            if (store.anyIn(TrialState.PENDING)) return null;
            return registration == RegistrationState.COMPLETE ? StopReason.NO_TRIALS_LEFT : StopReason.REGISTRATION_INTERRUPTED;
        }
        return pause();
    }

    /** Waits one idle poll: other processes' leases and registrations are seen only by polling. */
    private StopReason pause() {
        try {
            Thread.sleep(ctx.settings().idlePoll().toMillis());
        } catch (InterruptedException e) {
            if (stopping) return StopReason.STOPPED;
        }
        return null;
    }

    /** Runs the objective; null when the trial was lost (fenced out or stopped) meanwhile. */
    private Outcome evaluate(ClaimedTrial t) {
        Path trials = ctx.settings().trialsDir();
        Trial trial = new Trial(t.id(), t.config(), () -> {
            withDir.add(t.id());
            return TrialDirs.attempt(trials, t.id(), t.config(), t.attempt(), t.version());
        }, t.attempt(), new Trial.Link() {
            @Override
            public void phase(String phase) {
                ctx.store().phase(t, phase);
            }

            @Override
            public void report(long step, Map<String, Object> values) {
                ctx.store().report(t, step, Results.toJson(values));
            }

            @Override
            public java.util.Optional<Path> previousDir() { // the parent's published directory (or where a crash left it)
                return ctx.store().parentOf(t).flatMap(p -> {
                    Path recorded = TrialDirs.of(trials, p.id(), p.config());
                    return java.nio.file.Files.isDirectory(recorded) ? java.util.Optional.of(recorded) : dirOf(trials, p.id());
                });
            }

            @Override
            public boolean continuedLater() {
                return ctx.strategy() instanceof StoreSearch s && s.promotes();
            }

            @Override
            public java.util.Optional<Path> previousAttemptDir() {
                try {
                    return TrialDirs.previous(trials, t.id(), t.config(), t.version());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException("cannot list the attempt directories of trial " + t.id() + " in " + trials, e);
                }
            }
        });
        synchronized (evaluating) {
            current = t;
        }
        try {
            Map<String, Object> result = ctx.objective().evaluate(trial);
            if (!held.containsKey(t.id())) return null;
            Outcome outcome = Results.outcome(result, ctx.metric());
            if (outcome.cost() == null && ctx.strategy() instanceof StoreSearch search) {
                Double cost = search.defaultCost(t.config());
                if (cost != null) outcome = new Outcome(outcome.state(), outcome.resultJson(), outcome.metric(), cost, outcome.error(), outcome.startedAt());
            }
            return outcome;
        } catch (InterruptedException e) {
            return null;
        } catch (Exception | LinkageError | AssertionError | OutOfMemoryError e) {
            if (stopping || !held.containsKey(t.id())) return null;
            return Outcome.failed(Results.describe(e), null);
        } finally {
            synchronized (evaluating) {
                current = null;
                Thread.interrupted(); // clear a stop/fence interrupt so it cannot leak into store calls or the next trial
            }
        }
    }

    private static java.util.Optional<Path> dirOf(Path trials, long id) {
        try {
            return TrialDirs.find(trials, id);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot list the trial directories in " + trials, e);
        }
    }

    /** Heartbeat thread: these trials were reclaimed by others. Interrupts the evaluation only of the current one. */
    private void fencedOut(Set<Long> lostIds) {
        for (Long lostId : lostIds) held.remove(lostId);
        synchronized (evaluating) {
            ClaimedTrial c = current;
            if (c != null && lostIds.contains(c.id())) {
                LOG.warning(ctx.settings().workerId() + ": lost trial " + c.id() + " (its lease lapsed and it was reclaimed); interrupting it");
                runner.interrupt();
            }
        }
    }
}
