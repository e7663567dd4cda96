package dev.retort.engine;

import dev.retort.space.Config;
import dev.retort.space.Space;
import dev.retort.store.NewTrial;
import dev.retort.store.TrialRecord;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * A search whose every decision is derived from the store's rows (ASHA, Hyperband, TPE). A worker that finds
 * no PENDING trial asks the store to {@link dev.retort.store.TrialStore#claimProposed claim a proposal}: inside
 * one write transaction of the experiment the store reads every trial, calls {@link #propose}, registers what
 * it returns and claims it. Workers on several hosts therefore never decide on the same rows at once, and the
 * strategy keeps no state between calls: a killed run, a new worker or a resumed experiment continue the same
 * search.
 */
public interface StoreSearch extends SearchStrategy {
    /** Nothing is registered up front: every trial is proposed by a worker asking for work. */
    @Override
    default Iterator<Config> initial(Space space) {
        return Collections.emptyIterator();
    }

    /**
     * The trials to add now, usually one; empty when the search must wait for running trials or is over.
     * Must be a function of its arguments only (the same rows give the same proposal).
     *
     * @param trials   every trial of the experiment, by id
     * @param maximize whether the plan's metric is maximised
     */
    List<NewTrial> propose(Space space, List<TrialRecord> trials, boolean maximize);

    /**
     * The cost recorded for a finished trial of {@code config} whose result has no {@code cost}, or null for
     * none. Multi-fidelity searches charge the trial's fidelity, so {@code limits.max_cost} counts fidelity units
     * (epochs, iterations) across every worker.
     */
    default Double defaultCost(Config config) {
        return null;
    }

    /** Whether a trial may be continued by a later one at a higher fidelity (ASHA, Hyperband). */
    default boolean promotes() {
        return false;
    }
}
