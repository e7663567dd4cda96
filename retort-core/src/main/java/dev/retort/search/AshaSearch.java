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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Asynchronous successive halving (Li et al., "A System for Massively Parallel Hyperparameter Tuning", 2018).
 * Rung {@code k} runs configs at fidelity {@code min * eta^k}, up to the largest not above {@code max}. A worker
 * asking for work gets, checking the rungs from the top down, the best DONE trial of the first rung {@code k}
 * that is among the top {@code floor(n_k / eta)} of the {@code n_k} DONE trials there and has no trial at rung
 * {@code k + 1} yet (a promotion: the same config at the next fidelity, a new trial whose parent is it);
 * otherwise a new config at the base rung, until {@code trials} base configs exist. Trials that FAILED neither
 * count in {@code n_k} nor are promoted.
 *
 * <p>Everything is read from the store's rows on each call, so the search has no state of its own. Base config
 * {@code i} is random draw {@code i} of the space with the fidelity set (seeded as for random search), so the
 * same seed gives the same configs in any run.
 */
public final class AshaSearch implements StoreSearch {
    private final String fidelity;
    private final double min, max;
    private final int eta;
    private final long trials;
    private final long seed;
    private final List<Object> rungs;

    /**
     * @param fidelity the parameter that carries the fidelity (e.g. epochs); every config of the space has it
     * @param trials   how many configs start at the base rung
     */
    public AshaSearch(String fidelity, double min, double max, int eta, long trials, long seed) {
        this.fidelity = fidelity;
        this.min = min;
        this.max = max;
        this.eta = eta;
        this.trials = trials;
        this.seed = seed;
        this.rungs = rungs(min, max, eta);
    }

    /**
     * The fidelity of each rung: {@code min * eta^k} while not above {@code max} (with a relative tolerance of
     * 1e-9 for the floating-point powers); integers when {@code min} is a whole number.
     */
    static List<Object> rungs(double min, double max, int eta) {
        List<Object> out = new ArrayList<>();
        boolean whole = min == Math.rint(min);
        double f = min;
        while (f <= max * (1 + 1e-9)) {
            out.add(whole ? (Object) Math.round(f) : (Object) f);
            f *= eta;
        }
        return List.copyOf(out);
    }

    /** The fidelity values of the rungs, base first. */
    public List<Object> rungFidelities() {
        return rungs;
    }

    public String fidelity() {
        return fidelity;
    }

    @Override
    public boolean promotes() {
        return true;
    }

    /** A trial is charged its fidelity (see {@link StoreSearch#defaultCost}). */
    @Override
    public Double defaultCost(Config config) {
        return config.has(fidelity) && config.get(fidelity) instanceof Number n ? n.doubleValue() : null;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public int eta() {
        return eta;
    }

    public long trials() {
        return trials;
    }

    public long seed() {
        return seed;
    }

    @Override
    public List<NewTrial> propose(Space space, List<TrialRecord> all, boolean maximize) {
        int top = rungs.size() - 1;
        List<List<TrialRecord>> done = new ArrayList<>();
        List<Set<Long>> promoted = new ArrayList<>();
        for (int k = 0; k <= top; k++) {
            done.add(new ArrayList<>());
            promoted.add(new HashSet<>());
        }
        long base = 0;
        Set<Config> hashes = new HashSet<>();
        for (TrialRecord t : all) {
            if (t.rung() == null || t.rung() < 0 || t.rung() > top) continue; // not this search's trial
            int k = t.rung();
            if (k == 0) {
                base++;
                hashes.add(t.config());
            }
            if (t.parentId() != null && k > 0) promoted.get(k - 1).add(t.parentId());
            if (t.state() == TrialState.DONE && t.metric() != null) done.get(k).add(t);
        }
        Comparator<TrialRecord> best = Comparator.comparingDouble(TrialRecord::metric);
        if (maximize) best = best.reversed();
        best = best.thenComparingLong(TrialRecord::id);
        for (int k = top - 1; k >= 0; k--) {
            List<TrialRecord> rung = done.get(k);
            int quota = rung.size() / eta;
            if (quota == 0) continue;
            rung.sort(best);
            for (TrialRecord t : rung.subList(0, quota)) {
                if (promoted.get(k).contains(t.id())) continue;
                Object f = rungs.get(k + 1);
                return List.of(new NewTrial(t.config().with(fidelity, f), new Lineage(number(f), k + 1, t.id())));
            }
        }
        if (base >= trials) return List.of();
        // draw i is the i-th base config; a draw repeating an earlier config (small discrete spaces) is skipped
        for (long i = base, tries = 0; tries < 1000; i++, tries++) {
            Config c = space.sample(seed, i).with(fidelity, rungs.get(0));
            if (hashes.add(c)) return List.of(new NewTrial(c, new Lineage(number(rungs.get(0)), 0, null)));
        }
        return List.of(); // the space has no new config left to draw
    }

    private static double number(Object f) {
        return ((Number) f).doubleValue();
    }

    @Override
    public String describe() {
        return "{\"asha\":{\"eta\":" + eta + ",\"fidelity\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(fidelity).toString() + ",\"max\":" + num(max)
                + ",\"min\":" + num(min) + ",\"seed\":" + seed + ",\"trials\":" + trials + "}}";
    }

    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
