package dev.retort.rec.algo;

import dev.retort.BugException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_MT_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * Inverse of a symmetric positive definite matrix through its Cholesky factor: EJML's multi-threaded block
 * Cholesky gives {@code A = L L'}, then {@code W = L^-1} and {@code A^-1 = W' W} are formed here in column
 * panels of {@value #PANEL}. That is n^3 flops in all, against about 2.3 n^3 for solving against the identity,
 * and every inner loop is a contiguous axpy the JIT vectorises. Panels are independent, so they run in parallel
 * with results that do not depend on the thread count.
 */
final class SpdInverse {
    private static final int PANEL = 64;

    private SpdInverse() {
    }

    /** {@code A^-1} as a new row-major n x n array; {@code a} is overwritten. */
    static double[] invert(DMatrixRMaj a, int threads) {
        int n = a.numRows;
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_MT_DDRM.chol(n, true);
        if (!chol.decompose(a)) throw new BugException("Cholesky failed: matrix not positive definite (n = " + n + ")");
        double[] l = chol.getT(null).data;
        int panels = (n + PANEL - 1) / PANEL;
        double[][] w = new double[panels][];
        // Panel p holds columns [p*PANEL, ...) of W = L^-1 for rows i >= p*PANEL: w[p][(i - c0) * PANEL + j'].
        Parallel.forChunks(panels, 1, threads, (from, to) -> {
            for (int p = from; p < to; p++) w[p] = inversePanel(l, n, p * PANEL, Math.min(n, (p + 1) * PANEL));
        });
        double[] inv = new double[n * n];
        int pairs = panels * (panels + 1) / 2;
        int[] pa = new int[pairs], pb = new int[pairs];
        for (int a0 = 0, q = 0; a0 < panels; a0++) for (int b0 = a0; b0 < panels; b0++, q++) { pa[q] = a0; pb[q] = b0; }
        Parallel.forChunks(pairs, 4, threads, (from, to) -> {
            for (int q = from; q < to; q++) productTile(w, n, pa[q], pb[q], inv);
        });
        for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) inv[i * n + j] = inv[j * n + i];
        return inv;
    }

    /** Columns [c0, c1) of L^-1 by forward substitution, rows c0..n-1 (the rows above are zero). */
    private static double[] inversePanel(double[] l, int n, int c0, int c1) {
        double[] w = new double[(n - c0) * PANEL];
        double[] acc = new double[PANEL];
        int width = c1 - c0;
        for (int i = c0; i < n; i++) {
            java.util.Arrays.fill(acc, 0);
            int li = i * n;
            for (int k = c0; k < i; k++) { // acc -= L[i][k] * W[k][panel]
                double lik = l[li + k];
                if (lik == 0) continue;
                int wk = (k - c0) * PANEL;
                for (int j = 0; j < width; j++) acc[j] -= lik * w[wk + j];
            }
            if (i < c1) acc[i - c0] += 1; // the identity column
            double d = 1 / l[li + i];
            int wi = (i - c0) * PANEL;
            for (int j = 0; j < width; j++) w[wi + j] = acc[j] * d;
        }
        return w;
    }

    /** The tile inv[a-panel rows][b-panel columns] = sum over rows i of W[i][a] W[i][b], for panels a <= b. */
    private static void productTile(double[][] w, int n, int pA, int pB, double[] inv) {
        int a0 = pA * PANEL, b0 = pB * PANEL;
        int wa = Math.min(n, a0 + PANEL) - a0, wb = Math.min(n, b0 + PANEL) - b0;
        double[] tile = new double[PANEL * PANEL];
        double[] wA = w[pA], wB = w[pB];
        for (int i = b0; i < n; i++) { // W[i][b] = 0 for i < b0, and b0 >= a0
            int ra = (i - a0) * PANEL, rb = (i - b0) * PANEL;
            for (int x = 0; x < wa; x++) {
                double v = wA[ra + x];
                if (v == 0) continue;
                int t = x * PANEL;
                for (int y = 0; y < wb; y++) tile[t + y] += v * wB[rb + y];
            }
        }
        for (int x = 0; x < wa; x++) System.arraycopy(tile, x * PANEL, inv, (a0 + x) * n + b0, wb);
    }
}
