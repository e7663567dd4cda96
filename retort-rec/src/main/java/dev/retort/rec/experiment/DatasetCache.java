package dev.retort.rec.experiment;

import dev.retort.space.Config;
import dev.retort.rec.data.ContentHash;
import dev.retort.rec.data.spec.DatasetMaterializer;
import dev.retort.rec.data.spec.DatasetSpec;
import dev.retort.rec.data.spec.Materialized;
import dev.retort.rec.preprocess.StepReport;
import dev.retort.rec.split.Split;
import dev.retort.rec.split.SplitReport;
import dev.retort.rec.split.SplitResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Datasets loaded, preprocessed and split once per process: every trial of a worker on the same dataset
 * shares them. Each load hands one line (see {@link #summary}) to the caller's notices; this class prints
 * nothing.
 */
final class DatasetCache {
    /**
     * A dataset ready for trials.
     *
     * @param key         SHA-256 over the preprocessed content and every split's content: names the dataset's
     *                    artifact directory, so equal keys mean equal train/test data, fold by fold
     * @param splitHashes one content hash per split (fold)
     * @param loadSeconds time to read, preprocess and split it (never part of a trial's seconds)
     */
    record Prepared(Materialized data, List<Split> splits, List<SplitReport> reports, List<String> splitHashes, String key,
                    double loadSeconds) {
    }

    private static final Map<DatasetSpec, Prepared> CACHE = new ConcurrentHashMap<>();

    private DatasetCache() {
    }

    /** {@link #get(DatasetSpec, Path, Consumer)} where the load line, if any, is dropped. */
    static Prepared get(DatasetSpec spec, Path dataCache) {
        return get(spec, dataCache, line -> { });
    }

    /** The dataset, loaded now unless this process has it; a load hands its {@link #summary} to {@code notices}. */
    static Prepared get(DatasetSpec spec, Path dataCache, Consumer<String> notices) {
        boolean[] loaded = {false};
        Prepared p = CACHE.computeIfAbsent(spec, s -> {
            loaded[0] = true;
            return prepare(s, dataCache);
        });
        if (loaded[0]) notices.accept(summary(p));
        return p;
    }

    /** Whether {@code spec} is loaded in this process. */
    static boolean isLoaded(DatasetSpec spec) {
        return CACHE.containsKey(spec);
    }

    /** Forgets every loaded dataset, as a fresh worker process starts (for tests). */
    static void clear() {
        CACHE.clear();
    }

    private static Prepared prepare(DatasetSpec spec, Path dataCache) {
        long t0 = System.nanoTime();
        Materialized m = DatasetMaterializer.load(spec, dataCache);
        List<Split> splits = new ArrayList<>();
        List<SplitReport> reports = new ArrayList<>();
        for (SplitResult r : spec.split().applyReported(m.data())) {
            splits.add(r.split());
            reports.add(r.report());
        }
        List<String> hashes = new ArrayList<>();
        for (Split s : splits) hashes.add(ContentHash.splitHash(s));
        String key = Config.sha256Hex(ContentHash.of(m.data()) + "|" + String.join(",", hashes));
        return new Prepared(m, splits, reports, hashes, key, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * {@code dataset ml-1m: 1,000,209 rows read, 0 duplicates dropped; core(5): -3 rows, -1 users;
     * 1,000,206 rows, 6,039 users, 3,706 items left (loaded in 1.2 s)}.
     */
    static String summary(Prepared p) {
        Materialized m = p.data();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "dataset %s: %,d rows read, %,d duplicates dropped",
                m.name(), m.rowsRead(), m.duplicatesDropped()));
        for (StepReport s : m.preprocess())
            sb.append(String.format(Locale.ROOT, "; %s: -%,d rows, -%,d users", s.step(), s.rowsBefore() - s.rowsAfter(),
                    s.usersBefore() - s.usersAfter()));
        sb.append(String.format(Locale.ROOT, "; %,d rows, %,d users, %,d items left (loaded in %.1f s)",
                m.data().size(), m.data().numUsers(), m.data().numItems(), p.loadSeconds()));
        return sb.toString();
    }
}
