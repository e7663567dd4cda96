package dev.retort.rec.algo;

import static dev.retort.rec.algo.Cholesky.NB;

/**
 * Inverse of a symmetric positive definite matrix held as rows, through its Cholesky factor (never LU):
 * {@link Cholesky} gives {@code A = LL'}, then {@code W = L^-1} (lower) by blocked forward substitution and
 * {@code A^-1 = W'W} by tiles of its upper triangle, mirrored. That is n^3 flops in all (n^3/3 for each step),
 * against about 2.3 n^3 for solving against the identity. Column blocks of W and tiles of the product are
 * independent, so they run in parallel, each written by one task in a fixed order: results do not depend on the
 * thread count. The inner loops are {@link RowKernels}.
 */
final class SpdInverse {
    /** Rows of W streamed per kernel pass, so the slice {@code KC x NB} read stays in the L2 cache. */
    private static final int KC = 256;

    private SpdInverse() {
    }

    /** {@code A^-1}, written over {@code a} (n rows of length n; only the lower triangle of A is read). */
    static double[][] invert(double[][] a, int threads) {
        Cholesky.factor(a, threads);
        double[][] w = lowerInverse(a, threads);
        return gramOfLower(w, a, threads);
    }

    /** {@code W = L^-1} for the lower triangle L of {@code l}, as new rows (zero above the diagonal). */
    static double[][] lowerInverse(double[][] l, int threads) {
        int n = l.length;
        double[][] w = new double[n][n];
        int blocks = (n + NB - 1) / NB;
        Parallel.forChunks(blocks, 1, threads, (from, to) -> {
            for (int blk = from; blk < to; blk++) { // columns [j0, j1) of W, top to bottom
                int j0 = blk * NB, j1 = Math.min(n, j0 + NB);
                for (int i0 = j0; i0 < n; i0 += NB) {
                    int i1 = Math.min(n, i0 + NB);
                    for (int k0 = j0; k0 < i0; k0 += KC) { // rows of W already final, a chunk at a time
                        int kc = Math.min(KC, i0 - k0);
                        for (int i = i0; i < i1; i++) RowKernels.subMul(w[i], l[i], k0, w, k0, kc, j0, j1);
                    }
                    for (int i = i0; i < i1; i++) { // W[i] = (e_i - sum over k < i of L[i][k] W[k]) / L[i][i]
                        double[] wi = w[i];
                        RowKernels.subMul(wi, l[i], i0, w, i0, i - i0, j0, j1);
                        if (i < j1) wi[i] += 1;
                        double d = 1 / l[i][i];
                        for (int j = j0; j < j1; j++) wi[j] *= d;
                    }
                }
            }
        });
        return w;
    }

    /** {@code W'W} for lower-triangular W, symmetric, written into {@code out} (n rows of length n). */
    static double[][] gramOfLower(double[][] w, double[][] out, int threads) {
        int n = w.length, blocks = (n + NB - 1) / NB;
        Parallel.forChunks(n, 64, threads, (from, to) -> {
            for (int i = from; i < to; i++) java.util.Arrays.fill(out[i], 0.0);
        });
        int pairs = blocks * (blocks + 1) / 2;
        int[] pa = new int[pairs], pb = new int[pairs];
        for (int x = 0, q = 0; x < blocks; x++) for (int y = x; y < blocks; y++, q++) { pa[q] = x; pb[q] = y; }
        Parallel.forChunks(pairs, 1, threads, (from, to) -> { // tile (I, J), J >= I: sum over k >= j0 of W[k][I]' W[k][J]
            for (int q = from; q < to; q++) {
                int i0 = pa[q] * NB, i1 = Math.min(n, i0 + NB), j0 = pb[q] * NB, j1 = Math.min(n, j0 + NB);
                for (int k0 = j0; k0 < n; k0 += KC) {
                    int kc = Math.min(KC, n - k0);
                    for (int i = i0; i < i1; i++) RowKernels.addMulColumn(out[i], w, i, k0, w, k0, kc, Math.max(j0, i), j1);
                }
            }
        });
        Parallel.forChunks(blocks, 1, threads, (from, to) -> { // the lower triangle from the upper
            for (int blk = from; blk < to; blk++) {
                int i0 = blk * NB, i1 = Math.min(n, i0 + NB);
                for (int j0 = 0; j0 < i1; j0 += NB)
                    for (int i = i0; i < i1; i++) {
                        double[] oi = out[i];
                        for (int j = j0; j < Math.min(i, j0 + NB); j++) oi[j] = out[j][i];
                    }
            }
        });
        return out;
    }
}
