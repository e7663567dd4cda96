package dev.retort.search;

import dev.retort.engine.StoreSearch;
import dev.retort.space.Config;
import dev.retort.space.Space;
import dev.retort.store.Lineage;
import dev.retort.store.NewTrial;
import dev.retort.store.TrialRecord;
import dev.retort.store.TrialState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hyperband as brackets of ASHA (Li et al. 2018, asynchronous Hyperband): with rungs {@code 0..K} as for
 * {@link AshaSearch}, bracket {@code b} (0 to K) starts its configs at rung {@code b} and promotes within
 * itself by ASHA's rule, so bracket 0 is the most aggressive and bracket K runs every config at full fidelity.
 * Base config {@code i} goes to bracket {@code i mod (K + 1)}; a worker asking for work gets a due promotion of
 * any bracket (lowest bracket first), otherwise the next base config. A trial's bracket is not stored: it is
 * the rung of its lineage's first trial.
 */
public final class HyperbandSearch implements StoreSearch {
    private final AshaSearch rungs;
    private final int eta;
    private final long trials;
    private final long seed;

    public HyperbandSearch(String fidelity, double min, double max, int eta, long trials, long seed) {
        this.rungs = new AshaSearch(fidelity, min, max, eta, trials, seed);
        this.eta = eta;
        this.trials = trials;
        this.seed = seed;
    }

    @Override
    public boolean promotes() {
        return true;
    }

    /** A trial is charged its fidelity (see {@link StoreSearch#defaultCost}). */
    @Override
    public Double defaultCost(Config config) {
        return rungs.defaultCost(config);
    }

    @Override
    public List<NewTrial> propose(Space space, List<TrialRecord> all, boolean maximize) {
        List<Object> fidelities = rungs.rungFidelities();
        int top = fidelities.size() - 1;
        String fidelity = rungs.fidelity();
        Map<Long, TrialRecord> byId = new HashMap<>();
        for (TrialRecord t : all) if (t.rung() != null && t.rung() >= 0 && t.rung() <= top) byId.put(t.id(), t);
        // per bracket and rung: the DONE trials, and the ids already promoted from it
        List<List<List<TrialRecord>>> done = new ArrayList<>();
        List<List<Set<Long>>> promoted = new ArrayList<>();
        for (int b = 0; b <= top; b++) {
            List<List<TrialRecord>> d = new ArrayList<>();
            List<Set<Long>> p = new ArrayList<>();
            for (int k = 0; k <= top; k++) {
                d.add(new ArrayList<>());
                p.add(new HashSet<>());
            }
            done.add(d);
            promoted.add(p);
        }
        long base = 0;
        Set<Config> known = new HashSet<>();
        for (TrialRecord t : byId.values()) {
            int b = bracket(t, byId);
            int k = t.rung();
            if (t.parentId() == null) {
                base++;
                known.add(t.config().with(fidelity, fidelities.get(0)));
            } else promoted.get(b).get(k - 1).add(t.parentId());
            if (t.state() == TrialState.DONE && t.metric() != null) done.get(b).get(k).add(t);
        }
        Comparator<TrialRecord> best = Comparator.comparingDouble(TrialRecord::metric);
        if (maximize) best = best.reversed();
        best = best.thenComparingLong(TrialRecord::id);
        for (int b = 0; b <= top; b++) {
            for (int k = top - 1; k >= b; k--) {
                List<TrialRecord> rung = done.get(b).get(k);
                int quota = rung.size() / eta;
                if (quota == 0) continue;
                rung.sort(best);
                for (TrialRecord t : rung.subList(0, quota)) {
                    if (promoted.get(b).get(k).contains(t.id())) continue;
                    Object f = fidelities.get(k + 1);
                    return List.of(new NewTrial(t.config().with(fidelity, f), new Lineage(((Number) f).doubleValue(), k + 1, t.id())));
                }
            }
        }
        if (base >= trials) return List.of();
        int b = (int) (base % (top + 1));
        for (long i = base, tries = 0; tries < 1000; i++, tries++) {
            Config drawn = space.sample(seed, i);
            // one config, one bracket: a repeat of any bracket's base config (at any fidelity) is skipped
            if (!known.add(drawn.with(fidelity, fidelities.get(0)))) continue;
            Object f = fidelities.get(b);
            return List.of(new NewTrial(drawn.with(fidelity, f), new Lineage(((Number) f).doubleValue(), b, null)));
        }
        return List.of();
    }

    /** The bracket of a trial: the rung its lineage started at. */
    private static int bracket(TrialRecord t, Map<Long, TrialRecord> byId) {
        TrialRecord r = t;
        for (int guard = 0; r.parentId() != null && guard < 64; guard++) {
            TrialRecord p = byId.get(r.parentId());
            if (p == null) break;
            r = p;
        }
        return r.rung();
    }

    @Override
    public String describe() {
        return rungs.describe().replaceFirst("^\\{\"asha\"", "{\"hyperband\"");
    }
}
