package dev.retort.cli;

import dev.retort.run.Experiment;
import dev.retort.store.Counts;
import dev.retort.store.TrialRecord;
import dev.retort.store.TrialState;
import dev.retort.store.TrialStore;
import dev.retort.objective.Durations;
import dev.retort.engine.WorkerLiveness;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

/** Counts by state, progress by parameter value, and the running trials with their worker and age. */
@Command(name = "status", description = "Show an experiment's progress.")
final class StatusCommand extends CliCommand implements Callable<Integer> {
    @Mixin
    StoreOptions where;

    @Override
    public Integer call() {
        try (Experiment exp = where.join(); TrialStore store = exp.store()) {
            Counts c = store.counts();
            out().println("experiment " + exp.plan().name() + " (" + exp.location().redacted() + ")");
            StringBuilder sb = new StringBuilder();
            for (TrialState s : TrialState.values()) sb.append(String.format("  %-8s %d%n", s.name().toLowerCase(), c.get(s)));
            sb.append(String.format("  %-8s %d%n", "total", c.total()));
            if (c.cost() > 0) sb.append(String.format(java.util.Locale.ROOT, "  %-8s %.6g%n", "cost", c.cost()));
            out().print(sb);
            var byRung = store.countsByRung();
            if (!byRung.isEmpty()) { // a multi-fidelity search (ASHA, Hyperband)
                out().println("\nby rung (done/total):");
                byRung.forEach((rung, n) -> out().printf("  rung %-3d %d/%d%s%n", rung, n.get(TrialState.DONE), n.total(),
                        n.get(TrialState.RUNNING) > 0 ? "  (" + n.get(TrialState.RUNNING) + " running)" : ""));
            }
            out().println("\nby parameter value (done/total):");
            Map<String, Map<Object, Counts>> byValue = store.countsByParameterValue();
            boolean maximize = exp.plan().metric().goal().maximize();
            TrialRecord best = store.best(maximize, 1).stream().findFirst().orElse(null);
            byValue.forEach((param, values) -> out().println(ParameterSummary.line(param, values, best)));
            long now = store.now(); // the leases' clock: a server's, not this host's
            var running = store.trials(TrialState.RUNNING);
            if (!running.isEmpty()) {
                Map<String, WorkerLiveness.Verdict> workers = RunningTrials.liveness(store);
                out().println("\nrunning:");
                for (TrialRecord t : running) {
                    long age = t.startedAt() == null ? 0 : now - t.startedAt();
                    String lineage = t.rung() == null ? "" : "  rung " + t.rung() + (t.parentId() == null ? "" : " (from trial " + t.parentId() + ")");
                    out().printf("  trial %d%s  worker %s  running %s  %s  %s%n", t.id(), lineage, t.worker(),
                            human(age), RunningTrials.describe(t, workers.get(t.worker()), now), t.config());
                }
            }
            return 0;
        }
    }

    static String human(long millis) {
        return Durations.human(Duration.ofMillis(millis));
    }
}
