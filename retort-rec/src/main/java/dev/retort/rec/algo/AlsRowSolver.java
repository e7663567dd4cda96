package dev.retort.rec.algo;

import dev.retort.BugException;

/**
 * Solves one ALS row: {@code (G + reg I + sum_i (c_i - 1) y_i y_i') x = sum_i c_i y_i} over the row's observed
 * columns i, with {@code c_i = 1 + alpha r_i}. One instance per chunk: it owns its scratch vectors.
 */
final class AlsRowSolver {
    private final int f;
    private final double reg;
    private final double alpha;
    private final double[] gram;
    private final double[] y;
    private final double[] r, p, ap, a;

    AlsRowSolver(int f, double reg, double alpha, double[] gram, double[] fixed) {
        this.f = f;
        this.reg = reg;
        this.alpha = alpha;
        this.gram = gram;
        this.y = fixed;
        r = new double[f];
        p = new double[f];
        ap = new double[f];
        a = new double[f * f];
    }

    /** {@code out = A v} for the row's matrix A, without forming A. Loops are in axpy form so they vectorise. */
    private void multiply(double[] v, int vo, double[] out, int[] idx, float[] vals, int from, int to) {
        for (int i = 0; i < f; i++) out[i] = reg * v[vo + i];
        for (int j = 0; j < f; j++) { // G is symmetric: its row j is its column j
            double vj = v[vo + j];
            int gj = j * f;
            for (int i = 0; i < f; i++) out[i] += gram[gj + i] * vj;
        }
        int e = from;
        for (; e + 3 < to; e += 4) { // four observed columns at a time: v and out are loaded once per four
            int y0 = idx[e] * f, y1 = idx[e + 1] * f, y2 = idx[e + 2] * f, y3 = idx[e + 3] * f;
            double d0 = 0, d1 = 0, d2 = 0, d3 = 0;
            for (int j = 0; j < f; j++) {
                double vj = v[vo + j];
                d0 += y[y0 + j] * vj;
                d1 += y[y1 + j] * vj;
                d2 += y[y2 + j] * vj;
                d3 += y[y3 + j] * vj;
            }
            d0 *= alpha * vals[e];
            d1 *= alpha * vals[e + 1];
            d2 *= alpha * vals[e + 2];
            d3 *= alpha * vals[e + 3];
            for (int j = 0; j < f; j++) out[j] += d0 * y[y0 + j] + d1 * y[y1 + j] + d2 * y[y2 + j] + d3 * y[y3 + j];
        }
        for (; e < to; e++) {
            int yo = idx[e] * f;
            double d = dot(y, yo, v, vo, f) * alpha * vals[e];
            for (int j = 0; j < f; j++) out[j] += d * y[yo + j];
        }
    }

    /** A dot product with four independent sums (in a fixed order), about 3x faster than one running sum. */
    static double dot(double[] a, int ao, double[] b, int bo, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            s0 += a[ao + j] * b[bo + j];
            s1 += a[ao + j + 1] * b[bo + j + 1];
            s2 += a[ao + j + 2] * b[bo + j + 2];
            s3 += a[ao + j + 3] * b[bo + j + 3];
        }
        for (; j < n; j++) s0 += a[ao + j] * b[bo + j];
        return (s0 + s1) + (s2 + s3);
    }

    /** Up to {@code steps} conjugate-gradient steps on x = target[xo..xo+f), starting from its current value. */
    void conjugateGradient(double[] target, int xo, int[] idx, float[] vals, int from, int to, int steps) {
        multiply(target, xo, ap, idx, vals, from, to);
        for (int j = 0; j < f; j++) r[j] = -ap[j];
        for (int e = from; e < to; e++) {
            int yo = idx[e] * f;
            double c = 1 + alpha * vals[e];
            for (int j = 0; j < f; j++) r[j] += c * y[yo + j];
        }
        System.arraycopy(r, 0, p, 0, f);
        double rs = dot(r, r);
        for (int s = 0; s < steps && rs > 1e-20; s++) {
            multiply(p, 0, ap, idx, vals, from, to);
            double step = rs / dot(p, ap);
            for (int j = 0; j < f; j++) {
                target[xo + j] += step * p[j];
                r[j] -= step * ap[j];
            }
            double next = dot(r, r);
            for (int j = 0; j < f; j++) p[j] = r[j] + (next / rs) * p[j];
            rs = next;
        }
    }

    /** The exact solution by forming A and a Cholesky factorisation A = L L'. */
    void cholesky(double[] target, int xo, int[] idx, float[] vals, int from, int to) {
        for (int i = 0; i < f * f; i++) a[i] = gram[i];
        for (int i = 0; i < f; i++) a[i * f + i] += reg;
        java.util.Arrays.fill(r, 0);
        for (int e = from; e < to; e++) {
            int yo = idx[e] * f;
            double c = 1 + alpha * vals[e], w = c - 1;
            for (int i = 0; i < f; i++) {
                double wi = w * y[yo + i];
                r[i] += c * y[yo + i];
                for (int j = 0; j <= i; j++) a[i * f + j] += wi * y[yo + j];
            }
        }
        for (int j = 0; j < f; j++) { // in-place lower Cholesky
            double d = a[j * f + j];
            for (int k = 0; k < j; k++) d -= a[j * f + k] * a[j * f + k];
            if (d <= 0) throw new BugException("ALS row matrix not positive definite (reg " + reg + ")");
            d = Math.sqrt(d);
            a[j * f + j] = d;
            for (int i = j + 1; i < f; i++) {
                double s = a[i * f + j];
                for (int k = 0; k < j; k++) s -= a[i * f + k] * a[j * f + k];
                a[i * f + j] = s / d;
            }
        }
        for (int i = 0; i < f; i++) { // L z = b
            double s = r[i];
            for (int k = 0; k < i; k++) s -= a[i * f + k] * r[k];
            r[i] = s / a[i * f + i];
        }
        for (int i = f - 1; i >= 0; i--) { // L' x = z
            double s = r[i];
            for (int k = i + 1; k < f; k++) s -= a[k * f + i] * target[xo + k];
            target[xo + i] = s / a[i * f + i];
        }
    }

    private double dot(double[] u, double[] v) {
        return dot(u, 0, v, 0, f);
    }
}
