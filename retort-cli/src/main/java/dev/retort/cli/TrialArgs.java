package dev.retort.cli;

import dev.retort.PlanException;
import dev.retort.run.Experiment;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The arguments of a command about one trial: {@code DIR TRIAL}, or {@code TRIAL} with {@code --store URL
 * --experiment NAME} (or {@code RETORT_STORE}) for an experiment on a server, its artifacts under
 * {@code --artifacts} (where the trial directories are).
 */
final class TrialArgs {
    @Parameters(arity = "1..2", paramLabel = "TRIAL",
            description = "[DIR] TRIAL: the experiment directory (or --store and --experiment), then the trial id.")
    List<String> args;

    @Mixin
    StoreOptions.ServerFlags server;

    long trial() {
        String t = args.get(args.size() - 1);
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw PlanException.at(null, "TRIAL", t, "is not a trial id", "a whole number, as 'retort trials' lists them");
        }
    }

    /** What to show in messages for the experiment: its directory or its name in the store. */
    String where() {
        return args.size() == 2 ? args.get(0) : "experiment '" + server.experiment + "'";
    }

    Experiment join() {
        Path dir = args.size() == 2 ? Path.of(args.get(0)) : null;
        return Experiment.join(server.location(dir), Clock.systemUTC());
    }
}
