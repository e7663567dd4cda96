package dev.retort.cli;

import dev.retort.run.Experiment;
import dev.retort.store.TrialStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

/** One self-contained HTML file about an experiment. */
@Command(name = "report", description = "Write one self-contained HTML report: counts, manifest, results, plots, failed trials.")
final class ReportCommand extends CliCommand implements Callable<Integer> {
    @Mixin
    StoreOptions where;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "report.html",
            description = "The HTML file, written atomically (default: report.html); '-': stdout.")
    String output;

    /** Tests fix the clock; the report's only time is when it was generated. */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws Exception {
        try (Experiment exp = where.join(); TrialStore store = exp.store()) {
            Path file = Output.write(output, out(), w -> HtmlReport.write(w, exp, store, clock.instant()));
            if (file != null) err().println("wrote " + file + " (" + Files.size(file) + " bytes)");
            return 0;
        }
    }
}
