package soma.tensor;

import static org.junit.jupiter.api.Assertions.*;
import static soma.tensor.Assertions2.*;

import org.junit.jupiter.api.Test;

class ReduceTest {
    /** [[1 2 3] [4 5 6]] */
    private static Tensor m() {
        return Tensor.arange(1, 7, 1).reshape(2, 3);
    }

    @Test
    void sumMeanOverAllAndAlongAxes() {
        assertScalar(21, m().sum(), 0);
        assertScalar(3.5, m().mean(), 0);
        assertValues(m().sum(0), new int[] {3}, new double[] {5, 7, 9}, 0);
        assertValues(m().sum(1), new int[] {2}, new double[] {6, 15}, 0);
        assertValues(m().sum(-1), new int[] {2}, new double[] {6, 15}, 0);
        assertValues(m().mean(0), new int[] {3}, new double[] {2.5, 3.5, 4.5}, 0);
        assertValues(Reduce.sum(m(), 1, true), new int[] {2, 1}, new double[] {6, 15}, 0);
        TensorException e = assertThrows(TensorException.class, () -> m().sum(2));
        assertEquals("axis 2 is out of bounds for tensor of rank 2", e.getMessage());
    }

    @Test
    void middleAxisOfRank3() {
        Tensor t = Tensor.arange(24).reshape(2, 3, 4);
        Tensor s = t.sum(1);
        assertShape(s, 2, 4);
        // s[i][k] = sum_j (12 i + 4 j + k) = 36 i + 12 + 3 k
        for (int i = 0; i < 2; i++) for (int k = 0; k < 4; k++) assertEquals(36 * i + 12 + 3 * k, s.get(i * 4 + k), 0);
    }

    @Test
    void varianceAndStd() {
        Tensor v = Tensor.vector(2, 4, 4, 4, 5, 5, 7, 9);
        assertScalar(4, v.var(), 1e-15);
        assertScalar(2, v.std(), 1e-15);
        assertScalar(32.0 / 7, Reduce.var(v, 1), 1e-15);
        assertScalar(Math.sqrt(32.0 / 7), Reduce.std(v, 1), 1e-15);
        assertValues(m().std(0), new int[] {3}, new double[] {1.5, 1.5, 1.5}, 1e-15);
        assertValues(m().var(1), new int[] {2}, new double[] {2.0 / 3, 2.0 / 3}, 1e-15);
        assertTrue(Double.isNaN(Reduce.var(Tensor.vector(1), 1).scalarValue()));
        // complex variance is the mean squared modulus of the deviation
        Tensor z = new Tensor(new int[] {2}, new double[] {0, 0}, new double[] {1, -1}, false);
        assertScalar(1, z.var(), 1e-15);
    }

    @Test
    void extremaAndTheirPositions() {
        Tensor t = Tensor.fromNested(new double[][] {{3, 9, 1}, {7, 2, 8}});
        assertScalar(1, t.min(), 0);
        assertScalar(9, t.max(), 0);
        assertScalar(2, t.argmin(), 0);
        assertScalar(1, t.argmax(), 0);
        assertValues(t.max(0), new int[] {3}, new double[] {7, 9, 8}, 0);
        assertValues(t.min(1), new int[] {2}, new double[] {1, 2}, 0);
        assertValues(t.argmax(0), new int[] {3}, new double[] {1, 0, 1}, 0);
        assertValues(t.argmin(-1), new int[] {2}, new double[] {2, 1}, 0);
        assertScalar(0, Tensor.vector(5, 5, 1, 5).argmax(), 0);
        Tensor nan = Tensor.vector(1, Double.NaN, 0);
        assertTrue(Double.isNaN(nan.max().scalarValue()));
        assertScalar(1, nan.argmin(), 0);
        TensorException e =
                assertThrows(TensorException.class, () -> Tensor.zeros(0).max());
        assertEquals("max of an empty tensor", e.getMessage());
        assertThrows(TensorException.class, () -> Tensor.complexScalar(1, 1).max());
    }

    @Test
    void productAnyAllCumsum() {
        assertScalar(720, m().prod(), 0);
        assertValues(m().prod(0), new int[] {3}, new double[] {4, 10, 18}, 0);
        Tensor b = Tensor.fromNested(new double[][] {{0, 1}, {0, 0}});
        assertEquals(1, b.any().scalarValue());
        assertTrue(b.any().isBool());
        assertEquals(0, b.all().scalarValue());
        assertValues(b.any(0), new int[] {2}, new double[] {0, 1}, 0);
        assertValues(b.all(1).not(), new int[] {2}, new double[] {1, 1}, 0);
        assertEquals(1, Tensor.zeros(0).all().scalarValue(), "all of nothing is true");
        assertValues(m().cumsum(), new int[] {6}, new double[] {1, 3, 6, 10, 15, 21}, 0);
        assertValues(m().cumsum(0), new int[] {2, 3}, new double[] {1, 2, 3, 5, 7, 9}, 0);
        assertValues(m().cumsum(1), new int[] {2, 3}, new double[] {1, 3, 6, 4, 9, 15}, 0);
    }

    @Test
    void complexSumsAndProducts() {
        Tensor z = new Tensor(new int[] {2, 2}, new double[] {1, 2, 3, 4}, new double[] {1, 0, -1, 2}, false);
        Tensor s = z.sum(0);
        assertClose(new Tensor(new int[] {2}, new double[] {4, 6}, new double[] {0, 2}, false), s, 0);
        Tensor p = z.prod(1); // (1+i)*2 = 2+2i ; (3-i)(4+2i) = 14+2i
        assertClose(new Tensor(new int[] {2}, new double[] {2, 14}, new double[] {2, 2}, false), p, 1e-15);
        assertClose(Tensor.complexScalar(2.5, 0.5), z.mean(), 1e-15);
        assertEquals(Math.sqrt(1 + 1 + 4 + 9 + 1 + 16 + 4), Reduce.norm(z), 1e-14);
    }

    @Test
    void pairwiseSumKeepsLongSumsAccurate() {
        // 10^6 copies of 0.1: naive left-to-right summation is off by ~1e-6 relative
        Tensor t = Tensor.full(0.1, 1_000_000);
        assertEquals(100000.0, t.sum().scalarValue(), 1e-8);
    }

    @Test
    void normAlongAxisAvoidsOverflow() {
        Tensor t = Tensor.fromNested(new double[][] {{3e200, 4e200}, {3, 4}});
        assertValues(Reduce.norm(t, 1, false), new int[] {2}, new double[] {5e200, 5}, 1e186);
    }
}
