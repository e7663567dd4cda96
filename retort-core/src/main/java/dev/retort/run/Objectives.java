package dev.retort.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.retort.Objective;
import dev.retort.PlanException;
import dev.retort.objective.CommandObjective;
import dev.retort.objective.CommandSpec;
import dev.retort.objective.ObjectiveLoader;
import dev.retort.objective.SecretEnv;
import dev.retort.plan.ObjectiveSpec;
import dev.retort.plan.PlanExtension;
import dev.retort.plan.PlanParser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the objective an {@link ObjectiveSpec} describes, in whichever process runs the worker. */
public final class Objectives {
    private Objectives() {
    }

    public static Objective create(ObjectiveSpec spec, Path experimentDir, ClassLoader loader) {
        JsonNode rt = spec.runtime();
        switch (spec.kind()) {
            case "java":
                if (spec.instance() == null)
                    throw new PlanException("this experiment's objective is a Java object (" + spec.identity().path("java").asText()
                            + ") that lives only in the program that started it; worker processes cannot rebuild it."
                            + " Use objective.class or objective.command to run workers in other processes");
                return spec.instance();
            case "class": {
                List<Path> cp = new ArrayList<>();
                rt.path("classpath").forEach(p -> cp.add(Path.of(p.asText())));
                ClassLoader l = cp.isEmpty() ? loader : ObjectiveLoader.withClasspath(cp, loader, "objective.classpath");
                return ObjectiveLoader.load(spec.identity().path("class").asText(), l, "objective");
            }
            case "command": {
                List<String> argv = new ArrayList<>();
                spec.identity().path("command").forEach(a -> argv.add(a.asText()));
                Duration timeout = rt.has("timeout_ms") ? Duration.ofMillis(rt.get("timeout_ms").asLong()) : null;
                Map<String, String> env = new LinkedHashMap<>();
                rt.path("env").fields().forEachRemaining(e -> env.put(e.getKey(),
                        SecretEnv.resolve(e.getKey(), e.getValue().asText(), System::getenv)));
                Path workDir = rt.has("workdir") ? Path.of(rt.get("workdir").asText())
                        : rt.has("plan_dir") ? Path.of(rt.get("plan_dir").asText()) : null;
                return new CommandObjective(new CommandSpec(argv, timeout, env, workDir));
            }
            default:
                for (PlanExtension e : PlanParser.extensions(loader))
                    if (e.kind().equals(spec.kind())) return e.objective(spec.identity(), rt, experimentDir);
                throw new PlanException("objective kind '" + spec.kind() + "' is not known to this Retort; allowed: class, command"
                        + " (is the module that provides it on the class path?)");
        }
    }
}
