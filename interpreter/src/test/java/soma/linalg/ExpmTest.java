package soma.linalg;

import static org.junit.jupiter.api.Assertions.*;
import static soma.linalg.Check.*;

import org.junit.jupiter.api.Test;
import soma.random.Rng;
import soma.tensor.Tensor;
import soma.tensor.TensorException;

class ExpmTest {
    @Test
    void rotationGeneratorGivesARotation() {
        // exp([[0, -t], [t, 0]]) = [[cos t, -sin t], [sin t, cos t]]; t spans every Padé degree and squaring
        for (double t : new double[] {1e-3, 0.1, 0.5, 1.5, 2.0, 3.0, 10.0, 100.0}) {
            Tensor r = Linalg.expm(m(new double[][] {{0, -t}, {t, 0}}));
            double c = Math.cos(t), s = Math.sin(t);
            close(m(new double[][] {{c, -s}, {s, c}}), r, 1e-13 * Math.max(1, t));
        }
    }

    @Test
    void diagonalMatrixExponentiatesEntrywise() {
        double[] d = {-3, 0, 0.5, 2, 7};
        Tensor e = Linalg.expm(Tensor.diag(Tensor.vector(d)));
        double[] expected = new double[d.length];
        for (int i = 0; i < d.length; i++) expected[i] = Math.exp(d[i]);
        Tensor want = Tensor.diag(Tensor.vector(expected));
        for (int i = 0; i < want.size(); i++) assertEquals(want.get(i), e.get(i), 1e-14 * Math.max(1, want.get(i)));
    }

    @Test
    void nilpotentMatrixGivesTheFinitePolynomial() {
        // N^3 = 0, so exp(N) = I + N + N^2 / 2 exactly
        Tensor n = m(new double[][] {{0, 1, 2}, {0, 0, 3}, {0, 0, 0}});
        Tensor want = Tensor.eye(3).add(n).add(n.matmul(n).div(2)); // [[1, 1, 3.5], [0, 1, 3], [0, 0, 1]]
        close(m(new double[][] {{1, 1, 3.5}, {0, 1, 3}, {0, 0, 1}}), want, 0);
        close(want, Linalg.expm(n), 1e-14);
        // a larger one, scaled into the squaring regime: the strict upper shift times 5
        int k = 6;
        Tensor shift = Tensor.zeros(k, k);
        for (int i = 0; i + 1 < k; i++) shift.realData()[i * k + i + 1] = 5;
        Tensor e = Linalg.expm(shift);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double expected = j < i ? 0 : Math.pow(5, j - i) / factorial(j - i);
                assertEquals(expected, e.get(i * k + j), 1e-12 * Math.max(1, expected), "(" + i + "," + j + ")");
            }
        }
    }

    private static double factorial(int n) {
        double f = 1;
        for (int i = 2; i <= n; i++) f *= i;
        return f;
    }

    @Test
    void expOfAAndMinusAAreInverses() {
        Rng rng = new Rng(99);
        for (int n : new int[] {1, 5, 40}) {
            Tensor a = rng.randn(n, n).div(Math.sqrt(n)).mul(2);
            close(Tensor.eye(n), Linalg.expm(a).matmul(Linalg.expm(a.neg())), 1e-11);
            // det(exp A) = exp(trace A)
            assertEquals(
                    Math.exp(Linalg.trace(a).scalarValue()),
                    Linalg.det(Linalg.expm(a)).scalarValue(),
                    1e-10 * Math.exp(Linalg.trace(a).scalarValue()));
        }
    }

    @Test
    void complexMatrixExponential() {
        // exp(i t I) = e^{it} I, and exp of a complex diagonal is entrywise
        Tensor a = c(new double[][] {{0.3, 0}, {0, -1}}, new double[][] {{2, 0}, {0, 0.5}});
        Tensor e = Linalg.expm(a);
        close(
                c(new double[][] {{Math.exp(0.3) * Math.cos(2), 0}, {0, Math.exp(-1) * Math.cos(0.5)}}, new double[][] {
                    {Math.exp(0.3) * Math.sin(2), 0}, {0, Math.exp(-1) * Math.sin(0.5)}
                }),
                e,
                1e-14);
        // Hermitian H: exp(iH) is unitary
        Tensor z = complexRandn(new Rng(1), 8, 8);
        Tensor herm = z.add(h(z));
        Tensor u = Linalg.expm(herm.mul(new Tensor(new int[0], new double[] {0}, new double[] {1}, false)));
        close(Tensor.eye(8), h(u).matmul(u), 1e-11);
    }

    @Test
    void errors() {
        TensorException ex = assertThrows(TensorException.class, () -> Linalg.expm(Tensor.zeros(2, 3)));
        assertEquals("expm: expected a square matrix, got shape (2, 3)", ex.getMessage());
        ex = assertThrows(TensorException.class, () -> Linalg.expm(m(new double[][] {{Double.POSITIVE_INFINITY}})));
        assertEquals("expm: matrix contains NaN or infinity", ex.getMessage());
    }
}
