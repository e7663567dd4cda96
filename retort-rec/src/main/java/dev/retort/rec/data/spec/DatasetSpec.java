package dev.retort.rec.data.spec;

import dev.retort.rec.preprocess.StepSpec;
import dev.retort.rec.split.SplitSpec;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a plan's {@code datasets:} list.
 *
 * @param source     null only when {@code split} is predefined: the split files are then the dataset
 * @param preprocess steps applied in order (may be empty)
 * @param split      null when the plan gives none
 */
public record DatasetSpec(String name, SourceSpec source, List<StepSpec> preprocess, SplitSpec split) {
    public DatasetSpec {
        Objects.requireNonNull(name);
        preprocess = List.copyOf(preprocess);
    }
}
