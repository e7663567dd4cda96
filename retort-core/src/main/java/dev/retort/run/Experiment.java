package dev.retort.run;

import dev.retort.PlanException;

import dev.retort.engine.TrialHook;
import dev.retort.engine.WorkerLoop;
import dev.retort.engine.WorkerSettings;
import dev.retort.plan.Plan;
import dev.retort.plan.PlanJson;
import dev.retort.space.Config;
import dev.retort.store.DiskFullException;
import dev.retort.store.ExperimentRow;
import dev.retort.store.StoreDamagedException;
import dev.retort.store.StoreException;
import dev.retort.store.StoreGoneException;
import dev.retort.store.StoreLocation;
import dev.retort.store.TrialState;
import dev.retort.store.TrialStore;
import dev.retort.store.jdbc.Database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An experiment: its store, found at a {@link StoreLocation} (a SQLite directory with {@code retort.db}, or a
 * database server shared by many experiments), and its artifact root with {@code trials/} and {@code logs/}.
 * Opening one with a plan checks the plan against the stored one and registers any configs not yet there;
 * joining one rebuilds the plan from the store.
 */
public final class Experiment implements AutoCloseable {
    public static final String DB_FILE = StoreLocation.Directory.DB_FILE;

    private final StoreLocation location;
    private final Path dir;
    private final Database db;
    private final ExperimentRow row;
    private final Plan plan;
    private final List<String> notices;
    private final PlanRegistration registration; // null when the plan was registered already

    private Experiment(StoreLocation location, Database db, ExperimentRow row, Plan plan, List<String> notices, PlanRegistration registration) {
        this.location = location;
        this.dir = location.artifacts();
        this.db = db;
        this.row = row;
        this.plan = plan;
        this.notices = List.copyOf(notices);
        this.registration = registration;
    }

    /** What to do when the experiment exists with another plan. */
    public enum Mode {
        /** Refuse a changed plan with a readable diff. */
        STRICT,
        /** Add the new plan's configs and keep what is done (the objective and metric must not change). */
        EXTEND
    }

    /**
     * How to open an experiment.
     *
     * @param mode            what to do when the experiment exists with another plan
     * @param overwriteTrials run even though the store is missing or empty while trial directories of an
     *                        earlier run are there (they are overwritten as their trials run again); without
     *                        it, {@link #open} refuses with a {@link PlanException} saying what it found
     */
    public record Options(Mode mode, boolean overwriteTrials) {
        public static Options of(Mode mode) {
            return new Options(mode, false);
        }
    }

    /** {@link #open(Plan, Path, Options, Clock)} without overwriting trial directories of a lost store. */
    public static Experiment open(Plan plan, Path dir, Mode mode, Clock clock) {
        return open(plan, dir, Options.of(mode), clock);
    }

    /**
     * Opens or creates the experiment for {@code plan} in {@code dir} and registers its configs: returns once the
     * first chunk is committed, and goes on registering the rest on a thread of its own until every config is
     * stored or the experiment is closed (workers wait meanwhile; see docs/store.md). Nothing is written when the
     * plan is refused. What the caller should tell the user (e.g. that finished trials are
     * re-evaluated) is in {@link #notices()}: this class prints nothing.
     */
    public static Experiment open(Plan plan, Path dir, Options options, Clock clock) {
        return open(plan, new StoreLocation.Directory(dir), options, clock);
    }

