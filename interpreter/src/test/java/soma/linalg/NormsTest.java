package soma.linalg;

import static org.junit.jupiter.api.Assertions.*;
import static soma.linalg.Check.*;

import org.junit.jupiter.api.Test;
import soma.tensor.Tensor;
import soma.tensor.TensorException;

class NormsTest {
    private static final Tensor V = Tensor.vector(3, -4, 0, 12);
    // [[1, -2], [-3, 4]]: column sums 4, 6; row sums 3, 7; Frobenius sqrt(30)
    private static final Tensor A = Tensor.matrix(new double[][] {{1, -2}, {-3, 4}});

    @Test
    void vectorNorms() {
        assertEquals(13, Linalg.norm(V), 0);
        assertEquals(13, Linalg.norm(V, "2"), 0);
        assertEquals(19, Linalg.norm(V, "1"), 0);
        assertEquals(12, Linalg.norm(V, "inf"), 0);
        assertEquals(0, Linalg.norm(V, "-inf"), 0);
        assertEquals(3, Linalg.norm(V, "0"), 0);
        assertEquals(Math.cbrt(27 + 64 + 1728), Linalg.norm(V, "3"), 1e-13);
        assertEquals(Math.sqrt(2) * 1e200, Linalg.norm(Tensor.vector(1e200, 1e200)), 1e186); // no overflow
        // complex entries count by modulus: |3 + 4i| = 5
        Tensor z = new Tensor(new int[] {2}, new double[] {3, 0}, new double[] {4, 1}, false);
        assertEquals(Math.sqrt(26), Linalg.norm(z), 1e-15);
        assertEquals(6, Linalg.norm(z, "1"), 1e-15);
    }

    @Test
    void matrixNorms() {
        assertEquals(Math.sqrt(30), Linalg.norm(A), 1e-15);
        assertEquals(Math.sqrt(30), Linalg.norm(A, "fro"), 1e-15);
        assertEquals(6, Linalg.norm(A, "1"), 0);
        assertEquals(4, Linalg.norm(A, "-1"), 0);
        assertEquals(7, Linalg.norm(A, "inf"), 0);
        assertEquals(3, Linalg.norm(A, "-inf"), 0);
        // singular values: s1^2 + s2^2 = 30 and s1 s2 = |det| = 2
        double s1 = Math.sqrt((30 + Math.sqrt(30 * 30 - 16)) / 2), s2 = 2 / s1;
        assertEquals(s1, Linalg.norm(A, "2"), 1e-14);
        assertEquals(s2, Linalg.norm(A, "-2"), 1e-14);
        assertEquals(s1 + s2, Linalg.norm(A, "nuc"), 1e-14);
        // a complex diagonal: singular values are the moduli
        Tensor z = c(new double[][] {{3, 0}, {0, 0}}, new double[][] {{4, 0}, {0, 2}});
        assertEquals(5, Linalg.norm(z, "2"), 1e-14);
        assertEquals(7, Linalg.norm(z, "nuc"), 1e-14);
    }

    @Test
    void traceOfRealComplexAndRectangular() {
        assertEquals(5, Linalg.trace(A).scalarValue(), 0);
        assertEquals(
                1 + 5, Linalg.trace(m(new double[][] {{1, 2, 3}, {4, 5, 6}})).scalarValue(), 0);
        Tensor z = c(new double[][] {{1, 9}, {9, 2}}, new double[][] {{0.5, 0}, {0, -2}});
        close(Tensor.complexScalar(3, -1.5), Linalg.trace(z), 0);
        TensorException ex = assertThrows(TensorException.class, () -> Linalg.trace(V));
        assertEquals("trace: expected a matrix (2-D tensor), got shape (4,)", ex.getMessage());
    }

    @Test
    void unknownOrders() {
        TensorException ex = assertThrows(TensorException.class, () -> Linalg.norm(A, "3"));
        assertEquals("norm: unknown order '3' for a matrix (use fro, nuc, 1, -1, 2, -2, inf or -inf)", ex.getMessage());
        ex = assertThrows(TensorException.class, () -> Linalg.norm(V, "nuc"));
        assertTrue(ex.getMessage().startsWith("norm: unknown order 'nuc' for a vector"), ex.getMessage());
    }
}
