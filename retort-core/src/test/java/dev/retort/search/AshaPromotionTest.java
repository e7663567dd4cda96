package dev.retort.search;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ASHA's promotion rule on hand-computed examples: eta 3, rungs at 1, 3, 9, 27 epochs, 27 base configs, one
 * worker asking for work after each trial (through a real SQLite store, as a worker does). Base config j (in
 * the order ASHA drew it) has loss {@code loss(j)} at every rung.
 */
class AshaPromotionTest {
    @TempDir
    Path dir;

    static final Space SPACE = Space.builder().factor("x", Domain.randint(0, 1_000_000_000)).factor("epochs", Domain.randint(1, 27)).build();

    /** Runs the search to its end with one worker; returns the base indices of the configs at each rung. */
    private List<TreeSet<Integer>> run(IntToDoubleFunction loss, List<TrialRecord> trialsOut) {
        AshaSearch asha = new AshaSearch("epochs", 1, 27, 3, 27, 1);
        assertThat(asha.rungFidelities()).containsExactly(1L, 3L, 9L, 27L);
        try (Database db = Database.sqlite(dir.resolve("retort.db"), Clock.systemUTC());
             TrialStore store = db.open(db.create("asha", "{}", "h", "loss", "MINIMIZE"),
                     new StoreSettings(Duration.ofSeconds(30), Duration.ofSeconds(10), 2))) {
            Map<Long, Integer> baseIndex = new HashMap<>(); // x -> j
            while (true) {
                List<ClaimedTrial> got = store.claimProposed("w", null, true, rows -> asha.propose(SPACE, rows, false));
                if (got.isEmpty()) break;
                ClaimedTrial t = got.get(0);
                int j = baseIndex.computeIfAbsent(t.config().getLong("x"), x -> baseIndex.size());
                double l = loss.applyAsDouble(j);
                store.complete(t, Outcome.done("{\"loss\":" + l + "}", l, null));
            }
            List<TrialRecord> all = store.trials(null);
            trialsOut.addAll(all);
            List<TreeSet<Integer>> rungs = new ArrayList<>();
            for (int k = 0; k < 4; k++) rungs.add(new TreeSet<>());
            for (TrialRecord r : all) rungs.get(r.rung()).add(baseIndex.get(r.config().getLong("x")));
            return rungs;
        }
    }

    private static TreeSet<Integer> range(int from, int to) {
        TreeSet<Integer> s = new TreeSet<>();
        IntStream.range(from, to).forEach(s::add);
        return s;
    }

    @Test
    void when_earlier_configs_are_better_asha_keeps_exactly_what_synchronous_halving_keeps() {
        // loss(j) = j: the best configs come first. Rung 0's quota floor(n/3) grows by one at n = 3, 6, ..., 27 and
        // its best unpromoted config is always the next of b0, b1, ...: rung 1 = b0..b8. Rung 1 is filled in loss
        // order too, so at n = 3, 6, 9 it promotes b0, b1, b2; rung 2 at n = 3 promotes b0.
        List<TrialRecord> trials = new ArrayList<>();
        List<TreeSet<Integer>> rungs = run(j -> j, trials);
        assertThat(rungs.get(0)).isEqualTo(range(0, 27));
        assertThat(rungs.get(1)).isEqualTo(range(0, 9));
        assertThat(rungs.get(2)).isEqualTo(range(0, 3));
        assertThat(rungs.get(3)).isEqualTo(range(0, 1));
        assertThat(trials).hasSize(27 + 9 + 3 + 1);
    }

    @Test
    void when_every_new_config_is_the_best_so_far_it_climbs_as_far_as_the_quotas_allow() {
        // loss(j) = 27 - j: each new base config beats all before it. After b_j is done rung 0 holds j + 1 trials,
        // quota floor((j + 1) / 3) >= 1 from j = 2 on, and b_j is its best: it is promoted at once. Rung 1 then holds
        // b2..b_j (j - 1 trials): quota >= 1 from j = 4 on, and b_j is again its best. Rung 2 holds b4..b_j (j - 3):
        // quota >= 1 from j = 6. So rung 1 = b2..b26, rung 2 = b4..b26, rung 3 = b6..b26 (ASHA's known cost of
        // promoting early: the first configs seen go up before better ones exist).
        List<TrialRecord> trials = new ArrayList<>();
        List<TreeSet<Integer>> rungs = run(j -> 27 - j, trials);
        assertThat(rungs.get(1)).isEqualTo(range(2, 27));
        assertThat(rungs.get(2)).isEqualTo(range(4, 27));
        assertThat(rungs.get(3)).isEqualTo(range(6, 27));
        assertThat(trials).hasSize(27 + 25 + 23 + 21);
        // the first trials in the order they were handed out: (trial, rung) as traced above
        assertThat(trials.subList(0, 9)).extracting(t -> t.id() + "@" + t.rung())
                .containsExactly("1@0", "2@0", "3@0", "4@1", "5@0", "6@1", "7@0", "8@1", "9@2");
    }

    @Test
    void every_promotion_is_a_new_trial_of_the_same_config_at_the_next_fidelity_whose_parent_is_the_lower_rung() {
        List<TrialRecord> trials = new ArrayList<>();
        run(j -> (j * 10) % 27, trials);
        Map<Long, TrialRecord> byId = new HashMap<>();
        trials.forEach(t -> byId.put(t.id(), t));
        Map<Long, Integer> children = new HashMap<>();
        for (TrialRecord t : trials) {
            assertThat(t.attempt()).isEqualTo(1);
            assertThat(t.config().getLong("epochs")).isEqualTo(List.of(1L, 3L, 9L, 27L).get(t.rung()));
            assertThat(t.fidelity()).isEqualTo((double) t.config().getLong("epochs"));
            if (t.rung() == 0) {
                assertThat(t.parentId()).isNull();
                continue;
            }
            TrialRecord p = byId.get(t.parentId());
            assertThat(p.rung()).isEqualTo(t.rung() - 1);
            assertThat(p.config().with("epochs", t.config().get("epochs"))).isEqualTo(t.config());
            assertThat(p.id()).isLessThan(t.id());
            children.merge(p.id(), 1, Integer::sum);
        }
        assertThat(children.values()).as("promotions per parent").containsOnly(1);
        assertThat(trials.stream().map(t -> t.config().hash()).distinct().count()).isEqualTo(trials.size());
    }
}
