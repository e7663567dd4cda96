package dev.retort.rec.preprocess;

import dev.retort.rec.data.Interactions;

/**
 * One preprocessing step. Steps are values (records) that say what they do and apply themselves; the
 * result always has compact dense ids ({@code 0..n-1}, re-assigned after filtering) and keeps original ids.
 */
public interface StepSpec {
    /** A short stable label for reports, e.g. {@code core(5)}. */
    String label();

    /**
     * Applies the step.
     *
     * @param where names the dataset and step for error messages, e.g. {@code ml-100k.preprocess[1]}
     */
    Interactions apply(Interactions in, String where);
}
