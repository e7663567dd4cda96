package dev.retort.manifest;

import dev.retort.store.Counts;
import dev.retort.store.TrialState;
import dev.retort.store.TrialStore;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The manifest of one run: {@link #start} captures it on a thread of its own (hashing the code and the data,
 * copying the files into {@code captured/}) and writes it as soon as that is done, so the first trial never
 * waits for it; {@link #finish} joins that thread and writes it again with the outcome.
 */
public final class RunManifest {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
    private final CaptureInput input;
    private final String historyName;
    private final CompletableFuture<Map<String, Object>> captured;

    private RunManifest(CaptureInput input) {
        this.input = input;
        String hash8 = Canonical.sha256(input.read().plan().identityJson()).substring(0, 8);
        this.historyName = STAMP.format(input.clock().instant()) + "-" + hash8 + ".json";
        this.captured = new CompletableFuture<>();
        Thread t = new Thread(this::capture, "retort-manifest");
        t.setDaemon(true);
        t.start();
    }

    /** Starts capturing the manifest of a run that is starting. */
    public static RunManifest start(CaptureInput input) {
        return new RunManifest(input);
    }

    private void capture() {
        try {
            Map<String, Object> m = ManifestBuilder.build(input, CaptureStore.in(input.experimentDir()));
            Manifest.write(input.experimentDir(), historyName, m);
            captured.complete(m);
        } catch (Throwable e) {
            captured.completeExceptionally(e);
        }
    }

    /** Waits for the capture (and its first write); the manifest as written. */
    public Map<String, Object> awaitCaptured() throws InterruptedException {
        try {
            return captured.get();
        } catch (ExecutionException e) {
            throw new ManifestException("could not write the manifest of " + input.experimentDir() + ": " + e.getCause(), e.getCause());
        }
    }

    /**
     * Records the outcome: counts by state and the results digest; the results themselves go into the capture
     * store. Returns what the caller should tell the user.
     */
    public List<String> finish(TrialStore store) throws InterruptedException {
        List<String> notices = new ArrayList<>();
        try {
            Map<String, Object> m = new TreeMap<>(awaitCaptured());
            Counts c = store.counts();
            Map<String, Object> counts = new TreeMap<>();
            for (TrialState s : TrialState.values()) counts.put(s.name(), c.get(s));
            List<Map<String, Object>> results = ResultSet.of(store);
            CaptureStore cs = CaptureStore.in(input.experimentDir());
            String sha = cs.putText(Canonical.json(results));
            Map<String, Object> outcome = new TreeMap<>();
            outcome.put("finished_at", input.clock().instant().toString());
            outcome.put("counts", counts);
            outcome.put("trials", results.size());
            outcome.put("results_sha256", sha);
            outcome.put("results_file", CaptureStore.DIR + "/" + sha);
            outcome.put("timings_excluded", "seconds, *_seconds, *_ms");
            m.put("outcome", outcome);
            Manifest.write(input.experimentDir(), historyName, m);
        } catch (ManifestException e) {
            notices.add(e.getMessage());
        } catch (java.io.IOException | RuntimeException e) {
            notices.add("could not write the manifest of " + input.experimentDir() + ": " + e);
        }
        return notices;
    }

    public String historyName() {
        return historyName;
    }
}
