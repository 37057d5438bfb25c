package soma.linalg;

import static org.junit.jupiter.api.Assertions.*;
import static soma.linalg.Check.*;

import org.junit.jupiter.api.Test;
import soma.random.Rng;
import soma.tensor.Index;
import soma.tensor.Tensor;
import soma.tensor.TensorException;

class SolveTest {
    private static final Tensor A2 = Tensor.matrix(new double[][] {{1, 2}, {3, 4}});
    private static final Tensor A3 = Tensor.matrix(new double[][] {{2, 0, 1}, {1, 3, 2}, {1, 1, 1}});

    @Test
    void handComputedTwoByTwo() {
        // det = 1*4 - 2*3 = -2; inv = [[4, -2], [-3, 1]] / -2
        assertEquals(-2, Linalg.det(A2).scalarValue(), 0);
        close(m(new double[][] {{-2, 1}, {1.5, -0.5}}), Linalg.inv(A2), 1e-15);
        // x + 2y = 5, 3x + 4y = 6  ->  x = -4, y = 4.5
        close(Tensor.vector(-4, 4.5), Linalg.solve(A2, Tensor.vector(5, 6)), 1e-14);
        Linalg.SlogDet sd = Linalg.slogdet(A2);
        assertEquals(-1, sd.sign().scalarValue(), 0);
        assertEquals(Math.log(2), sd.logabsdet(), 1e-15);
    }

    @Test
    void handComputedThreeByThree() {
        // det by cofactors along row 0: 2(3*1 - 2*1) - 0 + 1(1*1 - 3*1) = 2 - 2 = 0 -> use another
        Tensor a = m(new double[][] {{2, 0, 1}, {1, 3, 2}, {1, 1, 2}});
        // 2(6 - 2) - 0 + 1(1 - 3) = 8 - 2 = 6
        assertEquals(6, Linalg.det(a).scalarValue(), 1e-14);
        // adjugate / det
        Tensor expectedInv =
                m(new double[][] {{4, 1, -3}, {0, 3, -3}, {-2, -2, 6}}).div(6);
        close(expectedInv, Linalg.inv(a), 1e-15);
        // matrix right-hand side: two systems at once
        Tensor b = m(new double[][] {{3, 1}, {6, 0}, {4, 2}});
        Tensor x = Linalg.solve(a, b);
        close(b, a.matmul(x), 1e-14);
        assertArrayEquals(new int[] {3, 2}, x.shape());
        assertEquals(0, Linalg.det(A3).scalarValue(), 1e-15);
    }

    @Test
    void inverseOfRandomMatricesIsTwoSided() {
        Rng rng = new Rng(21);
        for (int n : new int[] {1, 4, 30, 120}) {
            Tensor a = rng.randn(n, n);
            Tensor ai = Linalg.inv(a);
            close(Tensor.eye(n), a.matmul(ai), 1e-10);
            close(Tensor.eye(n), ai.matmul(a), 1e-10);
            Tensor b = rng.randn(n);
            close(b, a.matmul(Linalg.solve(a, b)), 1e-10);
            // det(A) = sign * exp(logabsdet), and det(A^-1) = 1 / det(A)
            Linalg.SlogDet sd = Linalg.slogdet(a);
            double det = Linalg.det(a).scalarValue();
            assertEquals(det, sd.sign().scalarValue() * Math.exp(sd.logabsdet()), 1e-9 * Math.abs(det));
            assertEquals(1 / det, Linalg.det(ai).scalarValue(), 1e-8 * Math.abs(1 / det));
        }
    }

    @Test
    void slogdetSurvivesOverflow() {
        Tensor big = Tensor.eye(400).mul(10); // det = 10^400 overflows a double
        assertEquals(Double.POSITIVE_INFINITY, Linalg.det(big).scalarValue());
        Linalg.SlogDet sd = Linalg.slogdet(big);
        assertEquals(1, sd.sign().scalarValue(), 0);
        assertEquals(400 * Math.log(10), sd.logabsdet(), 1e-10);
    }

