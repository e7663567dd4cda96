package dev.retort.cli;

import dev.retort.PlanException;
import dev.retort.engine.WorkerLiveness;
import dev.retort.run.Experiment;
import dev.retort.store.TrialRecord;
import dev.retort.store.TrialState;
import dev.retort.store.TrialStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * FAILED trials, and RUNNING trials nobody works on any more (lease lapsed, or worker dead on this host), back
 * to PENDING. A live worker's trial is taken only with {@code --running --force}, which says what it discards.
 */
@Command(name = "reset", description = "Put FAILED trials, and RUNNING trials whose lease lapsed or whose worker died, back to PENDING.")
final class ResetCommand extends CliCommand implements Callable<Integer> {
    @Mixin
    StoreOptions where;

    @Option(names = "--failed", description = "Only FAILED trials.")
    boolean failedOnly;

    @Option(names = "--running", description = "Only RUNNING trials whose lease lapsed or whose worker is dead.")
    boolean runningOnly;

    @Option(names = "--force", description = "With --running: also take trials of live workers (their work in progress is discarded).")
    boolean force;

    @Override
    public Integer call() {
        if (force && !runningOnly)
            throw new PlanException("--force: allowed only with --running (it takes RUNNING trials from live workers)");
        try (Experiment exp = where.join(); TrialStore store = exp.store()) {
            boolean both = failedOnly == runningOnly;
            int failed = both || failedOnly ? store.reset(TrialState.FAILED) : 0;
            int running = 0;
            int kept = 0;
            if (both || runningOnly) {
                Map<String, WorkerLiveness.Verdict> workers = RunningTrials.liveness(store);
                long now = store.now(); // the leases' clock: a server's, not this host's
                List<TrialRecord> take = new ArrayList<>();
                for (TrialRecord t : store.trials(TrialState.RUNNING)) {
                    WorkerLiveness.Verdict w = workers.get(t.worker());
                    if (RunningTrials.abandoned(t, w, now)) {
                        take.add(t);
                    } else if (force) {
                        take.add(t);
                        out().println("discarding the work in progress of trial " + t.id() + " (worker " + t.worker() + ", "
                                + RunningTrials.describe(t, w, now) + "): its worker's result will be refused");
                    } else {
                        kept++;
                    }
                }
                running = store.resetRunning(take);
            }
            out().println("reset " + failed + " failed and " + running + " running trials to pending");
            if (kept > 0)
                out().println("kept " + kept + " running trials whose workers are alive with a valid lease; "
                        + "'retort reset " + String.join(" ", exp.location().workerArgs()) + " --running --force' takes them and discards their work in progress");
            return 0;
        }
    }
}
