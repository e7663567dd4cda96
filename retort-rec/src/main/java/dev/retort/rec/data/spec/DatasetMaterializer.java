package dev.retort.rec.data.spec;

import dev.retort.PlanException;
import dev.retort.rec.data.Canonicalizer;
import dev.retort.rec.data.Interactions;
import dev.retort.rec.data.Synthetic;
import dev.retort.rec.data.load.Loader;
import dev.retort.rec.data.registry.Downloader;
import dev.retort.rec.preprocess.Pipeline;
import dev.retort.rec.split.Predefined;

import java.nio.file.Path;

/** Turns a {@link DatasetSpec} into data: fetch or read or generate, canonicalise, preprocess. */
public final class DatasetMaterializer {
    private DatasetMaterializer() {
    }

    /**
     * Loads the dataset of {@code spec}, downloading registry datasets into {@code dataCache} (see
     * {@link Downloader#defaultCache()}), then runs its preprocessing. Splitting is separate:
     * {@code spec.split().apply(result.data())}.
     *
     * @throws PlanException if the data is empty or a step empties it
     */
    public static Materialized load(DatasetSpec spec, Path dataCache) {
        Interactions raw;
        long rowsRead;
        int dropped;
        SourceSpec source = spec.source();
        if (source instanceof SourceSpec.Registry r) {
            Loader.Loaded l = Loader.load(new Downloader(dataCache).file(r.entry()), r.entry().format());
            raw = l.data();
            rowsRead = l.rowsRead();
            dropped = l.duplicatesDropped();
        } else if (source instanceof SourceSpec.File f) {
            Loader.Loaded l = Loader.load(f.path(), f.format());
            raw = l.data();
            rowsRead = l.rowsRead();
            dropped = l.duplicatesDropped();
        } else if (source instanceof SourceSpec.Synthetic s) {
            Canonicalizer.Result c = Canonicalizer.dedupe(Synthetic.generate(s.spec()));
            raw = c.data();
            rowsRead = c.data().size() + (long) c.duplicatesDropped();
            dropped = c.duplicatesDropped();
        } else if (source == null && spec.split() instanceof Predefined p) {
            raw = p.union();
            rowsRead = raw.size();
            dropped = 0;
        } else {
            throw PlanException.at("dataset '" + spec.name() + "'", "source", null, "is missing", "a registry name, {file: ...}, {synthetic: ...}");
        }
        if (raw.size() == 0) throw PlanException.at("dataset '" + spec.name() + "'", "source", null, "has no interactions", null);
        Pipeline.Result pre = Pipeline.run(spec.name(), raw, spec.preprocess());
        return new Materialized(spec.name(), pre.data(), rowsRead, dropped, pre.reports());
    }
}
