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
        if (extraEnv != null) extraEnv.forEach((k, v) -> checkEnv(null, k, v));
        extraEnv = extraEnv == null ? Map.of() : Map.copyOf(extraEnv);
        if (timeout != null && (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Durations.MAX) > 0))
            throw PlanException.at(null, "objective.timeout", timeout, "is out of range", "a positive duration up to " + Durations.MAX_TEXT);
        if (workDir != null) checkWorkDir(null, workDir);
    }

    /** Refuses a variable the operating system cannot pass: an empty name, '=' or NUL in the name, NUL in the value. */
    public static void checkEnv(String where, String name, String value) {
        String key = "objective.env." + name.replace("\0", "\\0");
        if (name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\0') >= 0)
            throw PlanException.at(where, key, null, "is not a usable variable name",
                    "a non-empty name without '=' or NUL, e.g. OMP_NUM_THREADS");
        if (value == null || value.indexOf('\0') >= 0)
            throw PlanException.at(where, key, null, value == null ? "has no value" : "contains a NUL character", "a string without NUL");
    }

    /** Refuses a working directory that does not exist (checked when the plan is read, not when a trial starts). */
    public static void checkWorkDir(String where, Path workDir) {
        if (!java.nio.file.Files.isDirectory(workDir))
            throw PlanException.at(where, "objective.workdir", workDir.toString(),
                    java.nio.file.Files.exists(workDir) ? "is not a directory" : "does not exist", "an existing directory");
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
