package dev.retort.sweep;

import dev.retort.engine.Heartbeat;
import dev.retort.engine.Hosts;
import dev.retort.space.Config;
import dev.retort.space.Space;
import dev.retort.store.ClaimedTrial;
import dev.retort.store.Counts;
import dev.retort.store.ExperimentRow;
import dev.retort.store.Outcome;
import dev.retort.store.StoreSettings;
import dev.retort.store.TrialRecord;
import dev.retort.store.TrialState;
import dev.retort.store.TrialStore;
import dev.retort.store.jdbc.Database;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * execo's {@code ParamSweeper} over Retort's store: iterate a space's combinations from many threads and
 * processes, each combination handed out once. Unlike execo's file-locked sets, a crashed holder's
 * combinations come back by lease expiry, and a holder presumed dead cannot mark them afterwards.
 *
 * <pre>{@code
 * try (ParamSweeper s = ParamSweeper.open(Path.of("runs/sweep"), "sweep", space)) {
 *     for (Optional<Config> c = s.next(); c.isPresent(); c = s.next()) { work(c.get()); s.done(c.get()); }
 * }
 * }</pre>
 * {@link #skip} means "not in this run": the next {@link #open} makes skipped combinations remaining again.
 */
public final class ParamSweeper implements AutoCloseable {
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final Database db;
    private final TrialStore store;
    private final String worker;
    private final Map<Long, ClaimedTrial> held = new ConcurrentHashMap<>();
    private final Map<Config, ClaimedTrial> byConfig = new ConcurrentHashMap<>();
    private final Heartbeat heartbeat;

    private ParamSweeper(Database db, TrialStore store) {
        this.db = db;
        this.store = store;
        this.worker = Hosts.workerId("sweeper" + INSTANCES.incrementAndGet());
        this.heartbeat = new Heartbeat(store, held, lost -> lost.forEach(id -> {
            ClaimedTrial t = held.remove(id);
            if (t != null) byConfig.remove(t.config());
        }), fault -> { /* the caller's next store call throws the same fault */ }, worker);
        heartbeat.start();
    }

    /** Opens (creating if needed) the sweep {@code name} in {@code dir}, registering the space's grid. */
    public static ParamSweeper open(Path dir, String name, Space space) {
        return open(dir, name, space, StoreSettings.DEFAULTS, Clock.systemUTC());
    }

    public static ParamSweeper open(Path dir, String name, Space space, StoreSettings settings, Clock clock) {
        Database db = Database.sqlite(dir.resolve("retort.db"), clock);
        try {
            String plan = "{\"sweep\":" + space.toJson() + "}";
            String hash = Config.sha256Hex(plan);
            ExperimentRow row = db.create(name, plan, hash, null, null);
            TrialStore store = db.open(row, settings);
            if (!row.isRegistered(hash)) {
                store.register(space.grid());
                store.markRegistered(hash);
            }
            store.reset(TrialState.SKIPPED);
            return new ParamSweeper(db, store);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** The next remaining combination, now in progress for this sweeper; empty when none remains. */
    public Optional<Config> next() {
        List<ClaimedTrial> got = store.claim(worker, 1, null, true);
        return got.isEmpty() ? Optional.empty() : Optional.of(hold(got.get(0)));
    }

    /** The first remaining combination (by id) that {@code filter} accepts. */
    public Optional<Config> next(Predicate<Config> filter) {
        List<Config> batch = nextBatch(1, filter);
        return batch.isEmpty() ? Optional.empty() : Optional.of(batch.get(0));
    }

    /** Up to {@code n} remaining combinations that {@code filter} accepts, each now in progress. */
    public List<Config> nextBatch(int n, Predicate<Config> filter) {
        List<Config> out = new ArrayList<>();
        for (TrialRecord r : store.trials(TrialState.PENDING)) {
            if (out.size() >= n) break;
            if (!filter.test(r.config())) continue;
            store.claimByHash(worker, r.configHash()).ifPresent(t -> out.add(hold(t))); // lost the race: try the next
        }
        return out;
    }

    private Config hold(ClaimedTrial t) {
        held.put(t.id(), t);
        byConfig.put(t.config(), t);
        return t.config();
    }

    /** Marks a combination this sweeper holds as done. */
    public void done(Config c) {
        finish(c, Outcome.done("{}", null, null));
    }

    /** Marks a held combination skipped: not handed out again in this run, remaining again in the next. */
    public void skip(Config c) {
        finish(c, Outcome.skipped("skipped"));
    }

    /** Gives a held combination back: remaining again at once. */
    public void cancel(Config c) {
        ClaimedTrial t = release(c);
        store.cancel(t);
    }

    private void finish(Config c, Outcome o) {
        store.complete(release(c), o);
    }

    private ClaimedTrial release(Config c) {
        ClaimedTrial t = byConfig.remove(c);
        if (t == null) throw new IllegalStateException("combination " + c + " is not in progress in this sweeper (" + worker + ")");
        held.remove(t.id());
        return t;
    }

    /** Makes skipped combinations remaining again, and in-progress ones too when {@code includeRunning}. */
    public int reset(boolean includeRunning) {
        int n = store.reset(TrialState.SKIPPED);
        if (includeRunning) {
            n += store.reset(TrialState.RUNNING);
            held.clear();
            byConfig.clear();
        }
        return n;
    }

    public Counts stats() {
        return store.counts();
    }

    public Map<String, Map<Object, Counts>> statsByParameterValue() {
        return store.countsByParameterValue();
    }

    public List<Config> remaining() {
        return configs(TrialState.PENDING);
    }

    public List<Config> running() {
        return configs(TrialState.RUNNING);
    }

    public List<Config> done() {
        return configs(TrialState.DONE);
    }

    public List<Config> skipped() {
        return configs(TrialState.SKIPPED);
    }

    private List<Config> configs(TrialState s) {
        return store.trials(s).stream().map(TrialRecord::config).toList();
    }

    /** Returns what this sweeper still holds to the remaining set, and closes the store. */
    @Override
    public void close() {
        heartbeat.stop();
        for (ClaimedTrial t : held.values()) store.cancel(t);
        held.clear();
        byConfig.clear();
        store.close();
        db.close();
    }

}
