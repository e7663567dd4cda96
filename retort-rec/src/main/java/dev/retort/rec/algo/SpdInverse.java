package dev.retort.rec.algo;

import dev.retort.BugException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_MT_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

import static dev.retort.rec.algo.PanelKernels.PANEL;
import static dev.retort.rec.algo.PanelKernels.block4x4;

/**
 * Inverse of a symmetric positive definite matrix through its Cholesky factor: EJML's multi-threaded block
 * Cholesky gives {@code A = LL'} (U = L'), then {@code W = U'^-1} (lower) and {@code A^-1 = W'W} are formed here
 * in 64-column panels with register-blocked kernels. That is n^3 flops in all, against about 2.3 n^3 for solving
 * against the identity. Panels (and tiles of the product) are independent, so they run in parallel with results
 * that do not depend on the thread count.
 */
final class SpdInverse {
    /** Rows streamed per kernel call, so both operands of a call stay in the L2 cache. */
    private static final int CHUNK = 256;

    private SpdInverse() {
    }

    /** {@code A^-1} as a new row-major n x n array; {@code a} is overwritten. */
    static double[] invert(DMatrixRMaj a, int threads) {
        return fromUpper(upperFactor(a), a.numRows, threads);
    }

    /** The Cholesky factor U = L' (A = U'U) as a row-major n x n array. */
    static double[] upperFactor(DMatrixRMaj a) {
        int n = a.numRows;
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_MT_DDRM.chol(n, true);
        if (!chol.decompose(a)) throw new BugException("Cholesky failed: matrix not positive definite (n = " + n + ")");
        return CommonOps_DDRM.transpose(chol.getT(null), null).data; // U = L', read row-wise below
    }

    /** {@code A^-1} from A's upper Cholesky factor U (row-major n x n; only the upper triangle is read). */
    static double[] fromUpper(double[] u, int n, int threads) {
        int panels = (n + PANEL - 1) / PANEL;
        double[][] w = new double[panels][];
        // Panel p holds columns [p*PANEL, ...) of W for rows i >= p*PANEL: w[p][(i - c0) * PANEL + j'].
        Parallel.forChunks(panels, 1, threads, (from, to) -> {
            for (int p = from; p < to; p++) w[p] = inversePanel(u, n, p * PANEL, Math.min(n, (p + 1) * PANEL));
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

    /** Columns [c0, c1) of W = U'^-1 by forward substitution, rows c0..n-1 (the rows above are zero). */
    private static double[] inversePanel(double[] u, int n, int c0, int c1) {
        double[] w = new double[(n - c0 + 3) * PANEL]; // 3 spare zero rows let the last kernel block overhang
        double[] acc = new double[4 * PANEL];
        int width = c1 - c0;
        for (int i0 = c0; i0 < n; i0 += 4) {
            int rows = Math.min(4, n - i0);
            java.util.Arrays.fill(acc, 0);
            if (rows == 4) { // acc[r][j] -= sum over k in [c0, i0) of U[k][i0 + r] * W[k][j]
                for (int k0 = c0; k0 < i0; k0 += CHUNK)
                    for (int y = 0; y < PANEL; y += 4)
                        block4x4(u, k0 * n + i0, n, w, (k0 - c0) * PANEL + y, Math.min(CHUNK, i0 - k0), -1, acc, y, PANEL);
            }
            for (int r = 0; r < rows; r++) {
                int i = i0 + r;
                for (int k = rows == 4 ? i0 : c0; k < i; k++) { // the rest, one row at a time
                    double uki = u[k * n + i];
                    int wk = (k - c0) * PANEL, ar = r * PANEL;
                    for (int j = 0; j < width; j++) acc[ar + j] -= uki * w[wk + j];
                }
                if (i < c1) acc[r * PANEL + i - c0] += 1; // the identity column
                double d = 1 / u[i * n + i];
                int wi = (i - c0) * PANEL, ar = r * PANEL;
                for (int j = 0; j < width; j++) w[wi + j] = acc[ar + j] * d;
            }
        }
        return w;
    }

    /** The tile inv[a-panel rows][b-panel columns] = sum over rows i of W[i][a] W[i][b], for panels a <= b. */
    private static void productTile(double[][] w, int n, int pA, int pB, double[] inv) {
        int a0 = pA * PANEL, b0 = pB * PANEL;
        int wa = Math.min(n, a0 + PANEL) - a0, wb = Math.min(n, b0 + PANEL) - b0;
        double[] tile = new double[PANEL * PANEL];
        double[] wA = w[pA], wB = w[pB];
        for (int i0 = b0; i0 < n; i0 += CHUNK) { // W[i][b] = 0 for i < b0, and b0 >= a0
            int count = Math.min(CHUNK, n - i0);
            for (int x = 0; x < wa; x += 4)
                for (int y = 0; y < wb; y += 4)
                    block4x4(wA, (i0 - a0) * PANEL + x, PANEL, wB, (i0 - b0) * PANEL + y, count, 1, tile, x * PANEL + y, PANEL);
        }
        for (int x = 0; x < wa; x++) System.arraycopy(tile, x * PANEL, inv, (a0 + x) * n + b0, wb);
    }
}
