package dev.retort.cli;

import dev.retort.run.Experiment;
import dev.retort.store.TrialState;
import dev.retort.store.TrialStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** The results table, best first by the plan's metric. */
@Command(name = "results", description = "Print the results, sorted by the metric.")
final class ResultsCommand extends CliCommand implements Callable<Integer> {
    @Mixin
    StoreOptions where;

    @Option(names = "--top", paramLabel = "N", defaultValue = "0", description = "Only the best N (default: all).")
    int top;

    @Option(names = "--folds", description = "Recommender plans: one row per fold instead of one per config (mean ± std).")
    boolean folds;

    @Mixin
    TableOutput table;

    @Override
    public Integer call() throws Exception {
        Flags.range("--top", (long) top, 0, Long.MAX_VALUE);
        Formats.Format f = table.format("results");
        try (Experiment exp = where.join(); TrialStore store = exp.store()) {
            Path file = Output.write(table.output, out(), w -> Reports.printResults(w, exp, store, top, f, folds, table.precision));
            if (file != null) err().println("wrote " + file + " (" + Files.size(file) + " bytes)");
            return 0; // it printed the results; FAILED trials are listed under the table (exit codes: docs/cli.md)
        }
    }
}
