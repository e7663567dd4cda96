package dev.retort.cli;

import dev.retort.PlanException;
import dev.retort.rec.experiment.RecExports;
import dev.retort.run.Experiment;
import dev.retort.store.TrialRecord;
import dev.retort.store.TrialStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** A recommender trial's predictions (TSV or TREC run) or its test split (TREC qrels), for trec_eval. */
@Command(name = "predictions", description = "Export a recommender trial's predictions (tsv, trec) or test qrels.")
final class PredictionsCommand extends CliCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    TrialArgs target;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "tsv, trec (run, rank-based scores) or qrels (default: from the -o file name, else tsv).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write here (atomically); '-' or none: stdout. The extension (.tsv .trec .run .qrels) sets the format.")
    String output;

    @Override
    public Integer call() throws Exception {
        long trialId = target.trial();
        Formats.Format f = Formats.choose("predictions", format, output, Formats.Format.TSV, Formats.PREDICTIONS);
        RecExports.Kind kind = RecExports.Kind.valueOf(f.name());
        try (Experiment exp = target.join(); TrialStore store = exp.store()) {
            if (!exp.plan().objective().kind().equals("rec"))
                throw new PlanException(target.where() + ": experiment '" + exp.plan().name() + "' is not a recommender experiment; allowed: one with datasets and algorithms");
            TrialRecord t = store.trials(null).stream().filter(r -> r.id() == trialId).findFirst()
                    .orElseThrow(() -> new PlanException("TRIAL: trial " + trialId + " is not in " + target.where() + "; allowed: 1.." + store.counts().total()));
            RecExports.Export export = RecExports.prepare(exp.dir(), exp.plan().objective().identity(), exp.plan().objective().runtime(), t, kind);
            Path file = Output.write(output, out(), export::writeTo);
            if (file != null) err().println("wrote " + file + " (" + Files.size(file) + " bytes)");
            return 0;
        }
    }
}
