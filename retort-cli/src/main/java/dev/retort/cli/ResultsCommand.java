package dev.retort.cli;

import dev.retort.report.ResultTable;
import dev.retort.run.Experiment;
import dev.retort.store.TrialState;
import dev.retort.store.TrialStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** The results table, best first by the plan's metric. */
@Command(name = "results", description = "Print the results, sorted by the metric.")
final class ResultsCommand extends CliCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "The experiment directory.")
    Path dir;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv, json or markdown (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--top", paramLabel = "N", defaultValue = "0", description = "Only the best N (default: all).")
    int top;

    @Override
    public Integer call() {
        ResultTable.Format f = Formats.parse(format);
        try (Experiment exp = ExperimentDir.join(dir); TrialStore store = exp.store()) {
            Reports.printResults(out(), exp, store, top, f);
            return store.counts().get(TrialState.FAILED) > 0 ? 1 : 0;
        }
    }
}
