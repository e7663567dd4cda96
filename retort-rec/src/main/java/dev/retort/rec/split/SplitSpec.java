package dev.retort.rec.split;

import dev.retort.rec.data.Interactions;

import java.util.List;

/**
 * How to cut a dataset into train/test(/validation). Implementations are records holding the parameters;
 * every random choice is fixed by an explicit seed. Test and validation rows whose user or item does not
 * occur in train are removed and counted in the {@link SplitReport}.
 */
public interface SplitSpec {
    /** The splits with their reports: one for holdout kinds, {@code folds} for k-fold. */
    List<SplitResult> applyReported(Interactions data);

    /** The splits alone. */
    default List<Split> apply(Interactions data) {
        return applyReported(data).stream().map(SplitResult::split).toList();
    }
}
