package dev.retort.cli;

import dev.retort.PlanException;
import dev.retort.engine.Goal;
import dev.retort.run.Experiment;
import dev.retort.store.TrialRecord;
import dev.retort.store.TrialState;
import dev.retort.store.TrialStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Charts of an experiment as PNG and SVG files. */
@Command(name = "plot", description = "Draw the optimisation history, the metric per parameter, per-fold boxes, a Pareto front or metric@k across cut-offs (PNG and SVG).")
final class PlotCommand extends CliCommand implements Callable<Integer> {
    static final List<String> KINDS = List.of("history", "parameter", "folds", "pareto", "cutoffs");

    @Mixin
    StoreOptions where;

    @Option(names = "--kind", paramLabel = "KIND", required = true, description = "history, parameter, folds, pareto or cutoffs.")
    String kind;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "plots",
            description = "The directory the files go to (made if missing; default: plots).")
    Path output;

    @Option(names = "--metric", paramLabel = "NAME", description = "The result entry plotted (default: the plan's metric).")
    String metric;

    @Option(names = "--versus", paramLabel = "NAME[:min|:max]",
            description = "pareto: the second metric, and its direction (default: from its name; seconds, cost, loss, error: min).")
    String versus;

    @Override
    public Integer call() throws Exception {
        if (!KINDS.contains(kind.toLowerCase(Locale.ROOT)))
            throw PlanException.at(null, "--kind", kind, "is not a kind of plot", String.join(", ", KINDS));
        if (kind.equalsIgnoreCase("pareto") && versus == null)
            throw PlanException.at(null, "--versus", "(not given)", "is needed by --kind pareto", "a second numeric result entry, e.g. fit_seconds or cost");
        Flags.directoryOrAbsent("-o", output);
        try (Experiment exp = where.join(); TrialStore store = exp.store()) {
            List<TrialRecord> done = store.trials(TrialState.DONE);
            if (done.isEmpty()) throw new PlanException("the experiment has no DONE trial to plot");
            String m = metric != null ? metric : exp.plan().metric().name();
            Plots.Input in = Plots.input(exp, done, m);
            if (done.stream().allMatch(t -> Plots.value(t, m) == null))
                throw PlanException.at(null, "--metric", m, "is no numeric result entry of any DONE trial",
                        String.join(", ", Comparisons.numericEntries(done.get(0))));
            List<Plots.Plot> plots = switch (kind.toLowerCase(Locale.ROOT)) {
                case "history" -> Plots.history(in);
                case "parameter" -> Plots.parameters(in);
                case "folds" -> Plots.folds(in);
                case "cutoffs" -> Plots.cutoffs(in);
                default -> {
                    String name = versus, dir = null;
                    int colon = versus.lastIndexOf(':');
                    if (colon > 0) {
                        name = versus.substring(0, colon);
                        dir = versus.substring(colon + 1);
                        if (!dir.equals("min") && !dir.equals("max"))
                            throw PlanException.at(null, "--versus", versus, "has direction '" + dir + "'", "NAME, NAME:min or NAME:max");
                    }
                    String second = name;
                    if (done.stream().allMatch(t -> Plots.value(t, second) == null))
                        throw PlanException.at(null, "--versus", versus, "is no numeric result entry of any DONE trial",
                                String.join(", ", Comparisons.numericEntries(done.get(0))));
                    Goal g = dir == null ? Plots.goalOf(name, exp.plan().metric().name(), exp.plan().metric().goal())
                            : dir.equals("min") ? Goal.MINIMIZE : Goal.MAXIMIZE;
                    yield Plots.pareto(in, name, g);
                }
            };
            for (Plots.Plot p : plots) {
                Plots.save(p, output);
                err().println("wrote " + output.resolve(p.name() + ".png") + " and .svg (" + p.series().size() + " series)");
            }
            return 0;
        }
    }
}
