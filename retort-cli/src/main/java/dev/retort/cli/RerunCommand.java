package dev.retort.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.retort.PlanException;
import dev.retort.manifest.CaptureInput;
import dev.retort.manifest.Manifest;
import dev.retort.manifest.ManifestDiff;
import dev.retort.manifest.Rebuild;
import dev.retort.manifest.ResultCompare;
import dev.retort.manifest.Verification;
import dev.retort.plan.Plan;
import dev.retort.plan.PlanParser;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * Reruns a recorded experiment from its manifest alone (docs/manifest.md): rebuilds the plan and the captured
 * files in a new directory, verifies code, data and files, runs, and compares the results trial by trial.
 */
@Command(name = "rerun", description = "Rerun an experiment from its manifest in a new directory, verify, and compare the results.")
final class RerunCommand extends CliCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MANIFEST", description = "A manifest file, or the experiment directory holding manifest.json.")
    Path manifestPath;

    @Option(names = "--dir", paramLabel = "NEW", description = "The new experiment directory (default: a temporary one, removed afterwards).")
    Path dir;

    @Option(names = "--workers", paramLabel = "N", description = "Worker processes (default: as recorded).")
    Integer workers;

    @Option(names = "--force", description = "Run even when code, data or files differ from the record; the accepted differences go into the new manifest.")
    boolean force;

    @Option(names = "--tolerance", paramLabel = "X", defaultValue = "0", description = "Largest absolute difference of a result value counted as equal (default: 0, bit for bit).")
    double tolerance;

    @Option(names = "--data-root", paramLabel = "D", description = "Where to look for data files not found where the manifest says.")
    Path dataRoot;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "Rows of the run's results table (default: ${DEFAULT-VALUE}).")
    int top;

    @Override
    public Integer call() throws Exception {
        Flags.range("--workers", workers == null ? null : (long) workers, 1, Plan.MAX_WORKERS);
        Flags.tolerance(tolerance);
        Flags.directoryOrAbsent("--dir", dir);
        Manifest recorded = Manifest.read(manifestPath);
        Map<String, JsonNode> before = recorded.results().orElseThrow(() -> new PlanException(recorded.file()
                + ": the recorded run did not finish (no outcome); allowed: the manifest of a finished run"));
        Path target = dir != null ? dir : Files.createTempDirectory("retort-rerun-");
        if (dir != null && Files.exists(dir.resolve(Manifest.FILE)))
            throw PlanException.at(null, "--dir", dir.toString(), "holds an experiment already", "a new or empty directory");
        try {
            return rerun(recorded, before, target);
        } finally {
            if (dir == null) deleteTree(target);
        }
    }

    private int rerun(Manifest recorded, Map<String, JsonNode> before, Path target) throws Exception {
        Rebuild.Rebuilt rebuilt = Rebuild.into(recorded, target, dataRoot);
        if (!rebuilt.missing().isEmpty())
            throw new PlanException("cannot rebuild " + recorded.file() + ":\n  " + String.join("\n  ", rebuilt.missing()));
        String classpath = recorded.json().path("run").path("classpath").asText(null);
        ClassLoader loader = ClassPaths.loader(classpath);
        PlanParser.Read read = new PlanParser(loader).read(rebuilt.planFile());
        List<Path> cp = new ArrayList<>();
        if (classpath != null) for (String p : classpath.split(File.pathSeparator)) if (!p.isBlank()) cp.add(Path.of(p));
        CaptureInput fresh = new CaptureInput(rebuilt.planFile(), read, target, loader, cp, List.of(Main.class), Map.of(),
                System.getenv(), Clock.systemUTC());
        List<ManifestDiff.Difference> diffs = Verification.differences(recorded, fresh);
        if (!diffs.isEmpty() && !force)
            throw new PlanException("the rebuilt experiment differs from the record in " + diffs.size() + " place(s) (key path: recorded -> found):\n  "
                    + String.join("\n  ", diffs.stream().map(Object::toString).toList())
                    + "\nrefused: a rerun of other code or data proves nothing; --force runs it anyway and records these differences");
        diffs.forEach(d -> err().println("retort: accepted with --force: " + d));

        RunCommand run = new RunCommand();
        Map<String, Object> extra = new TreeMap<>();
        extra.put("rerun_of", recorded.file().toString());
        extra.put("rerun_of_sha256", dev.retort.manifest.Canonical.sha256(Files.readAllBytes(recorded.file())));
        if (!diffs.isEmpty()) extra.put("accepted_differences", diffs.stream().map(ManifestDiff.Difference::toMap).toList());
        run.manifestRun = extra;
        CommandLine cl = new CommandLine(run);
        cl.setOut(out());
        cl.setErr(err());
        cl.setExecutionExceptionHandler((ex, c, p) -> {
            throw ex;
        });
        List<String> args = new ArrayList<>(List.of(rebuilt.planFile().toString(), "--dir", target.toString(), "--no-progress", "--top", Integer.toString(top)));
        if (classpath != null) args.addAll(List.of("--classpath", classpath));
        args.addAll(List.of("--workers", Integer.toString(workers != null ? workers : recorded.json().path("run").path("workers").asInt(1))));
        int code = cl.execute(args.toArray(String[]::new));
        if (code == 2) return 2;
        Map<String, JsonNode> after = Manifest.read(target).results().orElseThrow(() -> new PlanException(target + ": the rerun recorded no results"));
        List<ResultCompare.TrialDifference> diff = ResultCompare.compare(before, after, tolerance);
        out().print(Reports2.rerunReport(before.size(), diff, tolerance, !diffs.isEmpty()));
        out().flush();
        return diff.isEmpty() ? 0 : 1;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
