package dev.retort.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.retort.PlanException;
import dev.retort.store.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A run's manifest: what was run, with what code, on what data and machine, and what came out (schema in
 * docs/manifest.md). {@code <experiment>/manifest.json} is the latest run's; {@code manifests/} keeps one
 * per run. Both are written atomically.
 */
public final class Manifest {
    /** The version of the manifest's schema; raised whenever a key changes meaning. */
    public static final int FORMAT = 1;
    /** Retort's version as the manifest records it (the CLI's {@code --version} says the same). */
    public static final String RETORT_VERSION = dev.retort.Retort.VERSION;
    public static final String FILE = "manifest.json";
    public static final String HISTORY = "manifests";

    private final Path file;
    private final JsonNode json;

    private Manifest(Path file, JsonNode json) {
        this.file = file;
        this.json = json;
    }

    /** The manifest at {@code path}: a manifest file, or an experiment directory holding {@code manifest.json}. */
    public static Manifest read(Path path) {
        Path f = Files.isDirectory(path) ? path.resolve(FILE) : path;
        if (!Files.isRegularFile(f))
            throw new PlanException(path + ": no manifest here" + (Files.isDirectory(path) ? " (no " + FILE + ")" : "")
                    + "; allowed: an experiment directory made by 'retort run', or its manifest.json or manifests/*.json");
        JsonNode j = Canonical.read(f);
        if (!j.isObject() || !j.has("format"))
            throw new PlanException(f + ": not a Retort manifest (no \"format\" key)");
        if (j.get("format").asInt() > FORMAT)
            throw new PlanException(f + ": manifest format " + j.get("format").asInt() + " is newer than this Retort reads ("
                    + FORMAT + "); allowed: a manifest of format 1 to " + FORMAT);
        return new Manifest(f.toAbsolutePath().normalize(), j);
    }

    public Path file() {
        return file;
    }

    public JsonNode json() {
        return json;
    }

    /** The experiment directory the manifest belongs to: its own, or the parent of {@code manifests/}. */
    public Path experimentDir() {
        Path d = file.getParent();
        return d.getFileName() != null && d.getFileName().toString().equals(HISTORY) ? d.getParent() : d;
    }

    public CaptureStore captured() {
        return CaptureStore.in(experimentDir());
    }

    /** The recorded per-trial results (config hash to entry), when the run finished and they are in the capture store. */
    public Optional<Map<String, JsonNode>> results() {
        String sha = json.path("outcome").path("results_sha256").asText(null);
        if (sha == null) return Optional.empty();
        Path f = captured().path(sha);
        if (!Files.isRegularFile(f))
            throw new PlanException(file + ": its results " + CaptureStore.DIR + "/" + sha + " are missing; allowed: a manifest beside the "
                    + CaptureStore.DIR + "/ directory of its experiment");
        return Optional.of(ResultSet.read(Canonical.read(f)));
    }

    /** Writes {@code manifest} to both places. */
    static void write(Path experimentDir, String historyName, Map<String, Object> manifest) throws IOException {
        String text = Canonical.json(manifest);
        AtomicFiles.writeString(experimentDir.resolve(HISTORY).resolve(historyName), text);
        AtomicFiles.writeString(experimentDir.resolve(FILE), text);
    }
}
