package dev.retort.rec.algo;

import dev.retort.BugException;

/**
 * Blocked right-looking Cholesky factorisation {@code A = LL'} of a symmetric positive definite matrix held as
 * rows, in place (L in the lower triangle, diagonal included; the strict upper triangle is neither read nor
 * written). Blocks of {@value #NB} columns: the diagonal block is factored directly, the panel below it is
 * multiplied by the transposed inverse of the diagonal block's factor (a vectorised product rather than row-by-row
 * substitution), then the trailing lower triangle takes {@code A22 -= L21 L21'} (the n^3/3 part) in parallel over column blocks with
 * {@link RowKernels}, each column block written by exactly one task in a fixed order, so the factor is
 * bit-identical for any thread count.
 *
 * <p>Why not EJML's Cholesky: for the EASE Gram matrix of the ML-1M shape (n = 3,706) on the 2-core bench machine
 * its multi-threaded block variant measured 6.5-6.8 s of CPU (6.6 s wall with one core effectively busy when the
 * machine was loaded, 3.9-4.1 s wall when it was not); this one, vectorised by C2 through {@link RowKernels},
 * measured about 2 s of CPU (1.0-1.2 s wall on 2 threads). EJML's {@code invertSPD} stays the reference in the
 * tests.
 */
final class Cholesky {
    /** Columns per block (a multiple of 4 so the kernels' four-row passes line up). */
    static final int NB = 128;

    private Cholesky() {
    }

    /** Overwrites the lower triangle of {@code a} (n rows of length >= n) with L. */
    static void factor(double[][] a, int threads) {
        int n = a.length;
        double[][] lt = new double[NB][n]; // the current panel transposed: lt[p - k0][i] = L[i][p]
        for (int k0 = 0; k0 < n; k0 += NB) {
            final int b0 = k0, b1 = Math.min(n, k0 + NB), kb = b1 - b0;
            for (int i = b0; i < b1; i++) { // the diagonal block
                double[] ai = a[i];
                for (int j = b0; j <= i; j++) {
                    double[] aj = a[j];
                    double s = ai[j];
                    for (int p = b0; p < j; p++) s -= ai[p] * aj[p];
                    if (i == j) {
                        if (!(s > 0))
                            throw new BugException("Cholesky failed: matrix not positive definite (n = " + n + ", pivot " + i + ")");
                        ai[i] = Math.sqrt(s);
                    } else {
                        ai[j] = s / aj[j];
                    }
                }
            }
            if (b1 == n) break;
            double[][] tt = new double[kb][kb]; // tt[p][q] = T[q][p] for T = L11^-1 (lower)
            for (int j = 0; j < kb; j++) {
                tt[j][j] = 1 / a[b0 + j][b0 + j];
                for (int i = j + 1; i < kb; i++) {
                    double[] ai = a[b0 + i];
                    double s = 0;
                    for (int k = j; k < i; k++) s += ai[b0 + k] * tt[j][k];
                    tt[j][i] = -s / ai[b0 + i];
                }
            }
            Parallel.forChunks(n - b1, 64, threads, (from, to) -> { // the panel below: L21 = A21 L11'^-1 = A21 T'
                double[] row = new double[kb];
                for (int i = b1 + from; i < b1 + to; i++) {
                    double[] ai = a[i];
                    java.util.Arrays.fill(row, 0.0);
                    RowKernels.addMul(row, ai, b0, tt, 0, kb, 0, kb); // row[q] = sum over p of A[i][b0 + p] T[q][p]
                    for (int q = 0; q < kb; q++) {
                        ai[b0 + q] = row[q];
                        lt[q][i] = row[q];
                    }
                }
            });
            int blocks = (n - b1 + NB - 1) / NB;
            Parallel.forChunks(blocks, 1, threads, (from, to) -> { // trailing lower triangle: A22 -= L21 L21'
                for (int blk = from; blk < to; blk++) {
                    int j0 = b1 + blk * NB, j1 = Math.min(n, j0 + NB);
                    for (int i = j0; i < n; i++) RowKernels.subMul(a[i], a[i], b0, lt, 0, kb, j0, Math.min(j1, i + 1));
                }
            });
        }
    }
}
