package dev.retort.rec.algo;

/**
 * Multiply-subtract kernels over matrices held as arrays of rows, for {@link Cholesky} and {@link SpdInverse}.
 * Every array in the inner loop is indexed by the loop variable alone ({@code c[j]}, {@code r0[j]}): with
 * JDK 17's C2 that is what gets the loop vectorised (AVX2, 4 doubles a lane); offset indexing into one flat
 * array ({@code c[co + j]}) measured 2-3x slower, unvectorised. Four rows of {@code b} per pass keep the loads
 * of {@code c} down. The summation order depends only on the arguments, never on threads.
 */
final class RowKernels {
    private RowKernels() {
    }

    /** {@code c[j] -= sum over p < kc of x[x0 + p] * b[b0 + p][j]} for j in [j0, j1). */
    static void subMul(double[] c, double[] x, int x0, double[][] b, int b0, int kc, int j0, int j1) {
        int p = 0;
        for (; p + 4 <= kc; p += 4) {
            double v0 = x[x0 + p], v1 = x[x0 + p + 1], v2 = x[x0 + p + 2], v3 = x[x0 + p + 3];
            double[] r0 = b[b0 + p], r1 = b[b0 + p + 1], r2 = b[b0 + p + 2], r3 = b[b0 + p + 3];
            for (int j = j0; j < j1; j++) c[j] -= v0 * r0[j] + v1 * r1[j] + v2 * r2[j] + v3 * r3[j];
        }
        for (; p < kc; p++) {
            double v = x[x0 + p];
            double[] r = b[b0 + p];
            for (int j = j0; j < j1; j++) c[j] -= v * r[j];
        }
    }

    /** {@code c[j] += sum over p < kc of x[x0 + p] * b[b0 + p][j]} for j in [j0, j1). */
    static void addMul(double[] c, double[] x, int x0, double[][] b, int b0, int kc, int j0, int j1) {
        int p = 0;
        for (; p + 4 <= kc; p += 4) {
            double v0 = x[x0 + p], v1 = x[x0 + p + 1], v2 = x[x0 + p + 2], v3 = x[x0 + p + 3];
            double[] r0 = b[b0 + p], r1 = b[b0 + p + 1], r2 = b[b0 + p + 2], r3 = b[b0 + p + 3];
            for (int j = j0; j < j1; j++) c[j] += v0 * r0[j] + v1 * r1[j] + v2 * r2[j] + v3 * r3[j];
        }
        for (; p < kc; p++) {
            double v = x[x0 + p];
            double[] r = b[b0 + p];
            for (int j = j0; j < j1; j++) c[j] += v * r[j];
        }
    }

    /**
     * {@code c[j] += sum over p < kc of x[x0 + p][xc] * b[b0 + p][j]} for j in [j0, j1): {@link #addMul} with
     * the multipliers read down column {@code xc} of {@code x}, which saves a transposed copy.
     */
    static void addMulColumn(double[] c, double[][] x, int xc, int x0, double[][] b, int b0, int kc, int j0, int j1) {
        int p = 0;
        for (; p + 4 <= kc; p += 4) {
            double v0 = x[x0 + p][xc], v1 = x[x0 + p + 1][xc], v2 = x[x0 + p + 2][xc], v3 = x[x0 + p + 3][xc];
            double[] r0 = b[b0 + p], r1 = b[b0 + p + 1], r2 = b[b0 + p + 2], r3 = b[b0 + p + 3];
            for (int j = j0; j < j1; j++) c[j] += v0 * r0[j] + v1 * r1[j] + v2 * r2[j] + v3 * r3[j];
        }
        for (; p < kc; p++) {
            double v = x[x0 + p][xc];
            double[] r = b[b0 + p];
            for (int j = j0; j < j1; j++) c[j] += v * r[j];
        }
    }
}
