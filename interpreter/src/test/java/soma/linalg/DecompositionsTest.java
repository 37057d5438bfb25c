package soma.linalg;

import static org.junit.jupiter.api.Assertions.*;
import static soma.linalg.Check.*;

import org.junit.jupiter.api.Test;
import soma.random.Rng;
import soma.tensor.Tensor;
import soma.tensor.TensorException;

class DecompositionsTest {
    private final Rng rng = new Rng(17);

    private static void orthonormalColumns(Tensor q, double tol) {
        int k = q.shape()[1];
        close(Tensor.eye(k), q.transpose().matmul(q), tol);
    }

    @Test
    void svdReconstructsReducedAndFull() {
        for (int[] s : new int[][] {{6, 4}, {4, 6}, {5, 5}, {30, 7}}) {
            int m = s[0], n = s[1], k = Math.min(m, n);
            Tensor a = rng.randn(m, n);
            Linalg.Svd r = Linalg.svd(a, false);
            assertArrayEquals(new int[] {m, k}, r.u().shape());
            assertArrayEquals(new int[] {k}, r.s().shape());
            assertArrayEquals(new int[] {k, n}, r.vt().shape());
            close(a, r.u().mul(r.s()).matmul(r.vt()), 1e-12); // u diag(s) vt, diag by broadcasting
            orthonormalColumns(r.u(), 1e-13);
            orthonormalColumns(r.vt().transpose(), 1e-13);
            for (int i = 1; i < k; i++) assertTrue(r.s().get(i - 1) >= r.s().get(i), "descending");
            Linalg.Svd f = Linalg.svd(a, true);
            assertArrayEquals(new int[] {m, m}, f.u().shape());
            assertArrayEquals(new int[] {n, n}, f.vt().shape());
            orthonormalColumns(f.u(), 1e-13);
            orthonormalColumns(f.vt(), 1e-13);
            close(r.s(), f.s(), 1e-13);
            Tensor sigma = Tensor.zeros(m, n);
            for (int i = 0; i < k; i++) sigma.realData()[i * n + i] = f.s().get(i);
            close(a, f.u().matmul(sigma).matmul(f.vt()), 1e-12);
        }
    }

    @Test
    void singularValuesOfKnownMatrices() {
        // [[3, 0], [4, 5]]: A^T A = [[25, 20], [20, 25]], eigenvalues 45 and 5
        close(
                Tensor.vector(Math.sqrt(45), Math.sqrt(5)),
                Linalg.svd(m(new double[][] {{3, 0}, {4, 5}}), false).s(),
                1e-14);
        close(Tensor.vector(Math.sqrt(45), Math.sqrt(5)), Linalg.svdvals(m(new double[][] {{3, 0}, {4, 5}})), 1e-14);
        // a complex matrix: i times a real one has the same singular values
        Tensor a = m(new double[][] {{3, 0}, {4, 5}});
        Tensor ia = new Tensor(new int[] {2, 2}, new double[4], a.realData(), false);
        close(Tensor.vector(Math.sqrt(45), Math.sqrt(5)), Linalg.svdvals(ia), 1e-14);
    }

    @Test
    void qrHasOrthonormalQAndUpperTriangularR() {
        for (int[] s : new int[][] {{5, 3}, {3, 5}, {8, 8}, {40, 12}}) {
            Tensor a = rng.randn(s[0], s[1]);
            Linalg.Qr qr = Linalg.qr(a);
            int k = Math.min(s[0], s[1]);
            assertArrayEquals(new int[] {s[0], k}, qr.q().shape());
            assertArrayEquals(new int[] {k, s[1]}, qr.r().shape());
            orthonormalColumns(qr.q(), 1e-13);
            for (int i = 0; i < k; i++)
                for (int j = 0; j < Math.min(i, s[1]); j++)
                    assertEquals(0, qr.r().get(i * s[1] + j), 0);
            close(a, qr.q().matmul(qr.r()), 1e-13);
        }
    }

