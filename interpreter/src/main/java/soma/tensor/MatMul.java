package soma.tensor;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The {@code @} operator with numpy matmul semantics: vector @ vector is a dot product (rank 0),
 * a 1-D left operand is treated as a row and a 1-D right operand as a column (the added axis is
 * removed again), and operands of rank > 2 are stacks of matrices whose leading "batch"
 * dimensions broadcast against each other.
 *
 * <p>Kernel choice (benchmarked on the 2-core dev box, see {@link Gemm} for the table): EJML's
 * {@code CommonOps_DDRM.mult} reached 3.1 GFLOP/s at n=500 and 2.2 at n=2000 (its multi-threaded
 * CommonOps_MT_DDRM 3.5-6.1 / 4.1); a plain blocked i-k-j loop 3.1 / 3.0; the packed,
 * register-tiled {@link Gemm} kernel 5.7 / 5.7 single-threaded and 10-11 with both cores. So we
 * use our own kernel, splitting the rows of C across threads when the product is big enough to
 * pay for the fork. Small products and matrix-vector
 * products use simple loops, where packing would only add overhead.
 *
 * <p>Complex products are composed from real ones: (Ar + iAi)(Br + iBi) = (ArBr - AiBi) +
 * i(ArBi + AiBr), so complex matmul inherits the fast kernel.
 */
public final class MatMul {
    private MatMul() {}

    /** Flop count above which rows are split across threads (~a 100x100x100 product). */
    private static final long PARALLEL_FLOPS = 2_000_000L;
    /** Below this many multiply-adds the packed kernel's setup costs more than it saves. */
    private static final long SMALL = 32 * 32 * 32;

    public static Tensor matmul(Tensor a, Tensor b) {
        if (a.rank() == 0 || b.rank() == 0) {
            throw new TensorException("matmul: operands must be at least 1-D (use * to multiply by a scalar)");
        }
        boolean aVec = a.rank() == 1, bVec = b.rank() == 1;
        int[] as = aVec ? new int[] {1, a.shape[0]} : a.shape;
        int[] bs = bVec ? new int[] {b.shape[0], 1} : b.shape;
        int m = as[as.length - 2], k = as[as.length - 1], k2 = bs[bs.length - 2], n = bs[bs.length - 1];
        if (k != k2) {
            throw new TensorException("matmul: shape mismatch " + a.shapeString() + " @ " + b.shapeString()
                    + ": inner dimensions " + k + " and " + k2 + " differ");
        }
        int[] aBatch = Arrays.copyOf(as, as.length - 2);
        int[] bBatch = Arrays.copyOf(bs, bs.length - 2);
        int[] batch = Shape.broadcast(aBatch, bBatch);
        int batches = Shape.size(batch);

        // Output shape: batch dims, then m and n unless they came from promoting a vector.
        int[] out = new int[batch.length + (aVec ? 0 : 1) + (bVec ? 0 : 1)];
        System.arraycopy(batch, 0, out, 0, batch.length);
        int pos = batch.length;
        if (!aVec) out[pos++] = m;
        if (!bVec) out[pos] = n;

        boolean complex = a.im != null || b.im != null;
        double[] cr = Shape.allocate(out);
        double[] ci = complex ? new double[cr.length] : null;
        double[] tmp = complex ? new double[m * n] : null;
        // Walk the broadcast batch: ia/ib are batch indices into a and b.
        Walker w = new Walker(batch, Shape.broadcastStrides(aBatch, batch), Shape.broadcastStrides(bBatch, batch));
        int aStep = m * k, bStep = k * n, cStep = m * n;
        for (int t = 0; t < batches; t++, w.next()) {
            int ao = w.ia * aStep, bo = w.ib * bStep, co = t * cStep;
            product(a.re, ao, b.re, bo, cr, co, m, k, n);
            if (!complex) continue;
            if (a.im != null && b.im != null) {
                product(a.im, ao, b.im, bo, tmp, 0, m, k, n);
                for (int i = 0; i < cStep; i++) cr[co + i] -= tmp[i];
            }
            if (b.im != null) product(a.re, ao, b.im, bo, ci, co, m, k, n);
            if (a.im != null) {
                product(a.im, ao, b.re, bo, tmp, 0, m, k, n);
                for (int i = 0; i < cStep; i++) ci[co + i] += tmp[i];
            }
        }
        return new Tensor(out, cr, ci, false);
    }

    /** C = A B for one m x k by k x n pair, choosing the cheapest adequate kernel. */
    static void product(double[] a, int ao, double[] b, int bo, double[] c, int co, int m, int k, int n) {
        long work = (long) m * k * n;
        if (n == 1) { // matrix-vector: row dot products, both operands unit-stride
            for (int i = 0; i < m; i++) {
                double s = 0;
                for (int p = 0, ai = ao + i * k; p < k; p++) s += a[ai + p] * b[bo + p];
                c[co + i] = s;
            }
        } else if (m == 1 || work <= SMALL) { // plain i-k-j: the inner loop over j vectorises
            for (int i = 0; i < m; i++) {
                int ci = co + i * n;
                Arrays.fill(c, ci, ci + n, 0.0);
                for (int p = 0; p < k; p++) {
                    double x = a[ao + i * k + p];
                    int bp = bo + p * n;
                    for (int j = 0; j < n; j++) c[ci + j] += x * b[bp + j];
                }
            }
        } else if (2 * work < PARALLEL_FLOPS || m < 8) {
            Gemm.multiply(a, ao, b, bo, c, co, m, k, n, 0, m);
        } else {
            // One chunk of rows per core (a multiple of 4 rows, the kernel's tile height). The
            // calling thread takes part, so this also works when the common pool has one worker.
            int chunks = Math.min(Runtime.getRuntime().availableProcessors(), m / 4);
            int per = ((m + chunks - 1) / chunks + 3) / 4 * 4;
            IntStream.range(0, chunks).parallel().forEach(t -> {
                int lo = Math.min(m, t * per), hi = Math.min(m, lo + per);
                if (lo < hi) Gemm.multiply(a, ao, b, bo, c, co, m, k, n, lo, hi);
            });
        }
    }
}
