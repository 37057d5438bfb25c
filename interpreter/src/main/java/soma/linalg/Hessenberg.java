package soma.linalg;

import java.util.Arrays;
import soma.tensor.Cancellation;

/**
 * Reduction of a real square matrix to upper Hessenberg form H = Q^T A Q by Householder
 * reflections, the first step of the non-symmetric eigenvalue algorithm.
 *
 * <p>Ported from JAMA's EigenvalueDecomposition.orthes (public domain, NIST/MathWorks; itself
 * from the Algol procedures orthes/ortran of Martin and Wilkinson, Handbook for Automatic
 * Computation vol. II, and EISPACK). Changes: flat row-major storage, and the left reflection
 * is applied as "f = u^T H (a row vector), then H -= u f / h", fused row by row with the right
 * reflection, so every inner loop walks along a row (JAMA's column-wise loops stride through
 * memory) and the matrix is streamed twice per step. Both passes are split across the cores
 * ({@link Parallel}); each entry is computed by one thread, so results do not depend on the
 * number of cores.
 */
final class Hessenberg {
    private Hessenberg() {}

    /**
     * Overwrites {@code h} (n x n, row-major) with its Hessenberg form, zero below the first
     * subdiagonal. If {@code q} is non-null it receives the orthogonal Q (n x n).
     */
    static void reduce(double[] h, int n, double[] q) {
        double[] ort = new double[n];
        double[] f = new double[n];
        for (int m = 1; m <= n - 2; m++) {
            Cancellation.poll(); // Ctrl-C stops an eig of a large matrix within one step
            double scale = 0;
            for (int i = m; i < n; i++) scale += Math.abs(h[i * n + m - 1]);
            if (scale == 0) continue; // column already reduced
            double hh = 0;
            for (int i = n - 1; i >= m; i--) {
                ort[i] = h[i * n + m - 1] / scale;
                hh += ort[i] * ort[i];
            }
            double g = Math.sqrt(hh);
            if (ort[m] > 0) g = -g;
            hh -= ort[m] * g;
            ort[m] -= g;

            // H = (I - u u^T / hh) H (I - u u^T / hh). First f = u^T H (a row vector), then
            // row by row: the left update H[i] -= u_i f / hh and, while the row is in cache,
            // the right update H[i] -= (H[i] . u) u^T / hh. Rows above m need only the latter.
            final int mm = m;
            final double hf = hh;
            long work = (long) (n - m) * n;
            Parallel.forRange(m, n, work, (lo, hi) -> { // f = u^T H, columns split across cores
                Arrays.fill(f, lo, hi, 0);
                for (int i = mm; i < n; i++) {
                    double u = ort[i];
                    for (int j = lo, r = i * n; j < hi; j++) f[j] += u * h[r + j];
                }
            });
            Parallel.forRange(0, n, 2 * work, (lo, hi) -> {
                for (int i = lo; i < hi; i++) {
                    int r = i * n;
                    if (i >= mm) {
                        double u = ort[i] / hf;
                        for (int j = mm; j < n; j++) h[r + j] -= u * f[j];
                    }
                    double sum = dot(ort, h, r, mm, n) / hf;
                    for (int j = mm; j < n; j++) h[r + j] -= sum * ort[j];
                }
            });
            ort[m] *= scale;
            h[m * n + m - 1] = scale * g;
        }
        if (q != null) accumulate(h, n, ort, q);
        for (int i = 2; i < n; i++) Arrays.fill(h, i * n, i * n + i - 1, 0); // drop the reflector storage
    }

    /**
     * sum_{j=from}^{to-1} u[j] * a[off + j] with four independent partial sums: a single running
     * sum is a chain of dependent additions (one per ~4 cycles); four chains keep the FPU busy.
     * Measured single-threaded: the whole reduction 1.4x faster at n = 1000 (no change at
     * n = 500). The rounding differs from a left-to-right sum, harmlessly.
     */
    static double dot(double[] u, double[] a, int off, int from, int to) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int j = from;
        for (; j + 3 < to; j += 4) {
            s0 += u[j] * a[off + j];
            s1 += u[j + 1] * a[off + j + 1];
            s2 += u[j + 2] * a[off + j + 2];
            s3 += u[j + 3] * a[off + j + 3];
        }
        for (; j < to; j++) s0 += u[j] * a[off + j];
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Forms Q from the reflectors still stored below the subdiagonal of {@code h} (JAMA's
     * ortran), applying them right to left to the identity, row-wise as in {@link #reduce}.
     */
    private static void accumulate(double[] h, int n, double[] ort, double[] q) {
        Arrays.fill(q, 0);
        for (int i = 0; i < n; i++) q[i * n + i] = 1;
        double[] g = new double[n];
        for (int m = n - 2; m >= 1; m--) {
            Cancellation.poll(); // Ctrl-C stops an eig of a large matrix within one step
            double sub = h[m * n + m - 1];
            if (sub == 0) continue;
            for (int i = m + 1; i < n; i++) ort[i] = h[i * n + m - 1];
            final int mm = m;
            long work = (long) (n - m) * (n - m);
            Parallel.forRange(m, n, work, (lo, hi) -> { // g = u^T Q, columns split across cores
                Arrays.fill(g, lo, hi, 0);
                for (int i = mm; i < n; i++) {
                    double u = ort[i];
                    for (int j = lo, r = i * n; j < hi; j++) g[j] += u * q[r + j];
                }
                // Double division avoids possible underflow (as in JAMA).
                for (int j = lo; j < hi; j++) g[j] = (g[j] / ort[mm]) / sub;
            });
            Parallel.forRange(m, n, work, (lo, hi) -> {
                for (int i = lo; i < hi; i++) {
                    double u = ort[i];
                    for (int j = mm, r = i * n; j < n; j++) q[r + j] += g[j] * u;
                }
            });
        }
    }
}
