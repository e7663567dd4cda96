package dev.retort.report.significance;

/**
 * The significance markers of Retort's tables, from the Holm-adjusted p-value: {@code ‡} when it is below
 * 0.01, {@code †} below 0.05, nothing otherwise. A marker says the difference from the baseline is
 * significant, not its direction: the sign of Δ (and of the effect size) says which is better.
 */
public final class Markers {
    public static final double DAGGER = 0.05;
    public static final double DOUBLE_DAGGER = 0.01;

    private Markers() {
    }

    public static String of(double adjustedP) {
        if (Double.isNaN(adjustedP)) return "";
        if (adjustedP < DOUBLE_DAGGER) return "‡";
        if (adjustedP < DAGGER) return "†";
        return "";
    }
}
