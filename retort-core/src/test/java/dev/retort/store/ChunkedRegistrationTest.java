package dev.retort.store;

import dev.retort.engine.GridSearch;
import dev.retort.engine.Limits;
import dev.retort.engine.Metric;
import dev.retort.engine.WorkerLoop;
import dev.retort.engine.WorkerSettings;
import dev.retort.plan.Plan;
import dev.retort.plan.PlanParser;
import dev.retort.run.Experiment;
import dev.retort.space.Config;
import dev.retort.space.Space;
import dev.retort.store.jdbc.Database;
import dev.retort.test.JavaProcesses;
import dev.retort.test.RegisterMain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registration in committed chunks (docs/store.md): workers start on the first chunk and wait for the rest; a
 * registration killed half-way is resumed without a duplicate or a gap; a second registrar waits for a live one.
 */
class ChunkedRegistrationTest {
    @TempDir
    Path dir;
    final List<Process> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.forEach(Process::destroyForcibly);
    }

    /** Configs i = 0..n-1, the later ones slow to produce (an expensive space), so registration outlasts the trials. */
    static Iterator<Config> slowSource(int n, int fastFirst, long nanosEach) {
        return new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return i < n;
            }

            @Override
            public Config next() {
                if (!hasNext()) throw new NoSuchElementException();
                if (i >= fastFirst) {
                    long until = System.nanoTime() + nanosEach;
                    while (System.nanoTime() < until) Thread.onSpinWait(); // the cost of producing this config
                }
                return Config.of("i", i++);
            }
        };
    }

    @Test
    void worker_started_on_the_first_chunk_waits_for_the_rest_and_runs_every_trial_once() throws Exception {
        int n = 600;
        try (Database db = Database.sqlite(dir.resolve("retort.db"), Clock.systemUTC())) {
            ExperimentRow row = db.create("slow", "{}", "plan-hash", "value", "MINIMIZE");
            try (TrialStore registrar = db.open(row, StoreSettings.DEFAULTS); TrialStore workerStore = db.open(row, StoreSettings.DEFAULTS)) {
                CountDownLatch firstChunk = new CountDownLatch(1);
                CompletableFuture<RegistrationState> registration = CompletableFuture.supplyAsync(() -> registrar.registerPlan(
                        "plan-hash", slowSource(n, 50, 2_000_000L), Registrant.of("here"), firstChunk::countDown, () -> false));
                assertThat(firstChunk.await(60, TimeUnit.SECONDS)).isTrue();
                assertThat(workerStore.registration()).isEqualTo(RegistrationState.IN_PROGRESS);

                AtomicLong startedBeforeComplete = new AtomicLong();
                Space space = Space.builder().factor("i", 0).build();
                WorkerLoop loop = new WorkerLoop(new WorkerLoop.Context(workerStore, space, new GridSearch(), trial -> {
                    if (workerStore.registration() == RegistrationState.IN_PROGRESS) startedBeforeComplete.incrementAndGet();
                    return Map.of("value", trial.config().getLong("i"));
                }, Metric.minimize("value"), Limits.NONE, WorkerSettings.of("early", dir.resolve("trials")), Clock.systemUTC(), List.of()));
                WorkerLoop.Summary s = loop.run();

                assertThat(registration.get(60, TimeUnit.SECONDS)).isEqualTo(RegistrationState.COMPLETE);
                assertThat(s.exitReason()).isEqualTo("no trials left");
                assertThat(s.evaluated()).isEqualTo(n);
                assertThat(startedBeforeComplete.get()).as("trials run while the registration went on").isPositive();
                assertThat(workerStore.counts().get(TrialState.DONE)).isEqualTo(n);
                assertThat(workerStore.trials(null)).allSatisfy(t -> assertThat(t.attempt()).isEqualTo(1));
                assertThat(workerStore.registration()).isEqualTo(RegistrationState.COMPLETE);
            }
        }
    }

    @Test
    void second_registrar_leaves_a_live_registration_alone_and_nothing_is_registered_twice() throws Exception {
        int n = 400;
        try (Database db = Database.sqlite(dir.resolve("retort.db"), Clock.systemUTC())) {
            ExperimentRow row = db.create("two", "{}", "plan-hash", "value", "MINIMIZE");
            try (TrialStore first = db.open(row, StoreSettings.DEFAULTS); TrialStore second = db.open(row, StoreSettings.DEFAULTS)) {
                CountDownLatch firstChunk = new CountDownLatch(1);
                CompletableFuture<RegistrationState> a = CompletableFuture.supplyAsync(() -> first.registerPlan(
                        "plan-hash", slowSource(n, 20, 2_000_000L), Registrant.of("here"), firstChunk::countDown, () -> false));
                assertThat(firstChunk.await(60, TimeUnit.SECONDS)).isTrue();
                RegistrationState b = second.registerPlan("plan-hash", slowSource(n, n, 0), Registrant.of("here"), () -> { }, () -> false);
                assertThat(b).isEqualTo(RegistrationState.IN_PROGRESS);
                assertThat(a.get(60, TimeUnit.SECONDS)).isEqualTo(RegistrationState.COMPLETE);
                assertThat(second.registerPlan("plan-hash", slowSource(n, n, 0), Registrant.of("here"), () -> { }, () -> false))
                        .isEqualTo(RegistrationState.COMPLETE);
            }
        }
        assertRegisteredOnce(dir.resolve("retort.db"), n);
    }

    @Test
    void registration_killed_with_sigkill_is_resumed_by_the_next_open_without_duplicates_or_gaps() throws Exception {
        int n = 300 * 300 * 4; // long enough to be caught half-way
        Path planFile = dir.resolve("plan.yaml");
        Files.writeString(planFile, """
                experiment: resumed
                objective: {class: dev.retort.examples.Noop}
                metric: {name: value, goal: minimize}
                space:
                  a: {range: [0, 300]}
                  b: {range: [0, 300]}
                  c: {range: [0, 4]}
                """);
        Path exp = dir.resolve("exp");
        Process child = JavaProcesses.start(RegisterMain.class, dir.resolve("child.log"), planFile.toString(), exp.toString());
        started.add(child);
        Path db = exp.resolve(Experiment.DB_FILE);
        long deadline = System.currentTimeMillis() + 120_000;
        long pending = 0;
        while (System.currentTimeMillis() < deadline) { // no cross-process event: poll the store, bounded
            if (Files.exists(db)) pending = pendingIfUnregistered(db);
            if (pending >= 20_000 || !child.isAlive()) break;
            Thread.onSpinWait();
        }
        assertThat(child.isAlive()).as("registration still running when killed; log: %s", Files.readString(dir.resolve("child.log"))).isTrue();
        assertThat(pending).isBetween(20_000L, (long) n - 1);
        child.destroyForcibly(); // SIGKILL
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(pendingIfUnregistered(db)).as("the kill left the registration unfinished").isPositive();

        Plan plan = new PlanParser(getClass().getClassLoader()).parse(planFile);
        try (Experiment e = Experiment.open(plan, exp, Experiment.Mode.STRICT, Clock.systemUTC())) {
            assertThat(e.awaitRegistered(120_000)).isTrue();
        }
        assertRegisteredOnce(db, n);
    }

    @Test
    void store_made_by_schema_version_1_opens_and_its_trials_stay_keyed() throws Exception {
        Path file = dir.resolve("retort.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            String v1 = new String(getClass().getResourceAsStream("/dev/retort/store/sqlite/V1__schema.sql").readAllBytes());
            for (String stmt : dev.retort.store.jdbc.MigrationsAccess.split(v1)) st.execute(stmt);
            st.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)");
            st.execute("INSERT INTO schema_version VALUES (1, 0)");
            st.execute("INSERT INTO experiment (id, name, plan_json, plan_hash, registered_hash, created_at) VALUES (1, 'old', '{}', 'h', 'h', 0)");
            for (TrialState s : TrialState.values()) st.execute("INSERT INTO trial_count (experiment_id, state) VALUES (1, '" + s + "')");
            Config x = Config.of("x", 1);
            st.execute("INSERT INTO trial (experiment_id, seq, config_json, hash64, state, created_at) VALUES (1, 1, '"
                    + x.toJson() + "', " + x.hash64() + ", 'PENDING', 0)");
            st.execute("UPDATE trial_count SET n = 1 WHERE state = 'PENDING'");
        }
        try (Database db = Database.sqlite(file, Clock.systemUTC())) {
            ExperimentRow row = db.find("old").orElseThrow();
            try (TrialStore store = db.open(row, StoreSettings.DEFAULTS)) {
                assertThat(store.registration()).isEqualTo(RegistrationState.COMPLETE);
                assertThat(store.byHash(Config.of("x", 1).hash())).hasValueSatisfying(t -> assertThat(t.id()).isEqualTo(1));
                assertThat(store.register(List.of(Config.of("x", 1), Config.of("x", 2)).iterator())).isEqualTo(1);
                assertThat(store.byHash(Config.of("x", 2).hash())).hasValueSatisfying(t -> assertThat(t.id()).isEqualTo(2));
            }
        }
    }

    /** PENDING trials committed so far while the plan is not yet registered; 0 once it is. */
    private static long pendingIfUnregistered(Path db) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 10000");
            try (ResultSet rs = st.executeQuery("SELECT registered_hash FROM experiment")) {
                if (!rs.next() || rs.getString(1) != null) return 0;
            }
            try (ResultSet rs = st.executeQuery("SELECT n FROM trial_count WHERE state = 'PENDING'")) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            if (e.getMessage().contains("no such table")) return 0; // the child is still migrating
            throw e;
        }
    }

    /** Exactly n trials, ids and seqs 1..n, n distinct configs, every one keyed, counts right, plan registered. */
    static void assertRegisteredOnce(Path db, long n) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*), COUNT(DISTINCT config_json), MIN(seq), MAX(seq), COUNT(DISTINCT seq),"
                     + " (SELECT COUNT(*) FROM trial_key), (SELECT COUNT(*) FROM trial t JOIN trial_key k ON k.trial_id = t.id AND k.hash64 = t.hash64),"
                     + " (SELECT n FROM trial_count WHERE state = 'PENDING'), (SELECT registered_hash = plan_hash FROM experiment),"
                     + " (SELECT COUNT(*) FROM experiment) FROM trial")) {
            rs.next();
            assertThat(rs.getLong(1)).as("trials").isEqualTo(n);
            assertThat(rs.getLong(2)).as("distinct configs").isEqualTo(n);
            assertThat(rs.getLong(3)).as("first seq").isEqualTo(1);
            assertThat(rs.getLong(4)).as("last seq").isEqualTo(n);
            assertThat(rs.getLong(5)).as("distinct seqs").isEqualTo(n);
            assertThat(rs.getLong(6)).as("keys").isEqualTo(n);
            assertThat(rs.getLong(7)).as("trials whose key points at them").isEqualTo(n);
            assertThat(rs.getLong(8)).as("PENDING count").isEqualTo(n);
            assertThat(rs.getBoolean(9)).as("registered").isTrue();
            assertThat(rs.getLong(10)).as("experiments").isEqualTo(1);
        }
    }
}
