package dev.retort.search;

import dev.retort.space.Config;
import dev.retort.space.Domain;
import dev.retort.space.Levels;
import dev.retort.space.Space;
import dev.retort.store.ClaimedTrial;
import dev.retort.store.Outcome;
import dev.retort.store.StoreSettings;
import dev.retort.store.TrialRecord;
import dev.retort.store.TrialStore;
import dev.retort.store.jdbc.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** TPE through a real SQLite store, one worker asking for work after each trial, as a worker does. */
class TpeSearchTest {
    @TempDir
    Path dir;
    int stores;

    static final Space BRANIN = Space.builder().factor("x1", Domain.uniform(-5, 10)).factor("x2", Domain.uniform(0, 15)).build();

    static double branin(Config c) {
        double x1 = c.getDouble("x1"), x2 = c.getDouble("x2");
        double b = 5.1 / (4 * Math.PI * Math.PI), cc = 5 / Math.PI, t = 1 / (8 * Math.PI);
        return Math.pow(x2 - b * x1 * x1 + cc * x1 - 6, 2) + 10 * (1 - t) * Math.cos(x1) + 10;
    }

    private List<TrialRecord> run(dev.retort.engine.StoreSearch search, Space space, ToDoubleFunction<Config> loss) {
        try (Database db = Database.sqlite(dir.resolve("s" + (stores++) + ".db"), Clock.systemUTC());
             TrialStore store = db.open(db.create("tpe", "{}", "h", "loss", "MINIMIZE"),
                     new StoreSettings(Duration.ofSeconds(30), Duration.ofSeconds(10), 2))) {
            while (true) {
                List<ClaimedTrial> got = store.claimProposed("w", null, true, rows -> search.propose(space, rows, false));
                if (got.isEmpty()) break;
                double l = loss.applyAsDouble(got.get(0).config());
                store.complete(got.get(0), Outcome.done("{\"loss\":" + l + "}", l, null));
            }
            return store.trials(null);
        }
    }

    @Test
    void a_fixed_seed_and_one_worker_give_the_same_trials_twice_and_another_seed_others() {
        List<Config> a = run(new TpeSearch(40, 10, 1), BRANIN, TpeSearchTest::branin).stream().map(TrialRecord::config).toList();
        List<Config> b = run(new TpeSearch(40, 10, 1), BRANIN, TpeSearchTest::branin).stream().map(TrialRecord::config).toList();
        List<Config> c = run(new TpeSearch(40, 10, 2), BRANIN, TpeSearchTest::branin).stream().map(TrialRecord::config).toList();
        assertThat(a).hasSize(40).isEqualTo(b);
        assertThat(c).hasSize(40).isNotEqualTo(a);
        // the startup trials are the random search's draws
        for (int i = 0; i < 10; i++) assertThat(a.get(i)).isEqualTo(BRANIN.sample(1, i));
    }

    @Test
    void tpe_finds_better_branin_values_than_random_draws_of_the_same_budget() {
        double[] tpe = new double[5], random = new double[5];
        for (int s = 0; s < 5; s++) {
            tpe[s] = run(new TpeSearch(60, 10, s), BRANIN, TpeSearchTest::branin).stream().mapToDouble(TrialRecord::metric).min().orElseThrow();
            random[s] = run(new TpeSearch(60, 60, s), BRANIN, TpeSearchTest::branin).stream().mapToDouble(TrialRecord::metric).min().orElseThrow();
        }
        Arrays.sort(tpe);
        Arrays.sort(random);
        assertThat(tpe[2]).as("median best of TPE vs random, 5 seeds").isLessThan(random[2]);
        assertThat(tpe[2]).isLessThan(1.0); // the minimum is 0.398
    }

    @Test
    void in_a_conditional_space_each_level_learns_its_own_parameters_from_trials_at_that_level() {
        Space space = Space.builder()
                .levels("opt", Levels.of()
                        .level("sgd", Space.builder().factor("lr", Domain.loguniform(1e-4, 1)).factor("momentum", Domain.uniform(0, 1)).build())
                        .level("adam", Space.builder().factor("lr", Domain.loguniform(1e-4, 1)).factor("beta", Domain.choice(0.9, 0.99, 0.999)).build()))
                .factor("layers", Domain.randint(1, 8))
                .build();
        // adam with lr near 1e-2 and beta 0.99 is best; sgd is always worse
        ToDoubleFunction<Config> loss = c -> {
            double lr = Math.log10(c.getDouble("lr"));
            if (c.getString("opt").equals("sgd")) return 5 + Math.abs(lr + 2) + c.getDouble("momentum");
            return Math.abs(lr + 2) + (c.getDouble("beta") == 0.99 ? 0 : 1) + 0.1 * Math.abs(c.getLong("layers") - 4);
        };
        List<TrialRecord> trials = run(new TpeSearch(60, 10, 3), space, loss);
        assertThat(trials).hasSize(60);
        for (TrialRecord t : trials) {
            boolean sgd = t.config().getString("opt").equals("sgd");
            assertThat(t.config().has("momentum")).isEqualTo(sgd);
            assertThat(t.config().has("beta")).isEqualTo(!sgd);
            assertThat(t.config().getLong("layers")).isBetween(1L, 8L);
            assertThat(t.config().getDouble("lr")).isBetween(1e-4, 1.0);
        }
        long adamLate = trials.subList(40, 60).stream().filter(t -> t.config().getString("opt").equals("adam")).count();
        assertThat(adamLate).as("adam among the last 20 suggestions").isGreaterThanOrEqualTo(15);
        assertThat(trials.stream().mapToDouble(TrialRecord::metric).min().orElseThrow()).isLessThan(0.6);
    }

    @Test
    void pending_trials_count_as_the_worst_so_workers_asking_at_once_get_different_configs() {
        try (Database db = Database.sqlite(dir.resolve("liar.db"), Clock.systemUTC());
             TrialStore store = db.open(db.create("tpe", "{}", "h", "loss", "MINIMIZE"),
                     new StoreSettings(Duration.ofSeconds(30), Duration.ofSeconds(10), 2))) {
            TpeSearch search = new TpeSearch(100, 5, 4);
            for (int i = 0; i < 20; i++) {
                ClaimedTrial t = store.claimProposed("w", null, true, rows -> search.propose(BRANIN, rows, false)).get(0);
                store.complete(t, Outcome.done("{}", branin(t.config()), null));
            }
            List<Config> atOnce = new ArrayList<>();
            for (int w = 0; w < 4; w++) // four workers, none finished yet
                atOnce.add(store.claimProposed("w" + w, null, true, rows -> search.propose(BRANIN, rows, false)).get(0).config());
            assertThat(atOnce).doesNotHaveDuplicates();
            assertThat(store.trials(dev.retort.store.TrialState.RUNNING)).hasSize(4);
        }
    }
}
