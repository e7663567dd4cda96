package dev.retort.engine;

import dev.retort.space.Config;
import dev.retort.space.Space;
import dev.retort.store.ClaimedTrial;
import dev.retort.store.ExperimentRow;
import dev.retort.store.Outcome;
import dev.retort.store.StoreSettings;
import dev.retort.store.TrialRecord;
import dev.retort.store.TrialState;
import dev.retort.store.TrialStore;
import dev.retort.store.jdbc.Database;
import dev.retort.test.SettableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A worker whose lease lapsed while its objective ran cannot overwrite the result of the worker that took over. */
class StaleCompletionTest {
    @TempDir
    Path dir;

    @Test
    void slow_objective_finishing_after_its_trial_was_reclaimed_and_completed_elsewhere_is_counted_lost() throws Exception {
        SettableClock clock = new SettableClock();
        // a heartbeat far slower than the test, so only the test decides when the lease lapses
        StoreSettings settings = new StoreSettings(Duration.ofSeconds(30), Duration.ofSeconds(20), 3);
        Space space = Space.builder().factor("x", 1).build();
        try (Database db = Database.sqlite(dir.resolve("retort.db"), clock)) {
            ExperimentRow row = db.create("stale", "{}", "h", "value", "MINIMIZE");
            try (TrialStore workerStore = db.open(row, settings); TrialStore other = db.open(row, settings)) {
                workerStore.register(space.grid());
                CountDownLatch started = new CountDownLatch(1);
                CountDownLatch release = new CountDownLatch(1);
                dev.retort.Objective slow = trial -> {
                    started.countDown();
                    if (!release.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("never released");
                    return Map.of("value", 111.0);
                };
                WorkerLoop loop = new WorkerLoop(new WorkerLoop.Context(workerStore, space, new GridSearch(), slow,
                        Metric.minimize("value"), Limits.NONE, WorkerSettings.of("slow", dir.resolve("trials")), clock, List.of()));
                CompletableFuture<WorkerLoop.Summary> run = CompletableFuture.supplyAsync(loop::run);

                assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
                clock.advance(Duration.ofSeconds(31));
                assertThat(other.reclaimExpired()).isEqualTo(1);
                List<ClaimedTrial> taken = other.claim("fast", 1, null, true);
                assertThat(taken).hasSize(1);
                assertThat(taken.get(0).attempt()).isEqualTo(2);
                other.complete(taken.get(0), Outcome.done("{\"value\":222.0}", 222.0, null));

                release.countDown(); // the slow objective returns 111 now, too late
                WorkerLoop.Summary s = run.get(30, TimeUnit.SECONDS);

                assertThat(s.lost()).isEqualTo(1);
                assertThat(s.done()).isZero();
                assertThat(s.evaluated()).isZero();
                assertThat(s.exitReason()).isEqualTo("no trials left");
                TrialRecord t = other.byHash(Config.of("x", 1).hash()).orElseThrow();
                assertThat(t.state()).isEqualTo(TrialState.DONE);
                assertThat(t.worker()).isEqualTo("fast");
                assertThat(t.metric()).isEqualTo(222.0);
                assertThat(t.resultJson()).contains("222").doesNotContain("111");
                assertThat(t.attempt()).isEqualTo(2);
                assertThat(other.counts().get(TrialState.DONE)).isEqualTo(1);
            }
        }
    }

    @Test
    void heartbeat_that_finds_its_trial_reclaimed_interrupts_the_objective_and_the_worker_counts_it_lost() throws Exception {
        SettableClock clock = new SettableClock();
        // real 50 ms heartbeats renewing 30 s leases on the settable clock: only a clock jump lets a lease lapse
        StoreSettings settings = new StoreSettings(Duration.ofSeconds(30), Duration.ofMillis(50), 3);
        Space space = Space.builder().factor("x", 1).build();
        try (Database db = Database.sqlite(dir.resolve("retort.db"), clock)) {
            ExperimentRow row = db.create("fenced", "{}", "h", "value", "MINIMIZE");
            try (TrialStore workerStore = db.open(row, settings); TrialStore other = db.open(row, settings)) {
                workerStore.register(space.grid());
                CountDownLatch started = new CountDownLatch(1);
                CountDownLatch never = new CountDownLatch(1);
                java.util.concurrent.atomic.AtomicBoolean interrupted = new java.util.concurrent.atomic.AtomicBoolean();
                dev.retort.Objective blocked = trial -> {
                    started.countDown();
                    try {
                        never.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        interrupted.set(true);
                        throw e;
                    }
                    return Map.of("value", 111.0);
                };
                WorkerLoop loop = new WorkerLoop(new WorkerLoop.Context(workerStore, space, new GridSearch(), blocked,
                        Metric.minimize("value"), Limits.NONE, WorkerSettings.of("slow", dir.resolve("trials")), clock, List.of()));
                CompletableFuture<WorkerLoop.Summary> run = CompletableFuture.supplyAsync(loop::run);
                assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

                // a heartbeat may renew between the jump and the reclaim; jump again until a reclaim wins
                int reclaimed = 0;
                for (int i = 0; i < 100 && reclaimed == 0; i++) {
                    clock.advance(Duration.ofSeconds(31));
                    reclaimed = other.reclaimExpired();
                }
                assertThat(reclaimed).isEqualTo(1);
                ClaimedTrial taken = other.claim("fast", 1, null, true).get(0);
                other.complete(taken, Outcome.done("{\"value\":222.0}", 222.0, null));

                WorkerLoop.Summary s = run.get(30, TimeUnit.SECONDS); // the next heartbeat fences the worker out
                assertThat(interrupted).as("the objective was interrupted").isTrue();
                assertThat(s.lost()).isEqualTo(1);
                assertThat(s.evaluated()).isZero();
                TrialRecord t = other.byHash(Config.of("x", 1).hash()).orElseThrow();
                assertThat(t.state()).isEqualTo(TrialState.DONE);
                assertThat(t.worker()).isEqualTo("fast");
                assertThat(t.metric()).isEqualTo(222.0);
                assertThat(other.counts().get(TrialState.DONE)).isEqualTo(1);
                assertThat(other.counts().get(TrialState.RUNNING)).isZero();
            }
        }
    }
}
