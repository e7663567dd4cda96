package dev.retort.rec.algo;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CholeskyTest {
    @Test
    void agrees_with_ejml_on_a_random_spd_matrix() {
        int n = 300;
        DMatrixRMaj a = SpdInverseTest.spd(n, 11);
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
        assertThat(chol.decompose(a.copy())).isTrue();
        DMatrixRMaj expected = chol.getT(null);
        double[][] l = SpdInverseTest.lowerRows(a);
        Cholesky.factor(l, 2);
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++) {
                double e = expected.get(i, j);
                assertThat(Math.abs(l[i][j] - e)).as("L[%d][%d]", i, j).isLessThanOrEqualTo(1e-10 * Math.max(1, Math.abs(e)));
            }
    }

    @Test
    void one_and_two_threads_give_bit_identical_factors() {
        DMatrixRMaj a = SpdInverseTest.spd(300, 13);
        double[][] one = SpdInverseTest.lowerRows(a), two = SpdInverseTest.lowerRows(a);
        Cholesky.factor(one, 1);
        Cholesky.factor(two, 2);
        for (int i = 0; i < 300; i++)
            for (int j = 0; j <= i; j++)
                assertThat(Double.doubleToRawLongBits(two[i][j])).as("L[%d][%d]", i, j).isEqualTo(Double.doubleToRawLongBits(one[i][j]));
    }

    @Test
    void refuses_a_matrix_that_is_not_positive_definite() {
        double[][] a = {{1, 0}, {2, 1}}; // lower triangle of [[1, 2], [2, 1]], eigenvalues 3 and -1
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Cholesky.factor(a, 1)).hasMessageContaining("positive definite");
    }
}
