package dev.retort.cli;

import dev.retort.PlanException;
import dev.retort.plan.PlanParser;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/** What {@code retort launch slurm} and {@code retort launch k8s} share: the plan, the store, the experiment, the output. */
final class LaunchOptions {
    static final String STORE_ENV = "RETORT_STORE";

    @Parameters(index = "0", paramLabel = "PLAN", description = "The plan file (YAML); its experiment: key names the experiment.")
    Path plan;

    @Option(names = "--store", paramLabel = "URL", description = "The shared store the workers join, postgresql://USER@HOST[:PORT]/DB"
            + " (default: $RETORT_STORE). A password in it is never written to the launch file.")
    String store;

    @Option(names = "--experiment", paramLabel = "NAME", description = "The experiment (default: the plan's experiment: key).")
    String experiment;

    @Option(names = "--retort", paramLabel = "PATH", defaultValue = "retort",
            description = "The retort launcher as the workers' hosts find it (default: ${DEFAULT-VALUE}, on their PATH).")
    String retort;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the launch file here (atomically); '-' or none: stdout.")
    String output;

    /** The experiment's name: {@code --experiment}, else the plan's; refused as the plan parser refuses a bad one. */
    String experiment() {
        String fromPlan = PlanParser.experimentName(plan); // read even with --experiment: a missing plan is a mistake
        if (experiment == null) return fromPlan;
        if (!experiment.matches(PlanParser.NAME_PATTERN))
            throw PlanException.at(null, "--experiment", experiment, "is not a usable experiment name", PlanParser.NAME_RULE + ", at most 128");
        return experiment;
    }

    /** The store: {@code --store}, else {@code $RETORT_STORE}. */
    StoreUrl store() {
        String given = store != null ? store : System.getenv(STORE_ENV);
        return StoreUrl.parse(store != null ? "--store" : "--store (or " + STORE_ENV + ")", given);
    }

    /** The launcher path: anything but blank or multi-line (it is quoted where it is used). */
    String retort() {
        if (retort.isBlank() || retort.contains("\n") || retort.contains("\r"))
            throw PlanException.at(null, "--retort", retort, "is not a program path", "a path or a command name on the workers' PATH, e.g. /shared/retort/retort");
        return retort;
    }

    /** Refuses a value that would break the line it is written on, or is not of the form {@code pattern}. */
    static String checked(String flag, String value, String problem, String pattern, String allowed) {
        if (value != null && !value.matches(pattern)) throw PlanException.at(null, flag, value, problem, allowed);
        return value;
    }
}
