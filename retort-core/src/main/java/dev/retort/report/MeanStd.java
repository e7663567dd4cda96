package dev.retort.report;

/**
 * A value measured several times (over folds, seeds): its mean, sample standard deviation ({@code NaN} for
 * fewer than two) and how many measurements. Tables show it as {@code mean ± std}, or the mean alone when
 * {@code n < 2}.
 */
public record MeanStd(double mean, double std, int n) {
    /** The mean and sample standard deviation of {@code values}; both NaN when empty. */
    public static MeanStd of(double[] values) {
        int n = values.length;
        if (n == 0) return new MeanStd(Double.NaN, Double.NaN, 0);
        double s = 0;
        for (double x : values) s += x;
        double m = s / n;
        if (n < 2) return new MeanStd(m, Double.NaN, 1);
        double ss = 0;
        for (double x : values) ss += (x - m) * (x - m);
        return new MeanStd(m, Math.sqrt(ss / (n - 1)), n);
    }
}
