package dev.retort.cli;

import dev.retort.run.Experiment;
import dev.retort.store.TrialStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Every trial (any state) with its parameters and results, to a file or stdout. */
@Command(name = "export", description = "Export every trial (any state) as CSV, JSON, Markdown or a text table.")
final class ExportCommand extends CliCommand implements Callable<Integer> {
    @Mixin
    StoreOptions where;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "csv, json, markdown or table (default: from the -o file name, else csv).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write here (atomically); '-' or none: stdout. The extension (.csv .json .md .txt) sets the format.")
    String output;

    @Override
    public Integer call() throws Exception {
        Formats.Format f = Formats.choose("export", format, output, Formats.Format.CSV, Formats.TABLES);
        try (Experiment exp = where.join(); TrialStore store = exp.store()) {
            Path file = Output.write(output, out(), w -> Reports.export(w, exp, store, f));
            if (file != null) err().println("wrote " + file + " (" + Files.size(file) + " bytes)");
            return 0;
        }
    }
}
