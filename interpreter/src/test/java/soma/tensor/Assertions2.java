package soma.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

/** Shared assertions for tensor tests (public so the linalg and random tests can use them). */
public final class Assertions2 {
    private Assertions2() {}

    public static void assertShape(Tensor t, int... shape) {
        assertArrayEquals(shape, t.shape(), "shape " + t.shapeString());
    }

    /** Same shape and real parts within an absolute tolerance; expected must be real. */
    public static void assertValues(Tensor t, int[] shape, double[] expected, double tol) {
        assertShape(t, shape);
        assertArrayEquals(expected, t.realData(), tol);
    }

    public static void assertReal(Tensor t) {
        assertNull(t.imagData(), "expected a real tensor");
    }

    /** Element-wise |a - b| <= tol for real or complex tensors of identical shape. */
    public static void assertClose(Tensor expected, Tensor actual, double tol) {
        assertArrayEquals(expected.shape(), actual.shape(), "shape");
        for (int i = 0; i < expected.size(); i++) {
            double dr = expected.get(i) - actual.get(i), di = expected.getImag(i) - actual.getImag(i);
            if (!(Math.hypot(dr, di) <= tol)) {
                fail("element " + i + ": expected " + expected.get(i) + "+" + expected.getImag(i) + "j, got "
                        + actual.get(i) + "+" + actual.getImag(i) + "j (tol " + tol + ")");
            }
        }
    }

    public static void assertScalar(double expected, Tensor t, double tol) {
        assertEquals(0, t.rank(), "rank");
        assertEquals(expected, t.scalarValue(), tol);
    }

    /** Textbook triple loop, the reference for matmul tests. */
    public static double[] naiveMatmul(double[] a, double[] b, int m, int k, int n) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) s += a[i * k + p] * b[p * n + j];
                c[i * n + j] = s;
            }
        }
        return c;
    }
}