    /** {@link #open(Plan, Path, Options, Clock)} at any store: the experiment is the plan's, by name. */
    public static Experiment open(Plan plan, StoreLocation at, Options options, Clock clock) {
        StoreLocation location = at.withExperiment(plan.name());
        Path dir = location.artifacts();
        String identity = plan.identityJson();
        String hash = Config.sha256Hex(identity);
        String lost = Database.missingOrEmpty(location);
        boolean existed = lost == null || lost.equals("empty");
        if (lost != null) refuseOverwriting(dir, lost, options);
        Database db = Database.open(location, clock); // opening an existing store writes nothing
        if (existed) {
            // check before creating anything, so a refused plan writes nothing
            try {
                Optional<ExperimentRow> existing = db.find(plan.name());
                existing.ifPresent(e -> check(e, plan, identity, options.mode(), location));
                if (location.ownsStore()) {
                    List<String> others = db.experimentNames();
                    if (existing.isEmpty() && !others.isEmpty())
                        throw new PlanException(dir + " holds experiment '" + others.get(0) + "', not '" + plan.name()
                                + "'; allowed: the same experiment name, or another --dir");
                    if (others.isEmpty()) refuseOverwriting(dir, "empty (it holds no experiment)", options);
                } else if (existing.isEmpty()) {
                    refuseOverwriting(dir, "without experiment '" + plan.name() + "'", options);
                }
            } catch (RuntimeException e) {
                db.close();
                throw e;
            }
        }
        List<String> notices = new ArrayList<>();
        try {
            ExperimentRow row = db.create(plan.name(), identity, hash, plan.metric().name(), plan.metric().goal().name());
            try (TrialStore store = db.open(row, plan.store())) {
                if (evaluationChanged(row.settingsJson(), plan.settingsJson())) {
                    // the objective computes its metrics from saved artifacts: re-evaluate, never recompute
                    int n = store.reset(TrialState.DONE);
                    notices.add("the evaluation changed; re-evaluating " + n + " finished trials from their saved artifacts");
                }
                if (!row.planHash().equals(hash)) store.updatePlan(identity, hash, plan.metric().name(), plan.metric().goal().name());
                store.updateSettings(plan.settingsJson());
                // skip means "not in this run": a new run retries skipped trials (execo semantics)
                store.reset(TrialState.SKIPPED);
            }
            PlanRegistration registration = row.isRegistered(hash) ? null : PlanRegistration.start(db, row, plan, hash);
            row = db.find(plan.name()).orElseThrow();
            return new Experiment(location, db, row, plan, notices, registration);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * True when the objective's runtime {@code evaluation} entry (e.g. the recommender metrics) differs from
     * the stored one. Objectives that set it promise to evaluate DONE trials again from saved artifacts.
     */
    static boolean evaluationChanged(String storedSettings, String newSettings) {
        if (storedSettings == null) return false;
        com.fasterxml.jackson.databind.JsonNode a = PlanJson.tree(storedSettings).path("objective_runtime").path("evaluation");
        com.fasterxml.jackson.databind.JsonNode b = PlanJson.tree(newSettings).path("objective_runtime").path("evaluation");
        return !a.isMissingNode() && !b.isMissingNode() && !a.equals(b);
    }

    private static void check(ExperimentRow existing, Plan plan, String identity, Mode mode, StoreLocation location) {
        String dir = location.redacted();
        if (existing.planJson().equals(identity)) return;
        Plan old = PlanJson.fromStored(existing.name(), existing.planJson(), existing.settingsJson());
        String diff = String.join("\n", PlanDiff.changes(existing.planJson(), identity).stream().map(l -> "  " + l).toList());
        boolean sameObjective = old.objective().kind().equals(plan.objective().kind())
                && old.objective().identity().equals(plan.objective().identity()) && old.metric().equals(plan.metric());
        if (mode == Mode.EXTEND && sameObjective) return;
        String why = mode == Mode.EXTEND
                ? "--extend keeps the objective and metric fixed, and this plan changes them"
                : "run with --extend to add the new configs and keep what is done, or choose another --dir";
        throw new PlanException("experiment '" + existing.name() + "' in " + dir + " was started with another plan"
                + "; changed (stored -> this plan):\n" + diff + "\n" + why);
    }

    /** Joins the experiment stored in {@code dir} (the only one in its database). */
    public static Experiment join(Path dir, Clock clock) {
        return join(new StoreLocation.Directory(dir), clock);
    }

    /** Joins the experiment at {@code location}: the only one of a directory's store, or the one it names. */
    public static Experiment join(StoreLocation location, Clock clock) {
        if ("missing".equals(Database.missingOrEmpty(location)))
            throw new PlanException(location.redacted() + ": no experiment here (no " + DB_FILE + "); allowed: a directory made by 'retort run'");
        Database db = Database.open(location, clock);
        try {
            ExperimentRow row;
            if (location.experiment() == null) {
                List<String> names = db.experimentNames();
                if (names.isEmpty()) throw new PlanException(location.redacted() + ": the store holds no experiment yet");
                row = db.find(names.get(0)).orElseThrow();
            } else {
                row = db.find(location.experiment()).orElseThrow(() -> {
                    List<String> names = db.experimentNames();
                    return PlanException.at(null, "--experiment", location.experiment(), "is not in the store " + location.redacted(),
                            names.isEmpty() ? "the name of an experiment started there with 'retort run' (none yet)" : String.join(", ", names));
                });
            }
            Plan plan = PlanJson.fromStored(row.name(), row.planJson(), row.settingsJson());
            return new Experiment(location, db, row, plan, List.of(), null);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** A lost store beside an earlier run's trial directories: refuse, unless told to overwrite them. */
    private static void refuseOverwriting(Path dir, String storeState, Options options) {
        if (options.overwriteTrials()) return;
        LeftArtifacts left = LeftArtifacts.in(dir, dir.resolve("trials"), dir.resolve("logs"));
        if (left.any()) throw left.refusal(dir, storeState);
    }

    /** What the caller should tell the user about opening (for example a re-evaluation); empty for a join. */
    public List<String> notices() {
        return notices;
    }

    /**
     * The fault that explains why workers stopped, if any: the store was deleted, moved or replaced, the file
     * system under the experiment is full, or the store is damaged (a full {@code quick_check}). Call it when
     * a worker ended badly: a worker's own message may be lost with its log (a full disk, a deleted directory).
     */
    public Optional<StoreException> fault() {
        String what = "running trials of experiment '" + row.name() + "'";
        try {
            db.checkSameStore(what);
        } catch (StoreGoneException e) {
            return Optional.of(e);
        }
        for (Path d : List.of(dir, trialsDir()))
            if (DiskFullException.nearlyFull(d)) return Optional.of(new DiskFullException(d.toAbsolutePath().toString(), what, null));
        try (TrialStore store = store()) {
            store.checkIntegrity();
        } catch (StoreDamagedException | StoreGoneException | DiskFullException e) {
            return Optional.of(e);
        }
        return Optional.empty();
    }

    /** The artifact root: trial directories and logs are under it. */
    public Path dir() {
        return dir;
    }

    /** Where the experiment lives. */
    public StoreLocation location() {
        return location;
    }

    public Plan plan() {
        return plan;
    }

    public ExperimentRow row() {
        return row;
    }

    public Path trialsDir() {
        return dir.resolve("trials");
    }

    public Path logsDir() {
        return dir.resolve("logs");
    }

    /** A store on its own connection, with the plan's lease settings. Close it. */
    public TrialStore store() {
        return db.open(row, plan.store());
    }

    /** Runs one worker in this thread until it stops; the caller may stop it from another thread. */
    public WorkerLoop worker(TrialStore store, String workerId, ClassLoader loader, List<TrialHook> hooks, Clock clock) {
        // a strategy no registration on this class path knows cannot propose configs: refuse before claiming any
        if (plan.search() instanceof dev.retort.plan.UnknownSearch unknown) throw unknown.refusal();
        WorkerLoop.Context ctx = new WorkerLoop.Context(store, plan.space(), plan.search(),
                Objectives.create(plan.objective(), dir, loader), plan.metric(), plan.limits(),
                WorkerSettings.of(workerId, trialsDir()), clock, hooks);
        return new WorkerLoop(ctx);
    }

    /**
     * Waits up to {@code millis} for the registration this {@link #open} started; true when every config of the
     * plan is registered (also when nothing had to be registered).
     */
    public boolean awaitRegistered(long millis) throws InterruptedException {
        return registration == null || registration.await(millis);
    }

    @Override
    public void close() {
        try {
            if (registration != null) registration.close(); // an unfinished registration is resumed by the next run
        } finally {
            db.close();
        }
    }

}
