package dev.retort.report.significance;

import org.apache.commons.statistics.inference.ContinuityCorrection;
import org.apache.commons.statistics.inference.PValueMethod;
import org.apache.commons.statistics.inference.TTest;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;
import org.apache.commons.statistics.ranking.NaturalRanking;

import java.util.Arrays;
import java.util.Locale;

/**
 * The two-sided paired tests of {@code retort compare}, computed by Apache Commons Statistics. {@code x} is the
 * configuration compared, {@code y} the baseline, pair by pair; the difference is {@code x - y}.
 *
 * <ul>
 *   <li>{@link #TTEST}: Student's paired t-test; effect size Cohen's d_z, the mean difference over the
 *       difference's sample standard deviation. Same as scipy's {@code ttest_rel}.</li>
 *   <li>{@link #WILCOXON}: Wilcoxon signed-rank test; zero differences are dropped (scipy's
 *       {@code zero_method="wilcox"}), the p-value is exact for fewer than 50 non-zero differences without ties
 *       and from the normal approximation otherwise (tie-corrected variance, no continuity correction); effect
 *       size the matched-pairs rank-biserial correlation {@code (R+ - R-) / (R+ + R-)} over the non-zero
 *       differences, in -1..1. Same as scipy's {@code wilcoxon(x, y, correction=False)} with
 *       {@code method="exact"} or {@code "asymptotic"} chosen that way.</li>
 * </ul>
 * Every difference zero: no evidence of any, p = 1 and effect 0 (both libraries refuse to compute this case).
 */
public enum PairedTest {
    TTEST("ttest", "paired t-test", "d_z"),
    WILCOXON("wilcoxon", "Wilcoxon signed-rank", "r_rb");

    /** Below this many non-zero differences without ties, the Wilcoxon p-value is exact. */
    public static final int EXACT_BELOW = 50;

    private final String flag;
    private final String title;
    private final String effectName;

    PairedTest(String flag, String title, String effectName) {
        this.flag = flag;
        this.title = title;
        this.effectName = effectName;
    }

    /** The {@code --test} value. */
    public String flag() {
        return flag;
    }

    public String title() {
        return title;
    }

    /** The effect size's column name: {@code d_z} or {@code r_rb}. */
    public String effectName() {
        return effectName;
    }

    /** The test named {@code flag} (case-insensitive), or null. */
    public static PairedTest byFlag(String flag) {
        for (PairedTest t : values()) if (t.flag.equals(flag.toLowerCase(Locale.ROOT))) return t;
        return null;
    }

    /** @throws IllegalArgumentException when the arrays differ in length or have fewer than 2 pairs */
    public PairedResult test(double[] x, double[] y) {
        if (x.length != y.length) throw new IllegalArgumentException(x.length + " values paired with " + y.length);
        if (x.length < 2) throw new IllegalArgumentException("a paired test needs at least 2 pairs, got " + x.length);
        int n = x.length;
        double[] d = new double[n];
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            d[i] = x[i] - y[i];
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double md = mean(d);
        if (Arrays.stream(d).allMatch(v -> v == 0)) return new PairedResult(n, mx, my, 0, 0, 1, 0);
        return switch (this) {
            case TTEST -> {
                TTest.Result r = TTest.withDefaults().pairedTest(x, y);
                double sd = sd(d, md);
                yield new PairedResult(n, mx, my, md, r.getStatistic(), r.getPValue(), sd == 0 ? Math.signum(md) * Double.POSITIVE_INFINITY : md / sd);
            }
            case WILCOXON -> {
                double[] nz = Arrays.stream(d).filter(v -> v != 0).toArray();
                double[] ranks = new NaturalRanking().apply(Arrays.stream(nz).map(Math::abs).toArray());
                double plus = 0, minus = 0;
                for (int i = 0; i < nz.length; i++) {
                    if (nz[i] > 0) plus += ranks[i];
                    else minus += ranks[i];
                }
                boolean ties = Arrays.stream(nz).map(Math::abs).distinct().count() < nz.length;
                PValueMethod method = nz.length < EXACT_BELOW && !ties ? PValueMethod.EXACT : PValueMethod.ASYMPTOTIC;
                // the non-zero differences only: given the pairs, Commons Statistics would rank the zeros too
                WilcoxonSignedRankTest.Result r = WilcoxonSignedRankTest.withDefaults()
                        .with(method).with(ContinuityCorrection.DISABLED).test(nz);
                yield new PairedResult(n, mx, my, md, r.getStatistic(), r.getPValue(), (plus - minus) / (plus + minus));
            }
        };
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    private static double sd(double[] v, double mean) {
        double ss = 0;
        for (double x : v) ss += (x - mean) * (x - mean);
        return Math.sqrt(ss / (v.length - 1));
    }
}
