package dev.retort.rec.metric;

import java.util.List;

/**
 * Per-user values of the per-user ranking metrics, for significance tests and per-user analysis. Row {@code i}
 * is user {@code users[i]} (ascending dense ids, evaluated users only); {@code values[i * columns.size() + c]}
 * is metric {@code columns.get(c)} for that user. The arrays are shared, not copied: do not modify.
 */
public record PerUserValues(List<MetricSpec> columns, int[] users, double[] values) {
    /** Value of column {@code column} for row {@code row}. */
    public double get(int row, int column) {
        return values[row * columns.size() + column];
    }

    /** Column index of {@code metric}, or -1. */
    public int column(MetricSpec metric) {
        return columns.indexOf(metric);
    }
}