    @Test
    void complexSystems() {
        // [[1, i], [i, 1]] has det 1 - i^2 = 2; inverse [[1, -i], [-i, 1]] / 2
        Tensor a = c(new double[][] {{1, 0}, {0, 1}}, new double[][] {{0, 1}, {1, 0}});
        Tensor d = Linalg.det(a);
        assertEquals(2, d.get(0), 1e-15);
        assertEquals(0, d.getImag(0), 1e-15);
        close(c(new double[][] {{0.5, 0}, {0, 0.5}}, new double[][] {{0, -0.5}, {-0.5, 0}}), Linalg.inv(a), 1e-15);
        // det of diag(i, 2i, 1 + i) = i * 2i * (1 + i) = -2 (1 + i)
        Tensor dg =
                c(new double[][] {{0, 0, 0}, {0, 0, 0}, {0, 0, 1}}, new double[][] {{1, 0, 0}, {0, 2, 0}, {0, 0, 1}});
        close(Tensor.complexScalar(-2, -2), Linalg.det(dg), 1e-15);
        Linalg.SlogDet sd = Linalg.slogdet(dg);
        assertEquals(Math.log(2 * Math.sqrt(2)), sd.logabsdet(), 1e-14); // |det| = |-2 - 2i| = 2 sqrt 2
        close(Tensor.complexScalar(-Math.sqrt(0.5), -Math.sqrt(0.5)), sd.sign(), 1e-15);

        Rng rng = new Rng(9);
        Tensor z = complexRandn(rng, 40, 40), bz = complexRandn(rng, 40, 3);
        close(bz, z.matmul(Linalg.solve(z, bz)), 1e-10);
        close(Tensor.eye(40), z.matmul(Linalg.inv(z)), 1e-10);
        // a real matrix with a complex right-hand side, and a complex matrix with a real one
        Tensor r = rng.randn(10, 10);
        close(bz.get(Index.slice(0, 10, 1)), r.matmul(Linalg.solve(r, bz.get(Index.slice(0, 10, 1)))), 1e-10);
        Tensor br = rng.randn(40);
        close(br, z.matmul(Linalg.solve(z, br)), 1e-10);
    }

    @Test
    void singularMatricesAreReported() {
        Tensor s = m(new double[][] {{1, 2}, {2, 4}});
        TensorException ex = assertThrows(TensorException.class, () -> Linalg.solve(s, Tensor.vector(1, 2)));
        assertEquals("solve: matrix is singular", ex.getMessage());
        ex = assertThrows(TensorException.class, () -> Linalg.inv(s));
        assertEquals("inv: matrix is singular", ex.getMessage());
        assertEquals(0, Linalg.det(s).scalarValue(), 0);
        Linalg.SlogDet sd = Linalg.slogdet(s);
        assertEquals(0, sd.sign().scalarValue(), 0);
        assertEquals(Double.NEGATIVE_INFINITY, sd.logabsdet());
        Tensor cs = c(new double[][] {{1, 0}, {0, 0}}, new double[][] {{0, 1}, {0, 0}});
        ex = assertThrows(TensorException.class, () -> Linalg.inv(cs));
        assertEquals("inv: matrix is singular", ex.getMessage());
        ex = assertThrows(TensorException.class, () -> Linalg.solve(Tensor.zeros(3, 3), Tensor.ones(3)));
        assertEquals("solve: matrix is singular", ex.getMessage());
    }

    @Test
    void shapeErrors() {
        TensorException ex = assertThrows(TensorException.class, () -> Linalg.solve(Tensor.eye(3), Tensor.ones(4)));
        assertEquals("solve: shapes (3, 3) and (4,) do not match (b must have 3 rows)", ex.getMessage());
        ex = assertThrows(TensorException.class, () -> Linalg.solve(Tensor.zeros(3, 2), Tensor.ones(3)));
        assertEquals("solve: expected a square matrix, got shape (3, 2)", ex.getMessage());
        ex = assertThrows(TensorException.class, () -> Linalg.inv(Tensor.ones(3)));
        assertEquals("inv: expected a square matrix, got shape (3,)", ex.getMessage());
        ex = assertThrows(TensorException.class, () -> Linalg.det(Tensor.zeros(2, 3)));
        assertEquals("det: expected a square matrix, got shape (2, 3)", ex.getMessage());
        ex = assertThrows(TensorException.class, () -> Linalg.solve(Tensor.eye(2), Tensor.zeros(2, 2, 2)));
        assertEquals("solve: shapes (2, 2) and (2, 2, 2) do not match (b must have 2 rows)", ex.getMessage());
    }

    @Test
    void emptyMatrix() {
        assertEquals(1, Linalg.det(Tensor.zeros(0, 0)).scalarValue(), 0);
        assertArrayEquals(new int[] {0, 0}, Linalg.inv(Tensor.zeros(0, 0)).shape());
    }
}
