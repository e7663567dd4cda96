package dev.retort.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.retort.PlanException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds a recorded experiment's plan and files under {@code <new dir>/source/}, from the manifest and its
 * capture store alone: the plan text, every captured file at its path relative to the plan, and a link to each
 * data file, found where the manifest says or under a data root. The plan's directory is mirrored deep enough
 * (its last components) that paths climbing out of it ({@code ../data/x.csv}) resolve inside the copy.
 */
public final class Rebuild {
    public static final String SOURCE = "source";

    private Rebuild() {
    }

    /** The rebuilt plan file, and what could not be found (each a {@code key path: problem} line). */
    public record Rebuilt(Path planFile, List<String> missing) {
    }

    public static Rebuilt into(Manifest manifest, Path newDir, Path dataRoot) throws IOException {
        JsonNode m = manifest.json();
        JsonNode plan = m.path("plan");
        Path recordedDir = Path.of(plan.path("path").asText("/plan/" + plan.path("file").asText("plan.yaml"))).getParent();
        int up = 0;
        for (String k : keys(m.path("captured"), m.path("data_files"))) up = Math.max(up, climbs(k));
        if (m.path("objective").has("workdir")) up = Math.max(up, climbs(m.path("objective").path("workdir").asText()));
        Path planDir = newDir.toAbsolutePath().normalize().resolve(SOURCE);
        int n = recordedDir == null ? 0 : recordedDir.getNameCount();
        for (int i = Math.max(0, n - Math.max(up, 1)); i < n; i++) planDir = planDir.resolve(recordedDir.getName(i).toString());
        Files.createDirectories(planDir);
        List<String> missing = new ArrayList<>();

        for (Iterator<Map.Entry<String, JsonNode>> it = m.path("captured").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Path from = manifest.captured().path(e.getValue().path("sha256").asText());
            Path to = inside(planDir, e.getKey());
            if (to == null) continue; // recorded by absolute path: verified by hash where it is
            if (!Files.isRegularFile(from)) {
                missing.add("captured.\"" + e.getKey() + "\": " + CaptureStore.DIR + "/" + e.getValue().path("sha256").asText() + " is missing");
                continue;
            }
            Files.createDirectories(to.getParent());
            Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            if (Files.isExecutable(from) || e.getValue().path("why").asText().equals("command")) to.toFile().setExecutable(true);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = m.path("data_files").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Path to = inside(planDir, e.getKey());
            if (to == null) continue;
            Path found = find(Path.of(e.getValue().path("path").asText()), e.getKey(), dataRoot);
            if (found == null) {
                missing.add("data_files.\"" + e.getKey() + "\": not found at " + e.getValue().path("path").asText()
                        + (dataRoot == null ? " (--data-root names another place to look)" : " nor under " + dataRoot));
                continue;
            }
            Files.createDirectories(to.getParent());
            Files.deleteIfExists(to);
            Files.createSymbolicLink(to, found.toAbsolutePath());
        }
        if (m.path("objective").has("workdir")) {
            Path wd = inside(planDir, m.path("objective").path("workdir").asText());
            if (wd != null) Files.createDirectories(wd);
        }
        String text = plan.path("text").asText(null);
        if (text == null) throw new PlanException(manifest.file() + ": plan.text is missing; allowed: a manifest written by 'retort run'");
        Path planFile = planDir.resolve(plan.path("file").asText("plan.yaml"));
        Files.writeString(planFile, text, StandardCharsets.UTF_8);
        return new Rebuilt(planFile, missing);
    }

    private static Path find(Path recorded, String key, Path dataRoot) {
        if (Files.isRegularFile(recorded)) return recorded;
        if (dataRoot == null) return null;
        Path stripped = Path.of(key.replaceFirst("^(\\.\\./)+", ""));
        for (Path c : List.of(dataRoot.resolve(stripped), dataRoot.resolve(recorded.getFileName())))
            if (Files.isRegularFile(c)) return c;
        return null;
    }

    private static List<String> keys(JsonNode... maps) {
        List<String> out = new ArrayList<>();
        for (JsonNode m : maps) m.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static int climbs(String key) {
        int n = 0;
        for (String part : key.split("/")) {
            if (!part.equals("..")) break;
            n++;
        }
        return n;
    }

    /** {@code key} under the rebuilt plan directory, or null when it is an absolute path. */
    private static Path inside(Path planDir, String key) {
        return Path.of(key).isAbsolute() ? null : planDir.resolve(key).normalize();
    }
}
