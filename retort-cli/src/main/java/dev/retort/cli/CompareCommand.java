package dev.retort.cli;

import dev.retort.PlanException;
import dev.retort.report.LatexTable;
import dev.retort.report.ResultTable;
import dev.retort.report.significance.PairedTest;
import dev.retort.run.Experiment;
import dev.retort.store.TrialState;
import dev.retort.store.TrialStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** Paired significance tests of every configuration against a baseline. */
@Command(name = "compare", description = "Paired significance tests of each configuration against a baseline (Holm-corrected).")
final class CompareCommand extends CliCommand implements Callable<Integer> {
    @Mixin
    StoreOptions where;

    @Option(names = "--baseline", paramLabel = "KEY=VALUE[,KEY=VALUE]", required = true,
            description = "The configuration the others are compared with, e.g. 'algorithm=MostPopular'.")
    String baseline;

    @Option(names = "--test", paramLabel = "TEST", defaultValue = "wilcoxon",
            description = "wilcoxon (signed-rank) or ttest (paired t-test); default: wilcoxon.")
    String test;

    @Option(names = "--over", paramLabel = "UNIT",
            description = "What pairs the values: users (recommender plans, the default there), folds, or a parameter such as seed.")
    String over;

    @Option(names = "--metric", paramLabel = "NAME", description = "The result entry compared (default: the plan's metric).")
    String metric;

    @Mixin
    TableOutput table;

    @Override
    public Integer call() throws Exception {
        PairedTest t = PairedTest.byFlag(test);
        if (t == null) throw PlanException.at(null, "--test", test, "is not a paired test", "wilcoxon, ttest");
        Formats.Format f = table.format("compare");
        try (Experiment exp = where.join(); TrialStore store = exp.store()) {
            String m = metric != null ? metric : exp.plan().metric().name();
            Comparisons.Outcome o = new Comparisons(exp).compare(store.trials(TrialState.DONE), m, t, baseline, over);
            Path file = Output.write(table.output, out(), w -> {
                String legend = Comparisons.legend(o);
                switch (f) {
                    case LATEX -> LatexTable.write(Comparisons.table(o, true),
                            new LatexTable.Options(table.precision, Map.of(), "retort compare " + exp.plan().name() + ": " + legend), w);
                    case TABLE, MARKDOWN -> {
                        Comparisons.table(o, true).write(f.table(), w);
                        w.write((f == Formats.Format.MARKDOWN ? "\n" : "") + legend + "\n");
                    }
                    default -> Comparisons.table(o, false).write(f.table(), w);
                }
            });
            if (file != null) err().println("wrote " + file + " (" + Files.size(file) + " bytes)");
            return 0;
        }
    }
}
