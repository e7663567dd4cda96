package dev.retort.rec.algo;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SpdInverseTest {
    /** X'X + 3I for a random 0/1 matrix X: SPD and Gram-like. */
    static DMatrixRMaj spd(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        DMatrixRMaj x = new DMatrixRMaj(2 * n, n);
        for (int i = 0; i < x.data.length; i++) x.data[i] = rnd.nextDouble() < 0.2 ? 1 : 0;
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransA(x, x, a);
        for (int i = 0; i < n; i++) a.add(i, i, 3);
        return a;
    }

    /** The rows of {@code a}, with the strict upper triangle garbled (it must not be read). */
    static double[][] lowerRows(DMatrixRMaj a) {
        int n = a.numRows;
        double[][] r = new double[n][n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) r[i][j] = j <= i ? a.get(i, j) : Double.NaN;
        return r;
    }

    @Test
    void agrees_with_ejmls_invert_spd_and_gives_the_identity() {
        agreesAt(150); // blocks 128 + 22
        agreesAt(301); // blocks 128 + 128 + 45, two 256-row chunks in the kernels
        agreesAt(3);
    }

    private static void agreesAt(int n) {
        DMatrixRMaj a = spd(n, 5);
        DMatrixRMaj expected = new DMatrixRMaj(n, n);
        assertThat(CommonOps_DDRM.invertSPD(a.copy(), expected)).isTrue();
        double[][] inv = SpdInverse.invert(lowerRows(a), 2);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) assertThat(inv[i][j]).isCloseTo(expected.get(i, j), within(1e-12));
        DMatrixRMaj flat = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) flat.set(i, j, inv[i][j]);
        DMatrixRMaj product = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(a, flat, product);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) assertThat(product.get(i, j)).isCloseTo(i == j ? 1 : 0, within(1e-9));
    }

    @Test
    void result_does_not_depend_on_the_thread_count() {
        DMatrixRMaj a = spd(301, 5);
        assertThat(SpdInverse.invert(lowerRows(a), 1)).isDeepEqualTo(SpdInverse.invert(lowerRows(a), 2));
    }
}
