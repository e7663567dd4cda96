package dev.retort.cli;

import dev.retort.report.ResultTable;
import dev.retort.run.Experiment;
import dev.retort.store.AtomicFiles;
import dev.retort.store.TrialRecord;
import dev.retort.store.TrialStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** Every trial (any state) with its parameters and results, as CSV or JSON, to a file or stdout. */
@Command(name = "export", description = "Export every trial as CSV or JSON.")
final class ExportCommand extends CliCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "The experiment directory.")
    Path dir;

    @Option(names = "--format", defaultValue = "csv", description = "csv, json or markdown (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here (atomically) instead of stdout.")
    Path output;

    @Override
    public Integer call() throws Exception {
        ResultTable.Format f = Formats.parse(format);
        try (Experiment exp = ExperimentDir.join(dir); TrialStore store = exp.store()) {
            List<TrialRecord> all = store.trials(null);
            String text = ResultTable.of(all, exp.plan().metric()).withState(all).render(f);
            if (output == null) out().print(text);
            else AtomicFiles.writeString(output, text);
            return 0;
        }
    }
}
