package dev.retort.report.significance;

/**
 * Holm–Bonferroni step-down correction of m p-values, controlling the family-wise error rate: sort ascending,
 * multiply the i-th smallest (i from 1) by {@code m - i + 1}, keep the sequence non-decreasing by taking the
 * running maximum, and cap at 1. A hypothesis is rejected at level α when its adjusted p-value is ≤ α, which is
 * Holm's procedure exactly.
 */
public final class Holm {
    private Holm() {
    }

    /** Adjusted p-values, in the order of {@code p}. NaN stays NaN and does not count towards m. */
    public static double[] adjust(double[] p) {
        Integer[] order = new Integer[p.length];
        int m = 0;
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
            if (!Double.isNaN(p[i])) m++;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(nanLast(p[a]), nanLast(p[b])));
        double[] out = new double[p.length];
        double running = 0;
        for (int rank = 0; rank < p.length; rank++) {
            int i = order[rank];
            if (Double.isNaN(p[i])) {
                out[i] = Double.NaN;
                continue;
            }
            running = Math.max(running, Math.min(1, (m - rank) * p[i]));
            out[i] = running;
        }
        return out;
    }

    private static double nanLast(double v) {
        return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
    }
}
