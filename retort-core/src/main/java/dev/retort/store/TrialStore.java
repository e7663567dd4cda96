package dev.retort.store;

import dev.retort.space.Config;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The trials of one experiment, in a database shared by every worker. Each method is one transaction.
 *
 * <p>Fencing: {@link #claim} hands out trials with a version; {@link #complete}, {@link #cancel} and
 * {@link #renew} change a trial only while it still has that version. A worker presumed dead, whose trial
 * was reclaimed meanwhile, therefore cannot overwrite what another worker did.
 *
 * <p>An instance holds one database connection and is safe for use by several threads (calls serialise).
 */
public interface TrialStore extends AutoCloseable {

    ExperimentRow experiment();

    /**
     * Adds every config not yet present (by config hash), in iteration order, as PENDING trials.
     *
     * @return the number of trials added
     */
    long register(Iterator<Config> configs);

    /**
     * Adds the trials not yet present (by config hash) as PENDING, with their lineage, in one transaction. A
     * config already stored keeps the lineage it has.
     *
     * @return the number of trials added
     */
    long registerWithLineage(List<NewTrial> trials);

    /**
     * For a search driven by the store's rows: in one write transaction, reads every trial of the experiment
     * (id, config, state, attempt, metric, fidelity, rung and parent; the other fields are null), hands them to
     * {@code proposer}, registers the trials it returns (with their lineage) and claims the lowest
     * PENDING trial for {@code worker}, as {@link #claim} would. Two workers, on any hosts, never run the proposer
     * on the same rows: the transaction holds the experiment's write lock.
     *
     * @param maxTotal as for {@link #claim}: nothing is proposed or claimed once the finished trials (plus
     *                 RUNNING ones when {@code countRunning}) reach it
     * @return the claimed trial, or empty when nothing was proposed and nothing is PENDING
     */
    List<ClaimedTrial> claimProposed(String worker, Long maxTotal, boolean countRunning,
                                     java.util.function.Function<List<TrialRecord>, List<NewTrial>> proposer);

    /** Records that every config of the plan with {@code planHash} is registered. */
    void markRegistered(String planHash);

    /**
     * Registers a plan's configs, possibly millions, in committed chunks, so workers can claim the first trials
     * while the rest goes in; marks the plan registered at the end. Runs as {@code registrant}, holding a lease on
     * the experiment that keeps other registrations out; resumes an interrupted registration (keyed by config
     * hash, so nothing is added twice). Returns at once with {@link RegistrationState#IN_PROGRESS} when another
     * live registrar holds it.
     *
     * @param afterFirstChunk run once, after the first chunk is committed, unless that chunk held the whole plan
     * @param stop            checked between chunks: when true, the lease is given up and INTERRUPTED returned
     */
    RegistrationState registerPlan(String planHash, Iterator<Config> configs, Registrant registrant, Runnable afterFirstChunk,
                                   java.util.function.BooleanSupplier stop);

    /** Where the registration of the experiment's current plan stands, read from the store now. */
    RegistrationState registration();

    /** Stores the settings (limits, leases) of the current run, for workers that join it. */
    void updateSettings(String settingsJson);

    /** Replaces the stored plan description, after the user extended the experiment. */
    void updatePlan(String planJson, String planHash, String metricName, String metricGoal);

    /**
     * Atomically moves up to {@code max} PENDING trials, lowest id first, to RUNNING for {@code worker}, with a
     * lease; each claim bumps the trial's attempt and version.
     *
     * @param maxTotal if not null, claims only while finished (DONE + FAILED) trials, plus RUNNING ones when
     *                 {@code countRunning}, stay below it
     */
    List<ClaimedTrial> claim(String worker, int max, Long maxTotal, boolean countRunning);

    /**
     * Records several outcomes in one transaction (group commit for very short trials).
     *
     * @return the ids of trials no longer held; their outcomes were discarded
     */
    Set<Long> completeAll(java.util.List<Completion> completions);

    /** Claims the PENDING trial with this config hash, if it is PENDING. */
    java.util.Optional<ClaimedTrial> claimByHash(String worker, String configHash);

    /** Records the outcome of a held trial. @throws StaleTrialException when the trial is no longer held */
    void complete(ClaimedTrial trial, Outcome outcome);

    /** Records that a held trial entered {@code phase}. @throws StaleTrialException when no longer held */
    void phase(ClaimedTrial trial, String phase);

    /**
     * Records an intermediate result of a held trial at {@code step} (a repeated step of the same attempt
     * replaces the earlier one). @throws StaleTrialException when the trial is no longer held
     */
    void report(ClaimedTrial trial, long step, String valuesJson);

    /** Every intermediate result of the trial with this id, by attempt and step. */
    List<TrialReport> reports(long trialId);

    /** The trial with this id (as users see it), if any. */
    Optional<TrialRecord> trial(long id);

    /** The parent of a held trial (the same config one rung lower), if it has one. */
    Optional<TrialRecord> parentOf(ClaimedTrial trial);

    /** Returns a held trial to PENDING without counting the attempt. @return false if no longer held */
    boolean cancel(ClaimedTrial trial);

    /** Extends the leases of held trials. @return the ids of those no longer held (reclaimed meanwhile) */
    Set<Long> renew(Collection<ClaimedTrial> held);

    /**
     * Returns RUNNING trials whose lease lapsed to PENDING, or to FAILED once attempted {@code maxAttempts}
     * times. @return how many trials changed
     */
    int reclaimExpired();

    /**
     * Returns the RUNNING trials of a worker known to be dead (its process exited) to PENDING at once, or to
     * FAILED once attempted {@code maxAttempts} times; the attempt counts, as for a lapsed lease.
     *
     * @param why how the worker died, e.g. {@code worker w1 exited with code 137 (SIGKILL)}; stored as the error
     * @return how many trials changed
     */
    int reclaimWorker(String workerId, String why);

    /** Moves every trial in {@code state} to PENDING (for {@code reset} and a new run's SKIPPED trials). */
    int reset(TrialState state);

    /**
     * Moves these RUNNING trials to PENDING without counting the attempt, each only while it still has the
     * version it has in {@code trials} (a trial that finished or was reclaimed meanwhile is left alone).
     *
     * @return how many trials changed
     */
    int resetRunning(Collection<TrialRecord> trials);

    Counts counts();

    /** For every parameter and each of its values, the trials per state (execo's sweep_stats). */
    java.util.Map<String, java.util.Map<Object, Counts>> countsByParameterValue();

    /** For a multi-fidelity search, the trials per state at each rung, by rung; empty when no trial has one. */
    java.util.SortedMap<Integer, Counts> countsByRung();

    boolean anyIn(TrialState state);

    Optional<TrialRecord> byHash(String configHash);

    List<TrialRecord> trials(TrialState stateOrNull);

    /** Streams every trial, by id, without holding them all in memory. */
    void forEach(Consumer<TrialRecord> action);

    /** The best DONE trials by the stored metric. */
    List<TrialRecord> best(boolean maximize, int limit);

    /**
     * The id, start, finish and metric of every DONE trial that finished at or after {@code sinceMillis}, in
     * finishing order: what a live view's history and ETA need, without reading configs and results, and
     * incrementally (a dashboard over 100,000 trials refreshes every 2 s). {@code Long.MIN_VALUE}: all of them.
     */
    List<FinishedMetric> finishedMetrics(long sinceMillis);

    /** A DONE trial's times (epoch milliseconds, the store's clock) and metric (null when it has none). */
    record FinishedMetric(long id, Long startedAt, Long finishedAt, Double metric) {
    }

    void workerStarted(String workerId, String host, long pid);

    void workerHeartbeat(String workerId);

    void workerStopped(String workerId);

    /** Every worker that joined the experiment, by id. */
    List<WorkerRecord> workers();

    StoreSettings settings();

    /**
     * The store's time, epoch milliseconds: the clock of every lease and recorded time (a server's, corrected for
     * this host's offset to it). Compare leases with this, never with this host's own clock.
     */
    long now();

    /**
     * Checks the whole store for damage (SQLite: {@code PRAGMA quick_check}, which reads every page).
     *
     * @throws StoreDamagedException when it is damaged; the message says how to check it by hand
     */
    void checkIntegrity();

    /**
     * Checks that the store is still the one this store opened (not deleted, moved or replaced). Cheap: it
     * looks at the file at most once per millisecond and reads no page.
     *
     * @param what what the caller is about to do, for the message
     * @throws StoreGoneException when the store was deleted, moved or replaced
     */
    void checkSameStore(String what);

    @Override
    void close();
}
