package dev.retort.rec.preprocess;

import dev.retort.PlanException;
import dev.retort.rec.data.Interactions;

import java.util.ArrayList;
import java.util.List;

/** Runs preprocessing steps in order and records the effect of each. */
public final class Pipeline {
    private Pipeline() {
    }

    /** The preprocessed data and one report per step, in order. */
    public record Result(Interactions data, List<StepReport> reports) {
        public Result {
            reports = List.copyOf(reports);
        }
    }

    /**
     * Applies {@code steps} to {@code data} of dataset {@code dataset}.
     *
     * @throws PlanException if a step leaves no interactions, naming the dataset and that step
     */
    public static Result run(String dataset, Interactions data, List<? extends StepSpec> steps) {
        List<StepReport> reports = new ArrayList<>();
        Interactions current = data;
        for (int i = 0; i < steps.size(); i++) {
            StepSpec step = steps.get(i);
            String where = "datasets." + dataset + ".preprocess[" + i + "]";
            Interactions next = step.apply(current, where);
            reports.add(StepReport.of(step.label(), current, next));
            if (next.size() == 0) {
                throw PlanException.at("dataset '" + dataset + "'", "preprocess[" + i + "]", step.label(),
                        "left no interactions (it had " + current.size() + " rows)", null);
            }
            current = next;
        }
        return new Result(current, reports);
    }
}
