package soma.linalg;

import soma.tensor.Cancellation;
import soma.tensor.TensorException;

/**
 * Francis double-shift QR iteration taking an upper Hessenberg matrix to real Schur form
 * T = Z^T H Z (upper quasi-triangular, 2 x 2 blocks for complex-conjugate pairs), giving the
 * the eigenvalues re + i im.
 *
 * <p>Ported from the first half of JAMA's EigenvalueDecomposition.hqr2 (public domain,
 * NIST/MathWorks; from the Algol procedure hqr2 of Martin and Wilkinson and EISPACK). Changes:
 * flat row-major storage; an iteration limit (JAMA loops forever on some inputs); and a
 * values-only mode that, like LAPACK's dlahqr with wantt = wantz = false, updates only the
 * active diagonal block and skips Z, which more than halves the cost of this phase for
 * {@code eigvals}.
 */
final class RealSchur {
    private static final double EPS = Math.ulp(1.0);
    private static final int MAX_ITER_PER_VALUE = 100;

    final int n;
    final double[] h; // n x n, becomes T
    final double[] z; // n x n Schur vectors (null in values-only mode)
    /**
     * Z transposed while iterating: each step mixes 2 or 3 columns of Z, which as rows of Z^T
     * are contiguous, so the update streams through memory instead of striding (the iteration
     * went from ~700 to ~500 ms at n = 500, on a noisy shared machine).
     */
    final double[] zt;

    final double[] re, im;
    /** Sum of |h_ij| on and above the subdiagonal, the scale for convergence and back-substitution. */
    double norm;

    private RealSchur(double[] h, int n, double[] z) {
        this.h = h;
        this.n = n;
        this.z = z;
        this.zt = z == null ? null : Mats.transpose(z, n, n);
        this.re = new double[n];
        this.im = new double[n];
    }

    /**
     * Runs the iteration on Hessenberg {@code h} (overwritten). With {@code z} non-null (holding
     * the Hessenberg Q on entry) it accumulates the full Schur form and vectors.
     */
    static RealSchur compute(double[] h, int n, double[] z) {
        RealSchur s = new RealSchur(h, n, z);
        s.iterate();
        if (z != null) System.arraycopy(Mats.transpose(s.zt, n, n), 0, z, 0, n * n);
        return s;
    }

    private double at(int i, int j) {
        return h[i * n + j];
    }

