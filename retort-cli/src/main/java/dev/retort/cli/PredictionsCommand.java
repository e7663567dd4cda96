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
import java.util.Locale;
import java.util.concurrent.Callable;

/** A recommender trial's predictions (TSV or TREC run) or its test split (TREC qrels), for trec_eval. */
@Command(name = "predictions", description = "Export a recommender trial's predictions (tsv, trec) or test qrels.")
final class PredictionsCommand extends CliCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "The experiment directory.")
    Path dir;

    @Parameters(index = "1", paramLabel = "TRIAL", description = "The trial id (see 'retort results --format csv').")
    long trialId;

    @Option(names = "--format", defaultValue = "tsv", description = "tsv, trec or qrels (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Output file (written atomically).")
    Path output;

    @Override
    public Integer call() throws Exception {
        RecExports.Kind kind;
        try {
            kind = RecExports.Kind.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PlanException("--format: '" + format + "' is not a predictions format; allowed: tsv, trec, qrels");
        }
        try (Experiment exp = ExperimentDir.join(dir); TrialStore store = exp.store()) {
            if (!exp.plan().objective().kind().equals("rec"))
                throw new PlanException(dir + ": experiment '" + exp.plan().name() + "' is not a recommender experiment; allowed: one with datasets and algorithms");
            TrialRecord t = store.trials(null).stream().filter(r -> r.id() == trialId).findFirst()
                    .orElseThrow(() -> new PlanException("trial " + trialId + " is not in " + dir + "; allowed: 1.." + store.counts().total()));
            RecExports.export(exp.dir(), exp.plan().objective().identity(), exp.plan().objective().runtime(), t, kind, output);
            err().println("wrote " + output + " (" + Files.size(output) + " bytes)");
            return 0;
        }
    }
}
