package dev.retort.rec.algo;

/**
 * Register-blocked 4 x 4 kernels over 64-wide row-major panels for {@link SpdInverse}: sixteen running sums
 * stay in registers while rows stream past, so each pair of loaded values feeds four multiply-adds. The
 * summation order is fixed, so results are reproducible.
 */
final class PanelKernels {
    static final int PANEL = 64;

    private PanelKernels() {
    }

    /**
     * For u, v in 0..3: {@code out[o + u * so + v] += sign * sum over r < count of a[pa + r * sa + u] * b[pb + r * PANEL + v]}.
     */
    static void block4x4(double[] a, int pa, int sa, double[] b, int pb, int count, double sign, double[] out, int o,
                         int so) {
        double s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
        double s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
        for (int r = 0; r < count; r++, pa += sa, pb += PANEL) {
            double a0 = a[pa], a1 = a[pa + 1], a2 = a[pa + 2], a3 = a[pa + 3];
            double b0 = b[pb], b1 = b[pb + 1], b2 = b[pb + 2], b3 = b[pb + 3];
            s00 += a0 * b0; s01 += a0 * b1; s02 += a0 * b2; s03 += a0 * b3;
            s10 += a1 * b0; s11 += a1 * b1; s12 += a1 * b2; s13 += a1 * b3;
            s20 += a2 * b0; s21 += a2 * b1; s22 += a2 * b2; s23 += a2 * b3;
            s30 += a3 * b0; s31 += a3 * b1; s32 += a3 * b2; s33 += a3 * b3;
        }
        out[o] += sign * s00; out[o + 1] += sign * s01; out[o + 2] += sign * s02; out[o + 3] += sign * s03;
        o += so;
        out[o] += sign * s10; out[o + 1] += sign * s11; out[o + 2] += sign * s12; out[o + 3] += sign * s13;
        o += so;
        out[o] += sign * s20; out[o + 1] += sign * s21; out[o + 2] += sign * s22; out[o + 3] += sign * s23;
        o += so;
        out[o] += sign * s30; out[o + 1] += sign * s31; out[o + 2] += sign * s32; out[o + 3] += sign * s33;
    }
}
