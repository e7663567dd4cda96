package dev.retort.search;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Hyperband as brackets of ASHA, on a hand-computed example: eta 3, rungs 1, 3, 9, 27, 28 base configs. */
class HyperbandTest {
    @TempDir
    Path dir;

    static final Space SPACE = Space.builder().factor("x", Domain.randint(0, 1_000_000_000)).factor("epochs", Domain.randint(1, 27)).build();

    @Test
    void base_configs_go_round_robin_to_four_brackets_and_each_bracket_halves_on_its_own() {
        HyperbandSearch hb = new HyperbandSearch("epochs", 1, 27, 3, 28, 1);
        Map<Long, Integer> baseIndex = new HashMap<>();
        List<TrialRecord> trials;
        try (Database db = Database.sqlite(dir.resolve("retort.db"), Clock.systemUTC());
             TrialStore store = db.open(db.create("hb", "{}", "h", "loss", "MINIMIZE"),
                     new StoreSettings(Duration.ofSeconds(30), Duration.ofSeconds(10), 2))) {
            while (true) {
                List<ClaimedTrial> got = store.claimProposed("w", null, true, rows -> hb.propose(SPACE, rows, false));
                if (got.isEmpty()) break;
                int j = baseIndex.computeIfAbsent(got.get(0).config().getLong("x"), x -> baseIndex.size());
                store.complete(got.get(0), Outcome.done("{}", (double) j, null)); // loss(j) = j: earlier configs are better
            }
            trials = store.trials(null);
        }
        // config j starts in bracket j mod 4, at rung j mod 4; each bracket holds 7 configs in loss order, so
        // ASHA promotes as synchronous halving would: the best floor(7 / 3) = 2 go up one rung, floor(2 / 3) = 0
        // further. Bracket 0 {0, 4, ..., 24}: rung 1 = {0, 4}. Bracket 1: rung 2 = {1, 5}. Bracket 2: rung 3 =
        // {2, 6}. Bracket 3 runs its 7 configs at 27 epochs and promotes nothing.
        Map<Integer, Set<Integer>> byRung = new TreeMap<>();
        for (TrialRecord t : trials) {
            int j = baseIndex.get(t.config().getLong("x"));
            byRung.computeIfAbsent(t.rung(), r -> new TreeSet<>()).add(j);
            if (t.parentId() == null) assertThat(t.rung()).as("config %d starts in bracket %d", j, j % 4).isEqualTo(j % 4);
            assertThat(t.config().getLong("epochs")).isEqualTo(List.of(1L, 3L, 9L, 27L).get(t.rung()));
        }
        assertThat(trials).hasSize(28 + 2 + 2 + 2);
        assertThat(byRung.get(0)).containsExactly(0, 4, 8, 12, 16, 20, 24);
        assertThat(byRung.get(1)).containsExactly(0, 1, 4, 5, 9, 13, 17, 21, 25);
        assertThat(byRung.get(2)).containsExactly(1, 2, 5, 6, 10, 14, 18, 22, 26);
        assertThat(byRung.get(3)).containsExactly(2, 3, 6, 7, 11, 15, 19, 23, 27);
    }
}
