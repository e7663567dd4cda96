package dev.retort.store;

import dev.retort.space.Config;
import dev.retort.store.jdbc.Database;
import dev.retort.test.SettableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The trial store's behaviour, written once and run against every dialect: a subclass per database says how to
 * open a store (the same one on every call within a test) and nothing else.
 */
abstract class TrialStoreContract {
    private static final AtomicInteger EXPERIMENTS = new AtomicInteger();

    SettableClock clock = new SettableClock();
    Database db;
    TrialStore store;
    /** The experiment of this test: a store on a server holds the experiments of every test of the class. */
    String name = "exp" + EXPERIMENTS.incrementAndGet();

    static final StoreSettings SETTINGS = new StoreSettings(Duration.ofSeconds(30), Duration.ofSeconds(10), 2);

    /** Opens (creating on first call) this test's store database. */
    abstract Database openDatabase(Clock clock);

    @BeforeEach
    void open() {
        db = openDatabase(clock);
        ExperimentRow e = db.create(name, "{}", "h1", "value", "MINIMIZE");
        store = db.open(e, SETTINGS);
    }

    @AfterEach
    void close() {
        store.close();
        db.close();
    }

    static List<Config> configs(int n) {
        List<Config> out = new ArrayList<>();
        IntStream.range(0, n).forEach(i -> out.add(Config.of("i", i)));
        return out;
    }

