package dev.retort.objective;

import dev.retort.PlanException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How to run a trial as an external program; see {@link CommandObjective} for the templating and result rules.
 *
 * @param argv     the program and its arguments, each possibly holding {@code {parameter}} placeholders; not empty
 * @param timeout  wall-clock limit per attempt, after which the whole process tree is killed; null means none
 * @param extraEnv variables added to the inherited environment (the {@code RETORT_*} variables win on a clash);
 *                 null means none
 * @param workDir  the program's working directory; null means the trial directory
 */
public record CommandSpec(List<String> argv, Duration timeout, Map<String, String> extraEnv, Path workDir) {
    public CommandSpec {
        if (argv == null || argv.isEmpty())
            throw PlanException.at(null, "objective.command", List.of(), "is empty", "a program followed by its arguments");
        argv = List.copyOf(argv);
        extraEnv = extraEnv == null ? Map.of() : Map.copyOf(extraEnv);
        if (timeout != null && (timeout.isNegative() || timeout.isZero()))
            throw PlanException.at(null, "objective.timeout", timeout, "is not positive", "a positive duration");
    }

    /** A spec with no timeout, no extra environment, running in the trial directory. */
    public static CommandSpec of(String... argv) {
        return new CommandSpec(List.of(argv), null, null, null);
    }

    /** This spec with another timeout (null for none). */
    public CommandSpec withTimeout(Duration newTimeout) {
        return new CommandSpec(argv, newTimeout, extraEnv, workDir);
    }
}
