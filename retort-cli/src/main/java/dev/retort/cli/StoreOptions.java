package dev.retort.cli;

import dev.retort.PlanException;
import dev.retort.run.Experiment;
import dev.retort.store.StoreLocation;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Where the experiment of a command lives: a directory (SQLite), or {@code --store URL --experiment NAME} (also
 * {@code RETORT_STORE}) for an experiment on a PostgreSQL server, its artifacts under {@code --artifacts}.
 */
final class StoreOptions {
    static final String ENV = "RETORT_STORE";
    static final String URL_HELP = "A PostgreSQL store instead of DIR: postgresql://user[:password]@host[:port]/db[?schema=name]"
            + " (default: $RETORT_STORE; password also from RETORT_STORE_PASSWORD, PGPASSWORD or ~/.pgpass).";

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The experiment directory (or --store and --experiment).")
    Path dir;

    @Mixin
    ServerFlags server;

    /** {@code --store URL --experiment NAME [--artifacts PATH]}: an experiment on a server, for commands that also take a DIR. */
    static final class ServerFlags {
        @Option(names = "--store", paramLabel = "URL", description = URL_HELP)
        String store;

        @Option(names = "--experiment", paramLabel = "NAME", description = "The experiment's name in the --store.")
        String experiment;

        @Option(names = "--artifacts", paramLabel = "PATH", description = "Trial directories and logs of a --store experiment (default: runs/<experiment>).")
        Path artifacts;

        /** The experiment in {@code dir}, or the one the flags (or the environment) name; a mistake is a user error naming the flag. */
        StoreLocation location(Path dir) {
            return StoreOptions.location(dir, store, experiment, artifacts, System.getenv(), true);
        }
    }

    /** The location the flags (or the environment) name; a mistake is a user error naming the flag. */
    StoreLocation location() {
        return server.location(dir);
    }

    Experiment join() {
        return Experiment.join(location(), Clock.systemUTC());
    }

    /**
     * @param needExperiment false for {@code run}, whose experiment is the plan's (passed as {@code experiment})
     */
    static StoreLocation location(Path dir, String store, String experiment, Path artifacts, Map<String, String> env, boolean needExperiment) {
        String url = store;
        String source = "--store";
        if (url == null && dir == null && env.get(ENV) != null && !env.get(ENV).isBlank()) {
            url = env.get(ENV);
            source = ENV;
        }
        if (url != null && dir != null)
            throw PlanException.at(null, "--store", StoreLocation.redact(url), "is given with the directory " + dir,
                    "a directory (SQLite store) or --store URL --experiment NAME, not both");
        if (url == null) {
            if (experiment != null && needExperiment) throw PlanException.at(null, "--experiment", experiment, "needs --store", "--store URL --experiment NAME");
            if (artifacts != null) throw PlanException.at(null, "--artifacts", artifacts.toString(), "needs --store", "--store URL --artifacts PATH");
            if (dir == null && needExperiment)
                throw PlanException.at(null, "DIR", null, "is missing", "an experiment directory, or --store URL --experiment NAME");
            return dir == null ? null : new StoreLocation.Directory(dir);
        }
        if (experiment == null && needExperiment)
            throw PlanException.at(null, "--experiment", null, "is missing for the store " + StoreLocation.redact(url), "the experiment's name in the store");
        Path root = artifacts != null ? artifacts : experiment == null ? null : Path.of("runs", experiment);
        Flags.directoryOrAbsent("--artifacts", root);
        return StoreLocation.of(source, url, experiment, root, env);
    }
}