    @Test
    void register_is_idempotent_by_config_hash_and_keeps_ids() {
        assertThat(store.register(configs(5).iterator())).isEqualTo(5);
        assertThat(store.register(configs(7).iterator())).isEqualTo(2);
        List<TrialRecord> all = store.trials(null);
        assertThat(all).extracting(TrialRecord::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(all.get(6).config()).isEqualTo(Config.of("i", 6));
        assertThat(store.counts().get(TrialState.PENDING)).isEqualTo(7);
    }

    @Test
    void register_into_an_empty_store_skips_repeats_in_the_stream_and_keeps_the_unique_key() {
        List<Config> stream = new ArrayList<>(configs(300));
        stream.addAll(configs(300)); // every config twice, as a random search in a small space may draw them
        assertThat(store.register(stream.iterator())).isEqualTo(300);
        assertThat(store.counts().get(TrialState.PENDING)).isEqualTo(300);
        assertThat(store.byHash(Config.of("i", 299).hash())).isPresent();
        // the unique index exists again after the bulk load: a second registration adds nothing
        assertThat(store.register(configs(301).iterator())).isEqualTo(1);
        assertThat(store.trials(null)).hasSize(301).extracting(TrialRecord::config).doesNotHaveDuplicates();
    }

    @Test
    void claim_hands_lowest_ids_first_and_never_twice() {
        store.register(configs(5).iterator());
        List<ClaimedTrial> a = store.claim("a", 2, null, true);
        List<ClaimedTrial> b = store.claim("b", 10, null, true);
        assertThat(a).extracting(ClaimedTrial::id).containsExactly(1L, 2L);
        assertThat(b).extracting(ClaimedTrial::id).containsExactly(3L, 4L, 5L);
        assertThat(a.get(0).attempt()).isEqualTo(1);
        assertThat(store.claim("c", 1, null, true)).isEmpty();
        assertThat(store.counts().get(TrialState.RUNNING)).isEqualTo(5);
    }

    @Test
    void complete_records_result_metric_and_cost_in_counts() {
        store.register(configs(2).iterator());
        ClaimedTrial t = store.claim("a", 1, null, true).get(0);
        store.complete(t, Outcome.done("{\"value\":1.5,\"cost\":2.0}", 1.5, 2.0));
        TrialRecord r = store.byHash(Config.of("i", 0).hash()).orElseThrow();
        assertThat(r.state()).isEqualTo(TrialState.DONE);
        assertThat(r.metric()).isEqualTo(1.5);
        assertThat(r.worker()).isEqualTo("a");
        assertThat(store.counts().cost()).isEqualTo(2.0);
        assertThat(store.counts().get(TrialState.DONE)).isEqualTo(1);
    }

    @Test
    void stale_worker_late_completion_is_rejected_by_the_fencing_version() {
        store.register(configs(1).iterator());
        ClaimedTrial stale = store.claim("slow", 1, null, true).get(0);
        clock.advance(Duration.ofSeconds(31));
        assertThat(store.reclaimExpired()).isEqualTo(1);
        ClaimedTrial fresh = store.claim("fast", 1, null, true).get(0);
        assertThat(fresh.attempt()).isEqualTo(2);
        store.complete(fresh, Outcome.done("{\"value\":2}", 2.0, null));

        assertThatThrownBy(() -> store.complete(stale, Outcome.done("{\"value\":99}", 99.0, null)))
                .isInstanceOf(StaleTrialException.class).hasMessageContaining("trial 1");
        assertThat(store.cancel(stale)).isFalse();
        assertThat(store.renew(List.of(stale))).containsExactly(1L);
        TrialRecord r = store.trials(null).get(0);
        assertThat(r.metric()).isEqualTo(2.0);
        assertThat(r.worker()).isEqualTo("fast");
    }

    @Test
    void heartbeat_renewal_keeps_a_trial_from_being_reclaimed() {
        store.register(configs(1).iterator());
        ClaimedTrial t = store.claim("a", 1, null, true).get(0);
        clock.advance(Duration.ofSeconds(20));
        assertThat(store.renew(List.of(t))).isEmpty();
        clock.advance(Duration.ofSeconds(20));
        assertThat(store.reclaimExpired()).isZero();
        clock.advance(Duration.ofSeconds(11));
        assertThat(store.reclaimExpired()).isEqualTo(1);
        assertThat(store.trials(null).get(0).error()).contains("lease of worker a expired during attempt 1");
    }

    @Test
    void lease_expiry_after_max_attempts_fails_the_trial() {
        store.register(configs(1).iterator());
        for (int i = 0; i < 2; i++) {
            store.claim("w" + i, 1, null, true);
            clock.advance(Duration.ofSeconds(31));
            store.reclaimExpired();
        }
        TrialRecord r = store.trials(null).get(0);
        assertThat(r.state()).isEqualTo(TrialState.FAILED);
        assertThat(r.error()).contains("lease expired in 2 attempts");
        assertThat(store.counts().get(TrialState.FAILED)).isEqualTo(1);
        assertThat(store.counts().get(TrialState.RUNNING)).isZero();
    }

    @Test
    void cancel_returns_a_trial_to_pending_without_counting_the_attempt() {
        store.register(configs(1).iterator());
        ClaimedTrial t = store.claim("a", 1, null, true).get(0);
        assertThat(store.cancel(t)).isTrue();
        TrialRecord r = store.trials(null).get(0);
        assertThat(r.state()).isEqualTo(TrialState.PENDING);
        assertThat(r.attempt()).isZero();
        assertThat(store.claim("b", 1, null, true).get(0).attempt()).isEqualTo(1);
    }

    @Test
    void claim_respects_max_total_counting_running_or_not() {
        store.register(configs(10).iterator());
        assertThat(store.claim("a", 10, 3L, true)).hasSize(3);
        assertThat(store.claim("b", 10, 3L, true)).isEmpty();
        assertThat(store.claim("b", 10, 3L, false)).hasSize(3); // none finished yet
    }

    @Test
    void reset_moves_failed_and_running_back_to_pending() {
        store.register(configs(3).iterator());
        List<ClaimedTrial> got = store.claim("a", 3, null, true);
        store.complete(got.get(0), Outcome.failed("boom", null));
        assertThat(store.reset(TrialState.FAILED)).isEqualTo(1);
        assertThat(store.reset(TrialState.RUNNING)).isEqualTo(2);
        assertThat(store.counts().get(TrialState.PENDING)).isEqualTo(3);
        assertThatThrownBy(() -> store.complete(got.get(1), Outcome.done("{}", 1.0, null)))
                .isInstanceOf(StaleTrialException.class);
    }

    @Test
    void reclaim_worker_returns_a_dead_workers_trials_counting_the_attempt_and_fails_them_at_max_attempts() {
        store.register(configs(3).iterator());
        List<ClaimedTrial> first = store.claim("dead", 2, null, true);
        store.claim("alive", 1, null, true);
        assertThat(store.reclaimWorker("dead", "worker dead died (exit code 137 (SIGKILL))")).isEqualTo(2);
        TrialRecord back = store.trials(null).get(0);
        assertThat(back.state()).isEqualTo(TrialState.PENDING);
        assertThat(back.attempt()).isEqualTo(1);
        assertThat(back.error()).isEqualTo("worker dead died (exit code 137 (SIGKILL)) during attempt 1");
        assertThat(store.trials(null).get(2).worker()).as("another worker's trial is left alone").isEqualTo("alive");
        assertThatThrownBy(() -> store.complete(first.get(0), Outcome.done("{}", 1.0, null))).isInstanceOf(StaleTrialException.class);

        store.claim("dead2", 1, null, true); // attempt 2 of trial 1: SETTINGS allow 2
        assertThat(store.reclaimWorker("dead2", "worker dead2 died (exit code 7)")).isEqualTo(1);
        TrialRecord failed = store.trials(null).get(0);
        assertThat(failed.state()).isEqualTo(TrialState.FAILED);
        assertThat(failed.error()).isEqualTo("worker dead2 died (exit code 7) during attempt 2; gave up after 2 attempts (store.max_attempts)");
        assertThat(store.counts().get(TrialState.FAILED)).isEqualTo(1);
    }

    @Test
    void reset_running_takes_only_trials_still_at_the_version_read() {
        store.register(configs(2).iterator());
        List<ClaimedTrial> got = store.claim("a", 2, null, true);
        List<TrialRecord> seen = store.trials(TrialState.RUNNING);
        store.complete(got.get(1), Outcome.done("{}", 1.0, null)); // finished after it was read
        assertThat(store.resetRunning(seen)).isEqualTo(1);
        assertThat(store.trials(null)).extracting(TrialRecord::state).containsExactly(TrialState.PENDING, TrialState.DONE);
        assertThat(store.trials(null).get(0).attempt()).as("a reset does not count the attempt").isZero();
    }

    @Test
    void workers_lists_who_joined_with_stopped_at_only_once_stopped() {
        store.workerStarted("w1", "h", 11);
        store.workerStarted("w2", "h", 12);
        store.workerStopped("w2");
        assertThat(store.workers()).extracting(WorkerRecord::id, WorkerRecord::pid).containsExactly(
                org.assertj.core.groups.Tuple.tuple("w1", 11L), org.assertj.core.groups.Tuple.tuple("w2", 12L));
        assertThat(store.workers().get(0).stoppedAt()).isNull();
        assertThat(store.workers().get(1).stoppedAt()).isEqualTo(db.clock().millis());
    }

    @Test
    void best_orders_by_metric_with_goal() {
        store.register(configs(3).iterator());
        List<ClaimedTrial> got = store.claim("a", 3, null, true);
        store.complete(got.get(0), Outcome.done("{}", 3.0, null));
        store.complete(got.get(1), Outcome.done("{}", 1.0, null));
        store.complete(got.get(2), Outcome.done("{}", 2.0, null));
        assertThat(store.best(false, 2)).extracting(TrialRecord::metric).containsExactly(1.0, 2.0);
        assertThat(store.best(true, 1)).extracting(TrialRecord::metric).containsExactly(3.0);
    }

    @Test
    void finished_metrics_are_the_done_trials_in_finishing_order_from_a_given_time() {
        store.register(configs(4).iterator());
        List<ClaimedTrial> got = store.claim("a", 4, null, true);
        clock.advance(Duration.ofSeconds(1));
        store.complete(got.get(2), Outcome.done("{}", 3.0, null));
        clock.advance(Duration.ofSeconds(1));
        store.complete(got.get(0), Outcome.done("{}", null, null));
        store.complete(got.get(3), Outcome.failed("boom", null));
        clock.advance(Duration.ofSeconds(1));
        store.complete(got.get(1), Outcome.done("{}", 2.0, null));
        // what the full records say, in finishing order (a server's store may stamp with its own clock)
        List<TrialRecord> done = new ArrayList<>(store.trials(TrialState.DONE));
        done.sort(java.util.Comparator.comparing(TrialRecord::finishedAt).thenComparing(TrialRecord::id));
        List<TrialStore.FinishedMetric> all = store.finishedMetrics(Long.MIN_VALUE);
        assertThat(all).hasSize(3); // not the FAILED one
        for (int i = 0; i < 3; i++) {
            assertThat(all.get(i).id()).isEqualTo(done.get(i).id());
            assertThat(all.get(i).startedAt()).isEqualTo(done.get(i).startedAt());
            assertThat(all.get(i).finishedAt()).isEqualTo(done.get(i).finishedAt());
            assertThat(all.get(i).metric()).isEqualTo(done.get(i).metric());
        }
        assertThat(all).extracting(TrialStore.FinishedMetric::metric).contains(3.0, null, 2.0);
        long last = all.get(2).finishedAt();
        assertThat(store.finishedMetrics(last)).extracting(TrialStore.FinishedMetric::finishedAt).allMatch(f -> f >= last).isNotEmpty();
        assertThat(store.finishedMetrics(last + 1)).isEmpty();
    }

    @Test
    void reopening_the_store_keeps_everything() {
        store.register(configs(2).iterator());
        ClaimedTrial t = store.claim("a", 1, null, true).get(0);
        store.complete(t, Outcome.done("{\"value\":1}", 1.0, null));
        store.close();
        db.close();
        db = openDatabase(clock);
        store = db.open(db.find(name).orElseThrow(), SETTINGS);
        assertThat(store.counts().get(TrialState.DONE)).isEqualTo(1);
        assertThat(store.counts().get(TrialState.PENDING)).isEqualTo(1);
    }

    @Test
    void registration_in_chunks_commits_the_first_chunk_before_the_rest_and_keys_every_config() {
        int n = 5_000; // the first chunk holds 1,024 rows
        AtomicReference<Long> afterFirst = new AtomicReference<>();
        RegistrationState s = store.registerPlan("h1", configs(n).iterator(), new Registrant("test-host", 1, "tok"),
                () -> afterFirst.set(store.counts().total()), () -> false);
        assertThat(s).isEqualTo(RegistrationState.COMPLETE);
        assertThat(afterFirst.get()).as("trials committed when the first chunk was").isBetween(1L, (long) n - 1);
        assertThat(store.counts().get(TrialState.PENDING)).isEqualTo(n);
        assertThat(store.registration()).isEqualTo(RegistrationState.COMPLETE);
        assertThat(store.byHash(Config.of("i", n - 1).hash())).isPresent();
        assertThat(store.register(configs(n + 1).iterator())).as("every config is keyed: only the new one is added").isEqualTo(1);
        assertThat(store.trials(null)).extracting(TrialRecord::id).hasSize(n + 1).doesNotHaveDuplicates()
                .startsWith(1L, 2L, 3L).endsWith((long) n + 1);
    }

    @Test
    void a_live_registrars_lease_keeps_a_second_registrar_out() {
        AtomicReference<RegistrationState> second = new AtomicReference<>();
        try (TrialStore other = db.open(db.find(name).orElseThrow(), SETTINGS)) {
            RegistrationState s = store.registerPlan("h1", configs(3_000).iterator(), new Registrant("host-a", 1, "a"),
                    () -> second.set(other.registerPlan("h1", configs(3_000).iterator(), new Registrant("host-b", 2, "b"), () -> { }, () -> false)),
                    () -> false);
            assertThat(s).isEqualTo(RegistrationState.COMPLETE);
        }
        assertThat(second.get()).isEqualTo(RegistrationState.IN_PROGRESS);
        assertThat(store.counts().total()).isEqualTo(3_000);
    }

    @Test
    void concurrent_claims_with_a_limit_hand_out_exactly_max_trials_and_no_trial_twice() throws Exception {
        store.register(configs(400).iterator());
        int threads = 6;
        ExperimentRow e = db.find(name).orElseThrow();
        Set<Long> claimed = ConcurrentHashMap.newKeySet();
        AtomicInteger handed = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                String worker = "w" + w;
                fs.add(pool.submit(() -> {
                    try (TrialStore s = db.open(e, SETTINGS)) {
                        go.await();
                        while (true) {
                            List<ClaimedTrial> got = s.claim(worker, 3, 100L, true);
                            if (got.isEmpty()) return null;
                            for (ClaimedTrial t : got) {
                                handed.incrementAndGet();
                                claimed.add(t.id());
                                s.complete(t, Outcome.done("{}", 1.0, null));
                            }
                        }
                    }
                }));
            }
            go.countDown();
            for (Future<?> f : fs) f.get();
        } finally {
            pool.shutdownNow();
        }
        assertThat(handed.get()).isEqualTo(100);
        assertThat(claimed).hasSize(100);
        assertThat(store.counts().get(TrialState.DONE)).isEqualTo(100);
        assertThat(store.counts().get(TrialState.PENDING)).isEqualTo(300);
    }

    @Test
    void counts_agree_with_the_trials_after_every_kind_of_change() {
        store.register(configs(20).iterator());
        List<ClaimedTrial> got = store.claim("a", 10, null, true);
        store.complete(got.get(0), Outcome.done("{}", 1.0, 0.5));
        store.completeAll(List.of(new Completion(got.get(1), Outcome.failed("boom", 0.25)),
                new Completion(got.get(2), Outcome.done("{}", 2.0, 1.0))));
        store.cancel(got.get(3));
        store.phase(got.get(4), "FIT");
        store.renew(got.subList(4, 10));
        store.reclaimWorker("a", "worker a died");
        store.reset(TrialState.FAILED);
        Counts c = store.counts();
        for (TrialState s : TrialState.values())
            assertThat(c.get(s)).as(s.name()).isEqualTo(store.trials(null).stream().filter(t -> t.state() == s).count());
        assertThat(c.total()).isEqualTo(20);
        assertThat(c.cost()).as("a reset trial keeps the cost it had").isEqualTo(1.75)
                .isEqualTo(store.trials(null).stream().mapToDouble(t -> t.cost() == null ? 0 : t.cost()).sum());
    }

    @Test
    void experiments_of_one_database_registering_at_once_get_distinct_trial_ids() throws Exception {
        ExperimentRow a = db.create(name + "a", "{}", "ha", "value", "MINIMIZE");
        ExperimentRow b = db.create(name + "b", "{}", "hb", "value", "MINIMIZE");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<RegistrationState>> fs = new ArrayList<>();
            for (ExperimentRow e : List.of(a, b)) {
                fs.add(pool.submit(() -> {
                    try (TrialStore s = db.open(e, SETTINGS)) {
                        return s.registerPlan(e.planHash(), configs(4_000).iterator(), new Registrant("h", 1, e.name()), () -> { }, () -> false);
                    }
                }));
            }
            for (Future<RegistrationState> f : fs) assertThat(f.get()).isEqualTo(RegistrationState.COMPLETE);
        } finally {
            pool.shutdownNow();
        }
        try (TrialStore sa = db.open(a, SETTINGS); TrialStore sb = db.open(b, SETTINGS)) {
            assertThat(sa.counts().total()).isEqualTo(4_000);
            assertThat(sb.counts().total()).isEqualTo(4_000);
            // each claims all of its own trials and none of the other's
            List<ClaimedTrial> ca = sa.claim("w", 64, null, true), cb = sb.claim("w", 64, null, true);
            Set<Long> rows = new java.util.HashSet<>();
            ca.forEach(t -> rows.add(t.rowId()));
            cb.forEach(t -> rows.add(t.rowId()));
            assertThat(rows).hasSize(128);
            assertThat(ca).extracting(ClaimedTrial::config).containsExactlyElementsOf(configs(64));
        }
    }

    // --- lineage and intermediate results (schema V3) ---------------------------------------------------

    @Test
    void register_with_lineage_records_fidelity_rung_and_parent_and_leaves_a_known_config_as_it_was() {
        store.register(List.of(Config.of("x", 1, "epochs", 1)).iterator());
        ClaimedTrial base = store.claim("a", 1, null, true).get(0);
        store.complete(base, Outcome.done("{\"value\":1}", 1.0, null));
        List<NewTrial> promoted = List.of(
                new NewTrial(Config.of("x", 1, "epochs", 3), new Lineage(3.0, 1, base.id())),
                new NewTrial(Config.of("x", 1, "epochs", 3), new Lineage(3.0, 1, base.id())), // twice in one call
                new NewTrial(Config.of("x", 1, "epochs", 1), new Lineage(1.0, 0, null)));     // known: stays as it was
        assertThat(store.registerWithLineage(promoted)).isEqualTo(1);
        assertThat(store.registerWithLineage(promoted)).isZero();

        TrialRecord child = store.trial(2).orElseThrow();
        assertThat(child.config()).isEqualTo(Config.of("x", 1, "epochs", 3));
        assertThat(child.lineage()).isEqualTo(new Lineage(3.0, 1, 1L));
        assertThat(child.state()).isEqualTo(TrialState.PENDING);
        assertThat(store.trial(1).orElseThrow().lineage()).isEqualTo(Lineage.NONE);
        assertThat(store.trial(3)).isEmpty();
        assertThat(store.counts().get(TrialState.PENDING)).isEqualTo(1);

        ClaimedTrial held = store.claim("b", 1, null, true).get(0);
        assertThat(held.id()).isEqualTo(2);
        assertThat(store.parentOf(held)).map(TrialRecord::id).contains(1L);
        assertThat(store.parentOf(base)).isEmpty();
        assertThat(store.trials(null)).extracting(TrialRecord::parentId).containsExactly(null, 1L);
    }

    @Test
    void reports_are_kept_per_attempt_and_step_and_a_stale_worker_cannot_add_one() {
        store.register(configs(1).iterator());
        ClaimedTrial first = store.claim("slow", 1, null, true).get(0);
        store.report(first, 1, "{\"loss\":0.9}");
        store.report(first, 2, "{\"loss\":0.5}");
        store.report(first, 2, "{\"loss\":0.4}"); // a repeated step replaces
        clock.advance(Duration.ofSeconds(31));
        assertThat(store.reclaimExpired()).isEqualTo(1);
        ClaimedTrial second = store.claim("fast", 1, null, true).get(0);
        store.report(second, 1, "{\"loss\":0.8}");

        assertThatThrownBy(() -> store.report(first, 3, "{\"loss\":0.1}"))
                .isInstanceOf(StaleTrialException.class).hasMessageContaining("trial 1");
        assertThat(store.reports(1)).extracting(r -> r.attempt() + "/" + r.step() + " " + r.valuesJson())
                .containsExactly("1/1 {\"loss\":0.9}", "1/2 {\"loss\":0.4}", "2/1 {\"loss\":0.8}");
        store.complete(second, Outcome.done("{\"value\":1}", 1.0, null));
        assertThatThrownBy(() -> store.report(second, 2, "{}")).isInstanceOf(StaleTrialException.class);
        assertThat(store.reports(2)).isEmpty();
    }

    @Test
    void lineage_and_reports_survive_reopening_the_store() {
        store.register(List.of(Config.of("x", 1, "epochs", 1)).iterator());
        ClaimedTrial base = store.claim("a", 1, null, true).get(0);
        store.report(base, 1, "{\"acc\":0.5}");
        store.complete(base, Outcome.done("{\"value\":1}", 1.0, null));
        store.registerWithLineage(List.of(new NewTrial(Config.of("x", 1, "epochs", 3), new Lineage(3.0, 1, 1L))));
        store.close();
        db.close();
        db = openDatabase(clock);
        store = db.open(db.find(name).orElseThrow(), SETTINGS);
        assertThat(store.trial(2).orElseThrow().lineage()).isEqualTo(new Lineage(3.0, 1, 1L));
        assertThat(store.reports(1)).hasSize(1);
    }
    @Test
    void claim_proposed_decides_on_rows_no_other_worker_changes_meanwhile() throws Exception {
        int threads = 4, total = 60;
        ExperimentRow e = db.find(name).orElseThrow();
        Set<Integer> seen = ConcurrentHashMap.newKeySet(); // the row counts proposers saw: a repeat is a race
        AtomicInteger repeats = new AtomicInteger();
        Set<Long> claimed = ConcurrentHashMap.newKeySet();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                String worker = "w" + w;
                fs.add(pool.submit(() -> {
                    try (TrialStore s = db.open(e, SETTINGS)) {
                        go.await();
                        while (true) {
                            List<ClaimedTrial> got = s.claimProposed(worker, null, true, rows -> {
                                if (rows.size() >= total) return List.of();
                                if (!seen.add(rows.size())) repeats.incrementAndGet();
                                Long parent = rows.isEmpty() ? null : rows.get(rows.size() - 1).id();
                                return List.of(new NewTrial(Config.of("i", rows.size()), new Lineage((double) rows.size(), 0, parent)));
                            });
                            if (got.isEmpty()) return null;
                            assertThat(claimed.add(got.get(0).id())).isTrue();
                            s.complete(got.get(0), Outcome.done("{}", 1.0, null));
                        }
                    }
                }));
            }
            go.countDown();
            for (Future<?> f : fs) f.get();
        } finally {
            pool.shutdownNow();
        }
        assertThat(repeats.get()).as("proposals made on the same rows").isZero();
        List<TrialRecord> all = store.trials(null);
        assertThat(all).hasSize(total).allMatch(t -> t.state() == TrialState.DONE);
        assertThat(claimed).hasSize(total);
        for (TrialRecord t : all) { // trial k was proposed on k - 1 rows: i = k - 1, its parent the trial before it
            assertThat(t.config()).isEqualTo(Config.of("i", t.id() - 1));
            assertThat(t.parentId()).isEqualTo(t.id() == 1 ? null : t.id() - 1);
        }
    }
}
