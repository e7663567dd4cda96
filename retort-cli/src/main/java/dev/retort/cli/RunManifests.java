package dev.retort.cli;

import dev.retort.manifest.CaptureInput;
import dev.retort.manifest.RunManifest;
import dev.retort.plan.Plan;
import dev.retort.plan.PlanParser;

import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Starts the manifest of a {@code retort run} (docs/manifest.md). */
final class RunManifests {
    private RunManifests() {
    }

    static RunManifest start(Path planFile, PlanParser.Read read, Plan plan, Path dir, ClassLoader loader, String classpath,
                             boolean threads, Map<String, Object> extra, Clock clock) {
        List<Path> cp = new ArrayList<>();
        if (classpath != null) for (String p : classpath.split(File.pathSeparator)) if (!p.isBlank()) cp.add(Path.of(p));
        Map<String, Object> run = new TreeMap<>(extra);
        run.put("workers", plan.workers());
        run.put("worker_threads", threads);
        if (classpath != null) run.put("classpath", classpath);
        PlanParser.Read used = new PlanParser.Read(plan, read.notices(), read.captureFiles());
        return RunManifest.start(new CaptureInput(planFile, used, dir, loader, cp, List.of(Main.class), run, System.getenv(), clock));
    }
}