    @Test
    void choleskyOfKnownAndRandomMatrices() {
        // [[4, 2], [2, 3]] = L L^T with L = [[2, 0], [1, sqrt 2]]
        close(
                m(new double[][] {{2, 0}, {1, Math.sqrt(2)}}),
                Linalg.cholesky(m(new double[][] {{4, 2}, {2, 3}})),
                1e-15);
        Tensor x = rng.randn(20, 20);
        Tensor spd = x.matmul(x.transpose()).add(Tensor.eye(20));
        Tensor l = Linalg.cholesky(spd);
        close(spd, l.matmul(l.transpose()), 1e-12);
        for (int i = 0; i < 20; i++) for (int j = i + 1; j < 20; j++) assertEquals(0, l.get(i * 20 + j), 0);
        TensorException ex =
                assertThrows(TensorException.class, () -> Linalg.cholesky(m(new double[][] {{1, 2}, {2, 1}})));
        assertEquals("cholesky: matrix is not positive definite", ex.getMessage());
        ex = assertThrows(TensorException.class, () -> Linalg.cholesky(m(new double[][] {{1, 2}, {0, 1}})));
        assertTrue(ex.getMessage().startsWith("cholesky: matrix is not symmetric"), ex.getMessage());
    }

    @Test
    void lstsqFitsALineAndHandlesRankDeficiency() {
        // points on y = 2x + 1 plus symmetric noise that cancels in the normal equations
        Tensor a = m(new double[][] {{0, 1}, {1, 1}, {2, 1}, {3, 1}});
        Tensor y = Tensor.vector(1.1, 2.9, 5.1, 6.9); // residuals +0.1, -0.1, +0.1, -0.1 around 2x+1
        Tensor fit = Linalg.lstsq(a, y);
        // normal equations: [[14, 6], [6, 4]] p = [32.8, 16] -> p = (1.96, 1.06)
        close(Tensor.vector(1.96, 1.06), fit, 1e-13);
        // square and invertible: same as solve
        Tensor sq = rng.randn(6, 6), b = rng.randn(6, 2);
        close(Linalg.solve(sq, b), Linalg.lstsq(sq, b), 1e-10);
        // rank-deficient: duplicate column; the minimum-norm solution splits the weight equally
        Tensor dup = m(new double[][] {{1, 1}, {2, 2}, {3, 3}});
        close(Tensor.vector(0.5, 0.5), Linalg.lstsq(dup, Tensor.vector(1, 2, 3)), 1e-14);
    }

    @Test
    void matrixRank() {
        assertEquals(2, Linalg.matrixRank(m(new double[][] {{1, 2}, {3, 4}})));
        assertEquals(1, Linalg.matrixRank(m(new double[][] {{1, 2}, {2, 4}})));
        assertEquals(2, Linalg.matrixRank(m(new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}})));
        assertEquals(0, Linalg.matrixRank(Tensor.zeros(3, 3)));
        assertEquals(1, Linalg.matrixRank(Tensor.vector(0, 3)));
        Tensor u = rng.randn(30, 3), v = rng.randn(3, 20);
        assertEquals(3, Linalg.matrixRank(u.matmul(v)));
        Tensor cplx = new Tensor(new int[] {2, 2}, new double[] {1, 0, 0, 0}, new double[] {0, 1, 0, 0}, false);
        assertEquals(1, Linalg.matrixRank(cplx));
    }

    @Test
    void complexFactorisationsAreRejectedClearly() {
        Tensor z = complexRandn(rng, 3, 3);
        TensorException ex = assertThrows(TensorException.class, () -> Linalg.qr(z));
        assertEquals("qr: complex matrices are not supported yet", ex.getMessage());
        ex = assertThrows(TensorException.class, () -> Linalg.svd(Tensor.ones(3), false));
        assertEquals("svd: expected a matrix (2-D tensor), got shape (3,)", ex.getMessage());
    }
}