    private void iterate() {
        final boolean full = z != null;
        final int nn = n;
        int hi = nn - 1; // last row of the active block (JAMA's n)
        double exshift = 0, p = 0, q = 0, r = 0, s, zz, w, x, y;
        for (int i = 0; i < nn; i++) {
            for (int j = Math.max(i - 1, 0); j < nn; j++) norm += Math.abs(at(i, j));
        }
        int iter = 0;
        while (hi >= 0) {
            Cancellation.poll(); // Ctrl-C stops an eig of a large matrix within one step
            // Look for a single small subdiagonal element.
            int l = hi;
            while (l > 0) {
                s = Math.abs(at(l - 1, l - 1)) + Math.abs(at(l, l));
                if (s == 0) s = norm;
                double sub = Math.abs(at(l, l - 1));
                if (sub == 0 || sub < EPS * s) break; // (sub == 0: JAMA looped forever on the zero matrix)
                l--;
            }
            if (l == hi) { // one root found
                h[hi * nn + hi] += exshift;
                re[hi] = at(hi, hi);
                im[hi] = 0;
                hi--;
                iter = 0;
            } else if (l == hi - 1) { // two roots found
                w = at(hi, hi - 1) * at(hi - 1, hi);
                p = (at(hi - 1, hi - 1) - at(hi, hi)) / 2.0;
                q = p * p + w;
                zz = Math.sqrt(Math.abs(q));
                h[hi * nn + hi] += exshift;
                h[(hi - 1) * nn + hi - 1] += exshift;
                x = at(hi, hi);
                if (q >= 0) { // real pair
                    zz = p >= 0 ? p + zz : p - zz;
                    re[hi - 1] = x + zz;
                    re[hi] = zz != 0 ? x - w / zz : re[hi - 1];
                    im[hi - 1] = 0;
                    im[hi] = 0;
                    if (full) splitRealPair(hi, at(hi, hi - 1), zz);
                } else { // complex pair, positive imaginary part first
                    re[hi - 1] = x + p;
                    re[hi] = x + p;
                    im[hi - 1] = zz;
                    im[hi] = -zz;
                }
                hi -= 2;
                iter = 0;
            } else { // no convergence yet: form the shift
                x = at(hi, hi);
                y = at(hi - 1, hi - 1);
                w = at(hi, hi - 1) * at(hi - 1, hi);
                if (iter == 10) { // Wilkinson's original ad hoc shift
                    exshift += x;
                    for (int i = 0; i <= hi; i++) h[i * nn + i] -= x;
                    s = Math.abs(at(hi, hi - 1)) + Math.abs(at(hi - 1, hi - 2));
                    x = y = 0.75 * s;
                    w = -0.4375 * s * s;
                }
                if (iter == 30) { // MATLAB's ad hoc shift
                    s = (y - x) / 2.0;
                    s = s * s + w;
                    if (s > 0) {
                        s = Math.sqrt(s);
                        if (y < x) s = -s;
                        s = x - w / ((y - x) / 2.0 + s);
                        for (int i = 0; i <= hi; i++) h[i * nn + i] -= s;
                        exshift += s;
                        x = y = w = 0.964;
                    }
                }
                if (++iter > MAX_ITER_PER_VALUE) {
                    throw new TensorException("eig: the QR algorithm did not converge");
                }
                // Look for two consecutive small subdiagonal elements.
                int m = hi - 2;
                while (m >= l) {
                    zz = at(m, m);
                    r = x - zz;
                    s = y - zz;
                    p = (r * s - w) / at(m + 1, m) + at(m, m + 1);
                    q = at(m + 1, m + 1) - zz - r - s;
                    r = at(m + 2, m + 1);
                    s = Math.abs(p) + Math.abs(q) + Math.abs(r);
                    p /= s;
                    q /= s;
                    r /= s;
                    if (m == l) break;
                    if (Math.abs(at(m, m - 1)) * (Math.abs(q) + Math.abs(r))
                            < EPS
                                    * (Math.abs(p)
                                            * (Math.abs(at(m - 1, m - 1))
                                                    + Math.abs(zz)
                                                    + Math.abs(at(m + 1, m + 1))))) {
                        break;
                    }
                    m--;
                }
                for (int i = m + 2; i <= hi; i++) {
                    h[i * nn + i - 2] = 0;
                    if (i > m + 2) h[i * nn + i - 3] = 0;
                }
                BulgeChase.single(this, l, m, hi, p, q, r);
            }
        }
    }

    /** Rotates a converged real 2 x 2 block at rows hi-1, hi to upper triangular form. */
    private void splitRealPair(int hi, double x, double zz) {
        final int nn = n;
        double s = Math.abs(x) + Math.abs(zz);
        double p = x / s, q = zz / s, r = Math.sqrt(p * p + q * q);
        p /= r;
        q /= r;
        for (int j = hi - 1; j < nn; j++) { // row modification
            double t = at(hi - 1, j);
            h[(hi - 1) * nn + j] = q * t + p * at(hi, j);
            h[hi * nn + j] = q * at(hi, j) - p * t;
        }
        for (int i = 0; i <= hi; i++) { // column modification
            double t = at(i, hi - 1);
            h[i * nn + hi - 1] = q * t + p * at(i, hi);
            h[i * nn + hi] = q * at(i, hi) - p * t;
        }
        for (int i = 0, r0 = (hi - 1) * nn, r1 = hi * nn; i < nn; i++) { // accumulate (rows of Z^T)
            double t = zt[r0 + i];
            zt[r0 + i] = q * t + p * zt[r1 + i];
            zt[r1 + i] = q * zt[r1 + i] - p * t;
        }
    }
}
