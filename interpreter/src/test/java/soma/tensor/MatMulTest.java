package soma.tensor;

import static org.junit.jupiter.api.Assertions.*;
import static soma.tensor.Assertions2.*;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import soma.random.Rng;

class MatMulTest {
    private final Rng rng = new Rng(7);

    /** Sizes chosen to hit every kernel: small loop, packed single-thread, packed parallel, ragged tiles. */
    @Test
    void matchesNaiveLoopsAcrossKernelPaths() {
        int[][] sizes = {
            {1, 1, 1}, {2, 3, 4}, {3, 5, 2}, {33, 17, 9}, {67, 129, 71}, {130, 64, 5}, {301, 200, 153}, {8, 300, 401}
        };
        for (int[] s : sizes) {
            Tensor a = rng.randn(s[0], s[1]), b = rng.randn(s[1], s[2]);
            Tensor c = a.matmul(b);
            assertShape(c, s[0], s[2]);
            double[] ref = naiveMatmul(a.realData(), b.realData(), s[0], s[1], s[2]);
            assertArrayEquals(ref, c.realData(), 1e-12 * s[1], Arrays.toString(s));
        }
    }

    @Test
    void vectorCases() {
        Tensor v = Tensor.vector(1, 2, 3), w = Tensor.vector(4, 5, 6);
        assertScalar(32, v.matmul(w), 0);
        Tensor m = Tensor.arange(6).reshape(2, 3); // [[0 1 2] [3 4 5]]
        assertValues(m.matmul(v), new int[] {2}, new double[] {8, 26}, 0);
        assertValues(Tensor.vector(1, -1).matmul(m), new int[] {3}, new double[] {-3, -3, -3}, 0);
        TensorException e = assertThrows(TensorException.class, () -> m.matmul(Tensor.vector(1, 2)));
        assertEquals("matmul: shape mismatch (2, 3) @ (2,): inner dimensions 3 and 2 differ", e.getMessage());
        assertThrows(TensorException.class, () -> m.matmul(Tensor.scalar(2)));
    }

    @Test
    void batchedWithBroadcastBatchDims() {
        Tensor a = rng.randn(2, 1, 3, 4), b = rng.randn(5, 4, 2);
        Tensor c = a.matmul(b);
        assertShape(c, 2, 5, 3, 2);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 5; j++) {
                Tensor ai = a.get(Index.at(i), Index.at(0)), bj = b.get(Index.at(j));
                double[] ref = naiveMatmul(ai.realData(), bj.realData(), 3, 4, 2);
                assertArrayEquals(ref, c.get(Index.at(i), Index.at(j)).realData(), 1e-13);
            }
        }
        // stack of matrices times a single vector
        Tensor mv = rng.randn(4, 3, 2).matmul(Tensor.vector(1, 1));
        assertShape(mv, 4, 3);
    }

    @Test
    void complexProductsMatchNaiveComplexLoops() {
        int m = 40, k = 30, n = 50;
        Tensor a = new Tensor(
                new int[] {m, k}, rng.randn(m * k).realData(), rng.randn(m * k).realData(), false);
        Tensor b = new Tensor(
                new int[] {k, n}, rng.randn(k * n).realData(), rng.randn(k * n).realData(), false);
        Tensor c = a.matmul(b);
        double[] ar = a.realData(), ai = a.imagData(), br = b.realData(), bi = b.imagData();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sr = 0, si = 0;
                for (int p = 0; p < k; p++) {
                    sr += ar[i * k + p] * br[p * n + j] - ai[i * k + p] * bi[p * n + j];
                    si += ar[i * k + p] * bi[p * n + j] + ai[i * k + p] * br[p * n + j];
                }
                assertEquals(sr, c.get(i * n + j), 1e-12);
                assertEquals(si, c.getImag(i * n + j), 1e-12);
            }
        }
        // mixed real @ complex
        Tensor real = rng.randn(m, k);
        Tensor mixed = real.matmul(b);
        assertArrayEquals(naiveMatmul(real.realData(), bi, m, k, n), mixed.imagData(), 1e-12);
    }
}
