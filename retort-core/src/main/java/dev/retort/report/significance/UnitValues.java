package dev.retort.report.significance;

/**
 * One trial's metric broken down by evaluation unit (a recommender trial: one value per evaluated user), so
 * two configurations can be compared unit by unit without evaluating again.
 *
 * @param unit   what one value is for, e.g. {@code user}
 * @param ids    the units, ascending; the same id means the same unit in every trial of one dataset and fold
 * @param values {@code values[i]} belongs to {@code ids[i]}
 */
public record UnitValues(String unit, long[] ids, double[] values) {
    public UnitValues {
        if (ids.length != values.length)
            throw new dev.retort.BugException(ids.length + " unit ids for " + values.length + " values");
    }
}
