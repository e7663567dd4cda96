package dev.retort.engine;

import dev.retort.Objective;
import dev.retort.space.Config;
import dev.retort.space.Space;
import dev.retort.store.ExperimentRow;
import dev.retort.store.StoreSettings;
import dev.retort.store.TrialRecord;
import dev.retort.store.TrialState;
import dev.retort.store.TrialStore;
import dev.retort.store.jdbc.Database;
import dev.retort.test.SettableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each attempt writes into its own directory, and {@code trials/<id>_<slug>} links to the one attempt whose
 * completion the store accepted: a worker cut off past its lease never mixes its files into the directory of
 * the worker that took its trial over.
 */
class AttemptDirsTest {
    @TempDir
    Path dir;

    /** A heartbeat far slower than the test, so only the test decides when a lease lapses. */
    private static final StoreSettings SLOW_HEARTBEAT = new StoreSettings(Duration.ofSeconds(30), Duration.ofSeconds(20), 3);
    private static final Space ONE = Space.builder().factor("x", 1).build();

    @Test
    void worker_cut_off_past_its_lease_leaves_no_file_in_the_directory_of_the_attempt_that_finished() throws Exception {
        SettableClock clock = new SettableClock();
        Path trials = dir.resolve("trials");
        try (Database db = Database.sqlite(dir.resolve("retort.db"), clock)) {
            ExperimentRow row = db.create("cut", "{}", "h", "value", "MINIMIZE");
            try (TrialStore slowStore = db.open(row, SLOW_HEARTBEAT); TrialStore fastStore = db.open(row, SLOW_HEARTBEAT)) {
                slowStore.register(ONE.grid());
                CountDownLatch slowWrote = new CountDownLatch(1);
                CountDownLatch release = new CountDownLatch(1);
                AtomicReference<Path> slowDir = new AtomicReference<>();
                Objective slow = trial -> {
                    Files.writeString(trial.dir().resolve("shared.txt"), "slow");
                    Files.writeString(trial.dir().resolve("slow-only.txt"), "slow");
                    slowDir.set(trial.dir());
                    slowWrote.countDown();
                    if (!release.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("never released");
                    Files.writeString(trial.dir().resolve("shared.txt"), "slow, late"); // after it lost the trial
                    return Map.of("value", 111.0);
                };
                CompletableFuture<WorkerLoop.Summary> slowRun = CompletableFuture.supplyAsync(loop(slowStore, "slow", slow, trials, clock)::run);
                assertThat(slowWrote.await(30, TimeUnit.SECONDS)).isTrue();

                clock.advance(Duration.ofSeconds(31)); // the slow worker's lease lapses; the fast one reclaims the trial
                Objective fast = trial -> {
                    assertThat(trial.dir()).isNotEqualTo(slowDir.get());
                    Files.writeString(trial.dir().resolve("shared.txt"), "fast");
                    return Map.of("value", 222.0);
                };
                WorkerLoop.Summary f = loop(fastStore, "fast", fast, trials, clock).run();
                assertThat(f.done()).isEqualTo(1);
                Path published = TrialDirs.of(trials, 1, Config.of("x", 1));
                assertThat(published.resolve("shared.txt")).hasContent("fast");

                release.countDown();
                WorkerLoop.Summary s = slowRun.get(30, TimeUnit.SECONDS);
                assertThat(s.lost()).isEqualTo(1);
                assertThat(names(trials)).as("the recorded attempt's directory and the trial's link to it; the cut-off attempt's is gone")
                        .containsExactly(published.getFileName().toString(), recorded(published).getFileName().toString());
                assertThat(recorded(published).getFileName().toString()).startsWith(published.getFileName() + ".attempt-2.");
                assertThat(names(published)).containsExactlyInAnyOrder("config.json", "shared.txt");
                assertThat(published.resolve("shared.txt")).hasContent("fast");
                TrialRecord t = fastStore.byHash(Config.of("x", 1).hash()).orElseThrow();
                assertThat(t.metric()).isEqualTo(222.0);
                assertThat(t.attempt()).isEqualTo(2);
            }
        }
    }

    @Test
    void attempt_stopped_midway_hands_its_checkpoint_to_the_next_attempt_whose_directory_then_replaces_it() throws Exception {
        SettableClock clock = new SettableClock();
        Path trials = dir.resolve("trials");
        try (Database db = Database.sqlite(dir.resolve("retort.db"), clock)) {
            ExperimentRow row = db.create("resume", "{}", "h", "value", "MINIMIZE");
            try (TrialStore store = db.open(row, SLOW_HEARTBEAT)) {
                store.register(ONE.grid());
                CountDownLatch checkpointed = new CountDownLatch(1);
                Objective firstAttempt = trial -> {
                    assertThat(trial.previousAttemptDir()).isEmpty();
                    Files.writeString(trial.dir().resolve("epochs"), "3");
                    checkpointed.countDown();
                    new CountDownLatch(1).await(); // until stop() interrupts it
                    throw new IllegalStateException("not reached");
                };
                WorkerLoop first = loop(store, "first", firstAttempt, trials, clock);
                CompletableFuture<WorkerLoop.Summary> firstRun = CompletableFuture.supplyAsync(first::run);
                assertThat(checkpointed.await(30, TimeUnit.SECONDS)).isTrue();
                first.stop(); // as Ctrl-C does: the trial goes back to PENDING, its attempt directory stays
                assertThat(firstRun.get(30, TimeUnit.SECONDS).returned()).isEqualTo(1);
                assertThat(store.counts().get(TrialState.PENDING)).isEqualTo(1);

                AtomicReference<Optional<Path>> handed = new AtomicReference<>();
                Objective secondAttempt = trial -> {
                    handed.set(trial.previousAttemptDir());
                    int done = Integer.parseInt(Files.readString(handed.get().orElseThrow().resolve("epochs")));
                    Files.writeString(trial.dir().resolve("epochs"), String.valueOf(done + 2));
                    return Map.of("value", (double) done + 2);
                };
                assertThat(loop(store, "second", secondAttempt, trials, clock).run().done()).isEqualTo(1);

                Path published = TrialDirs.of(trials, 1, Config.of("x", 1));
                assertThat(handed.get()).isPresent();
                assertThat(handed.get().get().getFileName().toString()).startsWith(published.getFileName() + ".attempt-1.");
                assertThat(published.resolve("epochs")).hasContent("5");
                assertThat(names(trials)).as("the earlier attempt's directory is removed once the trial is done")
                        .containsExactly(published.getFileName().toString(), recorded(published).getFileName().toString());
                assertThat(handed.get().get()).doesNotExist();
                assertThat(store.byHash(Config.of("x", 1).hash()).orElseThrow().metric()).isEqualTo(5.0);
            }
        }
    }

    @Test
    void failed_trial_run_again_replaces_the_published_directory_and_sees_it_as_the_previous_attempt() throws Exception {
        SettableClock clock = new SettableClock();
        Path trials = dir.resolve("trials");
        try (Database db = Database.sqlite(dir.resolve("retort.db"), clock)) {
            ExperimentRow row = db.create("again", "{}", "h", "value", "MINIMIZE");
            try (TrialStore store = db.open(row, SLOW_HEARTBEAT)) {
                store.register(ONE.grid());
                Objective failing = trial -> {
                    Files.writeString(trial.dir().resolve("first.txt"), "1");
                    throw new IllegalStateException("diverged");
                };
                assertThat(loop(store, "w1", failing, trials, clock).run().failed()).isEqualTo(1);
                Path published = TrialDirs.of(trials, 1, Config.of("x", 1));
                assertThat(published.resolve("first.txt")).exists();

                assertThat(store.reset(TrialState.FAILED)).isEqualTo(1);
                AtomicReference<Optional<Path>> handed = new AtomicReference<>();
                Objective working = trial -> {
                    handed.set(trial.previousAttemptDir());
                    Files.writeString(trial.dir().resolve("second.txt"), "2");
                    return Map.of("value", 1.0);
                };
                assertThat(loop(store, "w2", working, trials, clock).run().done()).isEqualTo(1);
                assertThat(handed.get()).as("the FAILED attempt's directory").isPresent();
                assertThat(handed.get().get().getFileName().toString()).startsWith(published.getFileName() + ".attempt-1.");
                assertThat(names(published)).containsExactlyInAnyOrder("config.json", "second.txt");
                assertThat(names(trials)).containsExactly(published.getFileName().toString(), recorded(published).getFileName().toString());
            }
        }
    }

    @Test
    void find_returns_the_newest_attempt_while_the_trial_runs_and_the_published_directory_once_it_is_done() throws IOException {
        Path trials = dir.resolve("trials");
        Config c = Config.of("x", 1);
        Files.createDirectories(TrialDirs.attempt(trials, 7, c, 1, 4));
        Files.createDirectories(TrialDirs.attempt(trials, 7, c, 2, 12));
        Files.createDirectories(TrialDirs.attempt(trials, 70, c, 1, 99)); // another trial's
        assertThat(TrialDirs.find(trials, 7)).contains(TrialDirs.attempt(trials, 7, c, 2, 12));
        assertThat(TrialDirs.previous(trials, 7, c, 12)).contains(TrialDirs.attempt(trials, 7, c, 1, 4));

        TrialDirs.publish(trials, 7, c, 2, 12);
        assertThat(TrialDirs.find(trials, 7)).contains(TrialDirs.of(trials, 7, c));
        assertThat(Files.readSymbolicLink(TrialDirs.of(trials, 7, c))).isEqualTo(TrialDirs.attempt(trials, 7, c, 2, 12).getFileName());
        assertThat(names(trials)).containsExactlyInAnyOrder(TrialDirs.of(trials, 7, c).getFileName().toString(),
                TrialDirs.attempt(trials, 7, c, 2, 12).getFileName().toString(), TrialDirs.attempt(trials, 70, c, 1, 99).getFileName().toString());
    }

    private static WorkerLoop loop(TrialStore store, String worker, Objective objective, Path trials, SettableClock clock) {
        return new WorkerLoop(new WorkerLoop.Context(store, ONE, new GridSearch(), objective, Metric.minimize("value"), Limits.NONE,
                WorkerSettings.of(worker, trials), clock, List.of()));
    }

    /** The attempt directory the trial's directory links to. */
    private static Path recorded(Path published) throws IOException {
        assertThat(Files.isSymbolicLink(published)).as(published + " is a link").isTrue();
        return published.resolveSibling(Files.readSymbolicLink(published));
    }

    private static List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
