package dev.retort.rec.algo;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class SpdInverseTest {
    /** X'X + 3I for a random 0/1 matrix X: SPD and Gram-like. */
    private static DMatrixRMaj spd(int n) {
        SplittableRandom rnd = new SplittableRandom(5);
        DMatrixRMaj x = new DMatrixRMaj(2 * n, n);
        for (int i = 0; i < x.data.length; i++) x.data[i] = rnd.nextDouble() < 0.2 ? 1 : 0;
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransA(x, x, a);
        for (int i = 0; i < n; i++) a.add(i, i, 3);
        return a;
    }

    @Test
    void agreesWithEjmlsInvertSpdAndGivesTheIdentity() {
        agreesAt(150); // panels 64 + 64 + 22, last row block partial
        agreesAt(301); // two 256-row chunks in the kernels
    }

    private static void agreesAt(int n) {
        DMatrixRMaj a = spd(n);
        DMatrixRMaj expected = new DMatrixRMaj(n, n);
        assertThat(CommonOps_DDRM.invertSPD(a.copy(), expected)).isTrue();
        double[] inv = SpdInverse.invert(a.copy(), 2);
        for (int i = 0; i < n * n; i++) assertThat(inv[i]).isCloseTo(expected.data[i], org.assertj.core.api.Assertions.within(1e-12));
        DMatrixRMaj product = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(a, DMatrixRMaj.wrap(n, n, inv), product);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                assertThat(product.get(i, j)).isCloseTo(i == j ? 1 : 0, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void resultDoesNotDependOnTheThreadCount() {
        DMatrixRMaj a = spd(150);
        assertThat(SpdInverse.invert(a.copy(), 1)).isEqualTo(SpdInverse.invert(a.copy(), 2));
    }
}
