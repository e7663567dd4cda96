package dev.retort.rec.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.retort.BugException;
import dev.retort.Objective;
import dev.retort.PlanException;
import dev.retort.Trial;
import dev.retort.rec.algo.Algorithms;
import dev.retort.rec.algo.Continuable;
import dev.retort.rec.algo.Recommender;
import dev.retort.rec.algo.SavableModel;
import dev.retort.rec.algo.TopKLists;
import dev.retort.rec.data.Interactions;
import dev.retort.rec.data.spec.DatasetSpec;
import dev.retort.rec.metric.EvalResult;
import dev.retort.rec.metric.Evaluator;
import dev.retort.rec.metric.MetricValue;
import dev.retort.rec.metric.Relevance;
import dev.retort.rec.split.Split;
import dev.retort.space.Config;
import dev.retort.space.Slug;
import dev.retort.store.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One recommender trial: (dataset, fold, algorithm config) through the phases FIT, PREDICT, EVAL, each
 * recorded in the store. Artifacts go to {@code <root>/<dataset>-<key>/<algorithm>-<key>/fold_<i>/}:
 * {@code trial.json} (what the cell is), {@code predictions.bin} (top-k lists, binary), {@code timings.json},
 * {@code metrics.json} and {@code per_user.bin} (each evaluated user's per-user metrics, see {@link PerUserFile}),
 * each written atomically. Both keys are the first 128 bits (32 hex digits) of a
 * SHA-256: of the split data (content, fold by fold), and of the algorithm, its implementation version, its
 * resolved parameters and the list length. A trial whose predictions exist and whose stored
 * {@code trial.json} is exactly this cell resumes at EVAL and never fits or predicts again.
 */
final class RecObjective implements Objective {
    static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    static final String PREDICTIONS = "predictions.bin";
    static final String TIMINGS = "timings.json";
    static final String TRIAL = "trial.json";
    /** The result entry naming the trial's per-user values file, relative to the artifact root. */
    static final String PER_USER_KEY = "per_user";
    /** Hex digits of a SHA-256 used in artifact directory names: 128 bits. */
    static final int KEY_HEX = 32;

    private final Map<String, DatasetSpec> datasets = new LinkedHashMap<>();
    private final Evaluation evaluation;
    private final int k;
    private final Path root;
    private final boolean saveModels;

    /**
     * @param root       where artifacts go: the experiment directory, or a cache shared by several experiments
     * @param saveModels whether to write {@code model.bin} for algorithms that can save one
     */
    RecObjective(List<DatasetSpec> datasets, Evaluation evaluation, int k, Path root, boolean saveModels) {
        datasets.forEach(d -> this.datasets.put(d.name(), d));
        this.evaluation = evaluation;
        this.k = k;
        this.root = root;
        this.saveModels = saveModels;
    }

    /**
     * An objective whose datasets are loaded now, before any trial, so no trial's seconds include loading.
     * Each dataset this process had not loaded yet hands its load line to {@code notices}.
     */
    static RecObjective loaded(List<DatasetSpec> datasets, Evaluation evaluation, int k, Path root, boolean saveModels,
                               java.util.function.Consumer<String> notices) {
        for (DatasetSpec d : datasets) DatasetCache.get(d, RecSpecs.dataCache(), notices);
        return new RecObjective(datasets, evaluation, k, root, saveModels);
    }

    /** Where a trial's artifacts live, and what it is. */
    record Cell(String dataset, DatasetCache.Prepared data, Split split, String algorithm, Config params, int fold,
                int k, Path dir) {
        /** What {@code trial.json} must hold for the artifacts in {@link #dir} to be this cell's. */
        Map<String, Object> identity() {
            Map<String, Object> m = new TreeMap<>();
            m.put("dataset", dataset);
            m.put("dataset_key", data.key());
            m.put("fold", fold);
            m.put("split_sha256", data.splitHashes().get(fold));
            m.put("algorithm", algorithm);
            m.put("algorithm_version", Algorithms.version(algorithm));
            m.put("params", new TreeMap<>(params.asMap()));
            m.put("k", k);
            return m;
        }
    }

    /** The name of an algorithm config's artifact directory: {@code <algorithm>-<128-bit key>}; tables show it too. */
    static String algorithmDir(String algorithm, Config resolved, int k) {
        String text = "retort.rec.algorithm.v2\n" + algorithm + "\nversion " + Algorithms.version(algorithm)
                + "\nk " + k + "\n" + resolved.toJson();
        return Slug.slugify(algorithm) + "-" + Config.sha256Hex(text).substring(0, KEY_HEX);
    }

    /** The algorithm's parameters with defaults filled in, from a trial's config. */
    static Config resolvedParams(Config c) {
        Map<String, Object> p = new TreeMap<>(c.asMap());
        RecPlanExtension.RESERVED.forEach(p::remove);
        String alg = c.getString("algorithm");
        return Algorithms.resolve(alg, Config.of(p), "algorithms." + alg);
    }

    Cell cell(Config c) {
        String dsName = c.getString("dataset");
        DatasetSpec spec = datasets.get(dsName);
        if (spec == null) throw new BugException("trial names dataset '" + dsName + "' that the plan does not have: " + c);
        int fold = c.has("fold") ? c.getInt("fold") : 0;
        String alg = c.getString("algorithm");
        Config resolved = resolvedParams(c);
        DatasetCache.Prepared data = DatasetCache.get(spec, RecSpecs.dataCache());
        Path dir = root.resolve(Slug.slugify(dsName) + "-" + data.key().substring(0, KEY_HEX))
                .resolve(algorithmDir(alg, resolved, k)).resolve("fold_" + fold);
        return new Cell(dsName, data, data.splits().get(fold), alg, resolved, fold, k, dir);
    }

    @Override
    public Map<String, Object> evaluate(Trial trial) throws IOException {
        Cell cell = cell(trial.config());
        Path predictions = cell.dir().resolve(PREDICTIONS);
        Map<String, Object> timings;
        int continuedFrom = 0;
        boolean reused = storedIdentityMatches(cell) && Files.exists(predictions) && Files.exists(cell.dir().resolve(TIMINGS));
        writeDatasetManifest(cell);
        if (!reused) {
            Files.createDirectories(cell.dir());
            AtomicFiles.writeString(cell.dir().resolve(TRIAL), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(cell.identity()));
            trial.phase("FIT");
            long t0 = System.nanoTime();
            Recommender rec = Algorithms.create(cell.algorithm(), cell.params(), "algorithms." + cell.algorithm());
            continuedFrom = fit(rec, cell, trial);
            double fit = (System.nanoTime() - t0) / 1e9;
            if (saveModels && rec instanceof SavableModel m) m.save(cell.dir().resolve("model.bin"));
            if (trial.continuedLater() && rec instanceof Continuable c) saveForNextRung(c, cell, trial.dir());
            trial.phase("PREDICT");
            long t1 = System.nanoTime();
            TopKLists lists = rec.recommend(testUsers(cell.split().test()), k);
            double predict = (System.nanoTime() - t1) / 1e9;
            lists.write(predictions);
            timings = new TreeMap<>(Map.of("fit_seconds", fit, "predict_seconds", predict));
            // timings last: their presence says the predictions are complete
            AtomicFiles.writeString(cell.dir().resolve(TIMINGS), JSON.writeValueAsString(timings));
        } else {
            timings = readMap(cell.dir().resolve(TIMINGS));
        }
        trial.phase("EVAL");
        Map<String, Object> result = evaluate(cell, TopKLists.read(predictions));
        result.putAll(timings);
        if (result.containsKey(PER_USER_KEY)) result.put(PER_USER_KEY, root.relativize(cell.dir()).resolve(PerUserFile.NAME).toString());
        result.put("reused_predictions", reused);
        if (continuedFrom > 0) result.put("continued_from", continuedFrom);
        AtomicFiles.writeString(cell.dir().resolve("metrics.json"), JSON.writeValueAsString(result));
        return result;
    }

    static final String RUNG_MODEL = "model.bin";
    static final String RUNG_MODEL_INFO = "model.json";

    /**
     * Fits {@code rec}, continuing the lower rung's saved model when the trial has one that was fitted on the same
     * data with the same parameters but fewer passes; returns the passes continued from (0: a fresh fit).
     */
    private static int fit(Recommender rec, Cell cell, Trial trial) throws IOException {
        if (rec instanceof Continuable c) {
            java.util.Optional<Path> previous = trial.previousDir();
            if (previous.isPresent()) {
                Path info = previous.get().resolve(RUNG_MODEL_INFO), model = previous.get().resolve(RUNG_MODEL);
                if (Files.exists(info) && Files.exists(model)) {
                    Map<String, Object> saved = readMap(info);
                    int done = ((Number) saved.getOrDefault("passes", -1)).intValue();
                    int passes = cell.params().getInt(c.passesParameter());
                    if (done >= 0 && done <= passes && JSON.readTree(JSON.writeValueAsString(withoutPasses(cell, c)))
                            .equals(JSON.readTree(JSON.writeValueAsString(saved.get("cell"))))) {
                        c.fitContinuing(cell.split().train(), model, done);
                        return done;
                    }
                }
            }
        }
        rec.fit(cell.split().train());
        return 0;
    }

    /** The cell's identity without the pass count: what a lower rung's model must have been fitted as. */
    private static Map<String, Object> withoutPasses(Cell cell, Continuable c) {
        Map<String, Object> id = cell.identity();
        @SuppressWarnings("unchecked")
        Map<String, Object> params = new TreeMap<>((Map<String, Object>) id.get("params"));
        params.remove(c.passesParameter());
        id.put("params", params);
        return id;
    }

    /** Writes the model and what it was fitted as into the trial directory, for the next rung to continue. */
    private static void saveForNextRung(Continuable c, Cell cell, Path trialDir) throws IOException {
        c.save(trialDir.resolve(RUNG_MODEL));
        Map<String, Object> info = new TreeMap<>();
        info.put("passes", cell.params().getInt(c.passesParameter()));
        info.put("cell", withoutPasses(cell, c));
        AtomicFiles.writeString(trialDir.resolve(RUNG_MODEL_INFO), JSON.writeValueAsString(info));
    }

    /**
     * Whether {@code trial.json} in the cell's directory describes exactly this cell. A missing or unreadable
     * file means "compute again"; a readable file describing another cell is refused: a key collision or an
     * edited file must never hand out another trial's predictions.
     */
    static boolean storedIdentityMatches(Cell cell) throws IOException {
        Path file = cell.dir().resolve(TRIAL);
        if (!Files.exists(file)) return false;
        JsonNode stored;
        try {
            stored = JSON.readTree(file.toFile());
        } catch (IOException e) {
            return false;
        }
        JsonNode expected = JSON.readTree(JSON.writeValueAsString(cell.identity())); // same number node types as read
        if (stored.equals(expected)) return true;
        List<String> differ = new ArrayList<>();
        expected.fieldNames().forEachRemaining(f -> {
            if (!expected.get(f).equals(stored.get(f))) differ.add(f + " " + stored.get(f) + " (expected " + expected.get(f) + ")");
        });
        throw new PlanException(file + " describes another trial than the one its directory key names: " + String.join(", ", differ)
                + "; delete " + cell.dir() + " to compute it again, or use another evaluation.cache");
    }

    /** {@code <dataset dir>/dataset.json}: the source counts, each preprocessing step's effect, each split's sizes. */
    private static void writeDatasetManifest(Cell cell) throws IOException {
        Path file = cell.dir().getParent().getParent().resolve("dataset.json");
        if (Files.exists(file)) return;
        Files.createDirectories(file.getParent());
        var d = cell.data();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", d.data().name());
        m.put("content_key", d.key());
        m.put("rows_read", d.data().rowsRead());
        m.put("duplicates_dropped", d.data().duplicatesDropped());
        m.put("rows", d.data().data().size());
        m.put("users", d.data().data().numUsers());
        m.put("items", d.data().data().numItems());
        m.put("preprocess", d.data().preprocess());
        m.put("splits", d.reports());
        m.put("split_sha256", d.splitHashes());
        m.put("load_seconds", d.loadSeconds());
        AtomicFiles.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m));
    }

    /**
     * The metrics of one cell; the per-user values of its per-user metrics go to {@code per_user.bin} (written
     * before the result is returned, so a stored result that names the file has it), named by
     * {@value #PER_USER_KEY} in the result.
     */
    Map<String, Object> evaluate(Cell cell, TopKLists lists) throws IOException {
        Relevance rel = evaluation.relevance(cell.split().test());
        EvalResult r = Evaluator.of(evaluation.metrics()).keepPerUser(true).evaluate(new TopKRankedLists(lists), rel);
        Map<String, Object> out = new TreeMap<>();
        if (r.perUser() != null && !r.perUser().columns().isEmpty()) {
            PerUserFile.write(cell.dir().resolve(PerUserFile.NAME), r.perUser());
            out.put(PER_USER_KEY, PerUserFile.NAME);
        }
        for (MetricValue v : r.values()) out.put(v.metric().toString(), v.value());
        out.put("users_evaluated", r.evaluatedUsers());
        out.put("users_excluded", r.excludedUsers());
        return out;
    }

    static int[] testUsers(Interactions test) {
        boolean[] seen = new boolean[test.numUsers()];
        int n = 0;
        for (int i = 0; i < test.size(); i++) if (!seen[test.user(i)]) {
            seen[test.user(i)] = true;
            n++;
        }
        int[] users = new int[n];
        for (int u = 0, j = 0; u < seen.length; u++) if (seen[u]) users[j++] = u;
        return users;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> readMap(Path file) throws IOException {
        try {
            return new TreeMap<>(JSON.readValue(file.toFile(), Map.class));
        } catch (IOException e) {
            throw new PlanException(file + ": cannot read saved artifact: " + e.getMessage());
        }
    }
}
