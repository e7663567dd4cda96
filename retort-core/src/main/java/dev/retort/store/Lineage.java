package dev.retort.store;

/**
 * Where a trial sits in a multi-fidelity search: the fidelity it runs at, its rung (0 = base) and its parent,
 * the trial of the same config one rung lower (its id as users see it). Every field may be null.
 */
public record Lineage(Double fidelity, Integer rung, Long parentId) {
    /** No lineage: a grid or random trial. */
    public static final Lineage NONE = new Lineage(null, null, null);

    public boolean isNone() {
        return fidelity == null && rung == null && parentId == null;
    }
}
