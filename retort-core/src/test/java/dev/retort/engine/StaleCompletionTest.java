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
}
