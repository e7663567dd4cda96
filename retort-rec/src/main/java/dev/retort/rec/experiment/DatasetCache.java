package dev.retort.rec.experiment;

import dev.retort.space.Config;
import dev.retort.rec.data.ContentHash;
import dev.retort.rec.data.spec.DatasetMaterializer;
import dev.retort.rec.data.spec.DatasetSpec;
import dev.retort.rec.data.spec.Materialized;
import dev.retort.rec.split.Split;
import dev.retort.rec.split.SplitReport;
import dev.retort.rec.split.SplitResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Datasets loaded, preprocessed and split once per process: every trial of a worker on the same dataset
 * shares them.
 */
final class DatasetCache {
    /**
     * A dataset ready for trials.
     *
     * @param key        SHA-256 over the preprocessed content and every split's content: names the dataset's
     *                   artifact directory, so equal keys mean equal train/test data, fold by fold
     * @param splitHashes one content hash per split (fold)
     */
    record Prepared(Materialized data, List<Split> splits, List<SplitReport> reports, List<String> splitHashes, String key) {
    }

    private static final Map<DatasetSpec, Prepared> CACHE = new ConcurrentHashMap<>();

    private DatasetCache() {
    }

    static Prepared get(DatasetSpec spec, Path dataCache) {
        return CACHE.computeIfAbsent(spec, s -> prepare(s, dataCache));
    }

    private static Prepared prepare(DatasetSpec spec, Path dataCache) {
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
        return new Prepared(m, splits, reports, hashes, key);
    }
}
