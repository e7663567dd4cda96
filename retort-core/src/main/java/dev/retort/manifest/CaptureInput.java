package dev.retort.manifest;

import dev.retort.plan.PlanParser;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * What a run's manifest is made from.
 *
 * @param planFile      the plan file as given
 * @param read          the plan as read from it (with its {@code capture:} files)
 * @param experimentDir where the manifest, {@code manifests/} and {@code captured/} go
 * @param loader        the class loader the objective is found with
 * @param classpath     extra class path entries ({@code --classpath}), absolute or relative to the working directory
 * @param retortClasses classes whose jars (or class directories) are Retort's code: the CLI's main class, say;
 *                      core's and every plan extension's are added
 * @param run           how the run was started: workers, threads, invocation, and for a rerun what it reran and
 *                      which differences were accepted; recorded under {@code run}
 * @param env           the process environment (only {@code RETORT_*} is recorded)
 * @param clock         for {@code started_at}, {@code finished_at} and the file name
 */
public record CaptureInput(Path planFile, PlanParser.Read read, Path experimentDir, ClassLoader loader, List<Path> classpath,
                           List<Class<?>> retortClasses, Map<String, Object> run, Map<String, String> env, Clock clock) {
    public CaptureInput {
        classpath = List.copyOf(classpath);
        retortClasses = List.copyOf(retortClasses);
        run = Map.copyOf(run);
    }
}
