package dev.retort.search;

import dev.retort.engine.StoreSearch;
import dev.retort.space.Config;
import dev.retort.space.Domain;
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
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** Priors steer TPE and ASHA's base rung, through a real SQLite store and one worker, as a worker does. */
class PriorSearchTest {
    @TempDir
    Path dir;
    int stores;

    /** Branin with a good prior on one of its three minima, (pi, 2.275). */
    static final Space BRANIN_PRIOR = Space.builder()
            .factor("x1", Domain.uniform(-5, 10), Math.PI, "high")
            .factor("x2", Domain.uniform(0, 15), 2.275, "high").build();

    private List<TrialRecord> run(StoreSearch search, Space space, ToDoubleFunction<Config> loss) {
        try (Database db = Database.sqlite(dir.resolve("s" + (stores++) + ".db"), Clock.systemUTC());
             TrialStore store = db.open(db.create("prior", "{}", "h", "loss", "MINIMIZE"),
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

    private double medianBest(Space space) {
        double[] best = new double[5];
        for (int s = 0; s < 5; s++)
            best[s] = run(new TpeSearch(30, 10, s), space, TpeSearchTest::branin).stream().mapToDouble(TrialRecord::metric).min().orElseThrow();
        Arrays.sort(best);
        return best[2];
    }

    @Test
    void tpe_with_a_good_prior_reaches_a_lower_median_best_on_branin_within_30_trials() {
        double withPrior = medianBest(BRANIN_PRIOR), without = medianBest(TpeSearchTest.BRANIN);
        assertThat(withPrior).as("median best of 5 seeds, with vs without a prior").isLessThan(without);
        assertThat(withPrior).isLessThan(0.8); // the minimum is 0.398; without a prior the median is about 1.1
    }

    @Test
    void tpe_with_a_prior_gives_the_same_trials_twice_for_a_seed_and_starts_from_the_prior_draws() {
        List<Config> a = run(new TpeSearch(25, 10, 4), BRANIN_PRIOR, TpeSearchTest::branin).stream().map(TrialRecord::config).toList();
        List<Config> b = run(new TpeSearch(25, 10, 4), BRANIN_PRIOR, TpeSearchTest::branin).stream().map(TrialRecord::config).toList();
        assertThat(a).hasSize(25).isEqualTo(b);
        for (int i = 0; i < 10; i++) assertThat(a.get(i)).isEqualTo(BRANIN_PRIOR.sample(4, i));
    }

    @Test
    void asha_draws_its_base_rung_configs_from_the_prior() {
        Space prior = Space.builder().factor("lr", Domain.loguniform(1e-5, 1e-1), 1e-3, "high").factor("epochs", Domain.randint(1, 9)).build();
        Space flat = Space.builder().factor("lr", Domain.loguniform(1e-5, 1e-1)).factor("epochs", Domain.randint(1, 9)).build();
        ToDoubleFunction<Config> loss = c -> Math.abs(Math.log10(c.getDouble("lr")) + 3);
        double[] p = baseDistances(run(new AshaSearch("epochs", 1, 9, 3, 60, 2), prior, loss));
        double[] f = baseDistances(run(new AshaSearch("epochs", 1, 9, 3, 60, 2), flat, loss));
        assertThat(p).hasSize(60);
        assertThat(p[30]).as("median |log10 lr + 3| of the base rung, prior vs flat").isLessThan(0.75 * f[30]);
    }

    private static double[] baseDistances(List<TrialRecord> trials) {
        return trials.stream().filter(t -> t.rung() == 0).mapToDouble(t -> Math.abs(Math.log10(t.config().getDouble("lr")) + 3)).sorted().toArray();
    }
}
