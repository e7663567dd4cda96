package dev.retort.cli;

import dev.retort.engine.WorkerLiveness;
import dev.retort.store.TrialRecord;
import dev.retort.store.TrialStore;
import dev.retort.store.WorkerRecord;

import java.util.HashMap;
import java.util.Map;

/** What {@code status} and {@code reset} say about a RUNNING trial: is its worker alive, has its lease lapsed. */
final class RunningTrials {
    private RunningTrials() {
    }

    /** The liveness of every worker of the experiment, by id. */
    static Map<String, WorkerLiveness.Verdict> liveness(TrialStore store) {
        Map<String, WorkerLiveness.Verdict> out = new HashMap<>();
        for (WorkerRecord w : store.workers()) out.put(w.id(), WorkerLiveness.of(w));
        return out;
    }

    /** True when nobody can still be working on the trial: its lease lapsed or its worker is known dead. */
    static boolean abandoned(TrialRecord t, WorkerLiveness.Verdict worker, long now) {
        return lapsed(t, now) || (worker != null && worker.state() == WorkerLiveness.State.DEAD);
    }

    static boolean lapsed(TrialRecord t, long now) {
        return t.leaseUntil() == null || t.leaseUntil() < now;
    }

    /** e.g. {@code lease ok (25s left)}, {@code lease EXPIRED 3s ago}, {@code worker DEAD (pid 4242 is gone)}. */
    static String describe(TrialRecord t, WorkerLiveness.Verdict worker, long now) {
        if (worker != null && worker.state() == WorkerLiveness.State.DEAD)
            return "worker DEAD (" + worker.why() + "; 'retort reset' returns the trial)";
        long lease = t.leaseUntil() == null ? 0 : t.leaseUntil() - now;
        return lease >= 0 ? "lease ok (" + StatusCommand.human(lease) + " left)" : "lease EXPIRED " + StatusCommand.human(-lease) + " ago";
    }
}
