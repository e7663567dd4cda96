package dev.retort.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.retort.PlanException;
import dev.retort.manifest.Canonical;
import dev.retort.manifest.Manifest;
import dev.retort.manifest.ManifestDiff;
import dev.retort.manifest.ResultCompare;
import dev.retort.manifest.ResultSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** Two experiments side by side: plan, code, environment and data first, then the per-trial results. */
@Command(name = "diff", description = "Compare two experiments (directories, manifests or JSON result exports): plan, code, environment, data, then results.")
final class DiffCommand extends CliCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "A", description = "An experiment directory, a manifest file, or a JSON result export (retort export --format json).")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "An experiment directory, a manifest file, or a JSON result export.")
    Path b;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--tolerance", paramLabel = "X", defaultValue = "0", description = "Largest absolute difference of a result value counted as equal (default: 0).")
    double tolerance;

    @Override
    public Integer call() {
        if (!format.equals("table") && !format.equals("json"))
            throw PlanException.at(null, "--format", format, "is not a diff format", "table, json");
        Flags.tolerance(tolerance);
        Side sa = Side.of(a), sb = Side.of(b);
        Map<String, List<ManifestDiff.Difference>> sections = new LinkedHashMap<>();
        if (sa.manifest() != null && sb.manifest() != null)
            ManifestDiff.SECTIONS.forEach((name, keys) -> sections.put(name, ManifestDiff.under(sa.manifest().json(), sb.manifest().json(), keys, false)));
        Map<String, JsonNode> ra = sa.results(), rb = sb.results();
        List<ResultCompare.TrialDifference> trials = ResultCompare.compare(ra, rb, tolerance);
        boolean same = trials.isEmpty() && sections.values().stream().allMatch(List::isEmpty);
        if (format.equals("json")) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("a", sa.file().toString());
            doc.put("b", sb.file().toString());
            doc.put("same", same);
            Map<String, Object> s = new LinkedHashMap<>();
            sections.forEach((k, v) -> s.put(k, v.stream().map(ManifestDiff.Difference::toMap).toList()));
            doc.put("sections", s);
            doc.put("trials", trials.stream().map(ResultCompare.TrialDifference::toMap).toList());
            out().print(Canonical.json(doc));
        } else {
            StringBuilder text = new StringBuilder("A " + sa.file() + "\nB " + sb.file() + "\n");
            if (sections.isEmpty()) text.append("\n(a result export has no plan, code, environment or data to compare: results only)\n");
            sections.forEach((k, v) -> {
                text.append('\n').append(k).append(v.isEmpty() ? ": same\n" : ": " + v.size() + " difference(s) (A -> B)\n");
                text.append(Reports2.differences(v));
            });
            long n = trials.stream().map(ResultCompare.TrialDifference::configHash).distinct().count();
            text.append("\nresults: ").append(trials.isEmpty() ? "same (" + ra.size() + " trials)\n" : n + " trial(s) differ (A = recorded, B = new)\n");
            if (!trials.isEmpty()) text.append(Reports2.trialTable(trials));
            out().print(text);
        }
        out().flush();
        return same ? 0 : 1;
    }

    /** One side of the comparison: an experiment's manifest (and its results), or a result export alone. */
    record Side(Path file, Manifest manifest, Map<String, JsonNode> results) {
        static Side of(Path p) {
            if (Files.isRegularFile(p)) {
                JsonNode j = Canonical.read(p);
                if (j.isArray()) return new Side(p.toAbsolutePath().normalize(), null, ResultSet.fromExport(p, j));
            }
            Manifest m = Manifest.read(p);
            return new Side(m.file(), m, m.results().orElse(Map.of()));
        }
    }
}
