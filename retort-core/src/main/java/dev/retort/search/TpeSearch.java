package dev.retort.search;

import dev.retort.engine.StoreSearch;
import dev.retort.space.Config;
import dev.retort.space.Space;
import dev.retort.space.Tpe;
import dev.retort.store.Lineage;
import dev.retort.store.NewTrial;
import dev.retort.store.TrialRecord;
import dev.retort.store.TrialState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * TPE (see {@link Tpe}) over the store's rows. Trial {@code i} (the i-th trial of the experiment) is random draw
 * {@code i} of the space while fewer than {@code startup} trials are DONE, then a TPE suggestion from a
 * generator seeded by (seed, i).
 *
 * <p>The split, as Optuna 3 makes it: of the n DONE trials, the best {@code gamma(n) = min(ceil(0.1 n), 25)} are
 * "below" (good), the others "above". Pending trials with several workers: a <b>constant liar</b>, as Optuna's
 * {@code constant_liar=True}: PENDING and RUNNING trials join "above", as if they had the worst value, so
 * workers asking at once are steered away from each other's configs. FAILED trials are left out.
 */
public final class TpeSearch implements StoreSearch {
    private final long trials;
    private final long startup;
    private final long seed;

    public TpeSearch(long trials, long startup, long seed) {
        this.trials = trials;
        this.startup = startup;
        this.seed = seed;
    }

    static int gamma(int n) {
        return Math.min((int) Math.ceil(0.1 * n), 25);
    }

    @Override
    public List<NewTrial> propose(Space space, List<TrialRecord> all, boolean maximize) {
        if (all.size() >= trials) return List.of();
        long index = all.size();
        Set<Config> known = new HashSet<>();
        List<TrialRecord> done = new ArrayList<>();
        List<Config> pending = new ArrayList<>();
        for (TrialRecord t : all) {
            known.add(t.config());
            if (t.state() == TrialState.DONE && t.metric() != null) done.add(t);
            else if (t.state() == TrialState.PENDING || t.state() == TrialState.RUNNING) pending.add(t.config());
        }
        // a suggestion that repeats a stored config (small discrete spaces) is drawn again from the next stream
        for (int attempt = 0; attempt < 100; attempt++) {
            Config c = done.size() < startup || attempt >= 50 ? space.sample(seed, index + attempt * trials)
                    : suggest(space, done, pending, maximize, new SplittableRandom(mix(seed, index, attempt)));
            if (!known.contains(c)) return List.of(new NewTrial(c, Lineage.NONE));
        }
        return List.of();
    }

    private static Config suggest(Space space, List<TrialRecord> done, List<Config> pending, boolean maximize, SplittableRandom random) {
        List<TrialRecord> ranked = new ArrayList<>(done);
        Comparator<TrialRecord> better = Comparator.comparingDouble(TrialRecord::metric);
        if (maximize) better = better.reversed();
        ranked.sort(better.thenComparingLong(TrialRecord::id));
        int nBelow = gamma(done.size());
        List<TrialRecord> below = new ArrayList<>(ranked.subList(0, nBelow));
        List<TrialRecord> above = new ArrayList<>(ranked.subList(nBelow, ranked.size()));
        below.sort(Comparator.comparingLong(TrialRecord::id)); // trial order: the weights ramp over age
        above.sort(Comparator.comparingLong(TrialRecord::id));
        List<Config> aboveConfigs = new ArrayList<>(above.stream().map(TrialRecord::config).toList());
        aboveConfigs.addAll(pending); // the constant liar: pending trials count as the worst
        return Tpe.suggest(space, below.stream().map(TrialRecord::config).toList(), aboveConfigs, random);
    }

    private static long mix(long seed, long index, int attempt) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + attempt * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public String describe() {
        return "{\"tpe\":{\"seed\":" + seed + ",\"startup\":" + startup + ",\"trials\":" + trials + "}}";
    }
}
