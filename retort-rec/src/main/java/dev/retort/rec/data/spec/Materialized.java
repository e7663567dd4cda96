package dev.retort.rec.data.spec;

import dev.retort.rec.data.Interactions;
import dev.retort.rec.preprocess.StepReport;

import java.util.List;

/**
 * A loaded and preprocessed dataset.
 *
 * @param rowsRead          rows in the source before canonicalisation
 * @param duplicatesDropped rows dropped by canonicalisation (repeated (user, item) pairs)
 * @param preprocess        one report per preprocessing step
 */
public record Materialized(String name, Interactions data, long rowsRead, int duplicatesDropped, List<StepReport> preprocess) {
    public Materialized {
        preprocess = List.copyOf(preprocess);
    }
}
