package dev.retort.report;

import dev.retort.plan.ObjectiveSpec;
import dev.retort.plan.PlanExtension;
import dev.retort.plan.PlanParser;
import dev.retort.run.Experiment;
import dev.retort.space.Config;
import dev.retort.store.TrialRecord;
import dev.retort.store.TrialStore;
import dev.retort.store.WorkerRecord;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Stored trials as {@link ExportedTrial records}, with their workers' hosts and the plan extension's labels.
 * The Java API's way to read an experiment:
 * <pre>{@code
 * for (ExportedTrial t : TrialExports.read(Path.of("runs/demo"))) System.out.println(t.trial() + " " + t.result());
 * }</pre>
 */
public final class TrialExports {
    private TrialExports() {
    }

    /** Every trial of the experiment in {@code dir}, by id. */
    public static List<ExportedTrial> read(Path dir) {
        try (Experiment exp = Experiment.join(dir, Clock.systemUTC()); TrialStore store = exp.store()) {
            return of(exp, store, store.trials(null));
        }
    }

    /** {@code records} (in their order) as records of {@code exp}'s plan. */
    public static List<ExportedTrial> of(Experiment exp, TrialStore store, List<TrialRecord> records) {
        Map<String, String> hosts = new java.util.HashMap<>();
        for (WorkerRecord w : store.workers()) hosts.put(w.id(), w.host());
        Function<Config, Map<String, Object>> labels = labels(exp.plan().objective());
        List<ExportedTrial> out = new ArrayList<>(records.size());
        for (TrialRecord r : records)
            out.add(ExportedTrial.of(r, r.worker() == null ? null : hosts.get(r.worker()), labels.apply(r.config())));
        return out;
    }

    /** The labels of the plan extension that built {@code objective}'s kind, or none. */
    static Function<Config, Map<String, Object>> labels(ObjectiveSpec objective) {
        for (PlanExtension e : PlanParser.extensions(Thread.currentThread().getContextClassLoader()))
            if (e.kind().equals(objective.kind())) return e::labels;
        return c -> Map.of();
    }
}
