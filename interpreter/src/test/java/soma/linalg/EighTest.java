package soma.linalg;

import static org.junit.jupiter.api.Assertions.*;
import static soma.linalg.Check.*;

import org.junit.jupiter.api.Test;
import soma.random.Rng;
import soma.tensor.Tensor;
import soma.tensor.TensorException;

class EighTest {
    @Test
    void twoByTwoKnownSpectrum() {
        // [[2, 1], [1, 2]]: eigenvalues 1 and 3, vectors (1, -1)/sqrt2 and (1, 1)/sqrt2
        Linalg.Eig e = Linalg.eigh(m(new double[][] {{2, 1}, {1, 2}}));
        close(Tensor.vector(1, 3), e.values(), 1e-15);
        double r = Math.sqrt(0.5);
        // largest-modulus entry positive: the first of two equal moduli
        close(m(new double[][] {{r, r}, {-r, r}}), e.vectors(), 1e-15);
    }

    @Test
    void pathGraphLaplacianSpectrum() {
        // Laplacian of the path on n nodes: eigenvalues 2 - 2 cos(pi k / n), k = 0..n-1
        int n = 12;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                l[i][i - 1] = -1;
                l[i][i]++;
            }
            if (i < n - 1) {
                l[i][i + 1] = -1;
                l[i][i]++;
            }
        }
        Tensor a = m(l);
        Linalg.Eig e = Linalg.eigh(a);
        double[] expected = new double[n];
        for (int k = 0; k < n; k++) expected[k] = 2 - 2 * Math.cos(Math.PI * k / n);
        close(Tensor.vector(expected), e.values(), 1e-13);
        close(Linalg.eigvalsh(a), e.values(), 0);
        assertTrue(eigResidual(a, e) < 1e-13);
        close(Tensor.eye(n), e.vectors().transpose().matmul(e.vectors()), 1e-13);
    }

    @Test
    void randomSymmetricIsOrthonormallyDiagonalised() {
        Rng rng = new Rng(8);
        Tensor x = rng.randn(60, 60);
        Tensor a = x.add(x.transpose());
        Linalg.Eig e = Linalg.eigh(a);
        for (int i = 1; i < 60; i++)
            assertTrue(e.values().get(i - 1) <= e.values().get(i), "ascending");
        assertTrue(eigResidual(a, e) < 1e-11);
        close(Tensor.eye(60), e.vectors().transpose().matmul(e.vectors()), 1e-12);
        // agrees with the general solver
        double[][] general = sortedComplex(Linalg.eigvals(a));
        for (int i = 0; i < 60; i++) assertEquals(general[i][0], e.values().get(i), 1e-11);
        // a covariance X X^T / n is positive semi-definite
        Tensor cov = x.matmul(x.transpose()).div(60);
        assertTrue(Linalg.eigvalsh(cov).get(0) > -1e-12);
    }

    @Test
    void hermitianMatrix() {
        // [[2, -i], [i, 2]]: eigenvalues 1 and 3
        Tensor a = c(new double[][] {{2, 0}, {0, 2}}, new double[][] {{0, -1}, {1, 0}});
        Linalg.Eig e = Linalg.eigh(a);
        assertFalse(e.values().isComplex());
        close(Tensor.vector(1, 3), e.values(), 1e-14);
        assertTrue(eigResidual(a, e) < 1e-14);
        Tensor z = complexRandn(new Rng(4), 25, 25);
        Tensor herm = z.add(h(z));
        e = Linalg.eigh(herm);
        assertTrue(eigResidual(herm, e) < 1e-11);
        close(Tensor.eye(25), h(e.vectors()).matmul(e.vectors()), 1e-12);
        for (int i = 1; i < 25; i++)
            assertTrue(e.values().get(i - 1) <= e.values().get(i));
    }

    @Test
    void nonSymmetricIsRejected() {
        TensorException ex = assertThrows(TensorException.class, () -> Linalg.eigh(m(new double[][] {{1, 2}, {0, 1}})));
        assertTrue(ex.getMessage().startsWith("eigh: matrix is not symmetric"), ex.getMessage());
        ex = assertThrows(
                TensorException.class,
                () -> Linalg.eigh(c(new double[][] {{1, 0}, {0, 1}}, new double[][] {{0, 1}, {1, 0}})));
        assertTrue(ex.getMessage().startsWith("eigh: matrix is not Hermitian"), ex.getMessage());
        ex = assertThrows(TensorException.class, () -> Linalg.eigh(Tensor.zeros(2, 3)));
        assertEquals("eigh: expected a square matrix, got shape (2, 3)", ex.getMessage());
        // rounding-level asymmetry is accepted
        Tensor a = m(new double[][] {{1, 0.1 + 1e-17}, {0.1, 1}});
        close(Tensor.vector(0.9, 1.1), Linalg.eigvalsh(a), 1e-15);
    }
}
