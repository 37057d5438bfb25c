package soma.linalg;

import soma.tensor.Cancellation;

/**
 * LU factorisation with partial pivoting, P A = L U, of a complex square matrix held as separate
 * real and imaginary row-major arrays.
 *
 * <p>EJML's complex module (ejml-zdense) cannot be used: it splits a package with ejml-core on
 * the module path. The algorithm is the textbook Gaussian elimination used by JAMA's
 * LUDecomposition (public domain, NIST/MathWorks), rewritten for complex numbers and reordered
 * to the right-looking i-k-j form, whose inner loop runs along a row and so stays in cache for
 * row-major storage. Pivots are chosen by the largest |re| + |im| (the LINPACK zgefa choice:
 * cheaper than the modulus and just as good for stability).
 */
final class ComplexLu {
    private final int n;
    private final double[] lr, li; // L (unit diagonal, below) and U (on and above), packed
    private final int[] perm; // row i of P A is row perm[i] of A
    private final boolean oddPermutation;

    private ComplexLu(int n, double[] lr, double[] li, int[] perm, boolean odd) {
        this.n = n;
        this.lr = lr;
        this.li = li;
        this.perm = perm;
        this.oddPermutation = odd;
    }

    /** Factors the n x n matrix re + i im (inputs are not modified). */
    static ComplexLu factor(double[] re, double[] im, int n) {
        double[] ar = re.clone(), ai = im.clone();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) perm[i] = i;
        boolean odd = false;
        for (int k = 0; k < n; k++) {
            Cancellation.poll(); // Ctrl-C stops an eig of a large matrix within one step
            int p = k;
            double best = -1;
            for (int i = k; i < n; i++) {
                double mag = Math.abs(ar[i * n + k]) + Math.abs(ai[i * n + k]);
                if (mag > best) {
                    best = mag;
                    p = i;
                }
            }
            if (p != k) {
                swapRows(ar, p, k, n);
                swapRows(ai, p, k, n);
                int t = perm[p];
                perm[p] = perm[k];
                perm[k] = t;
                odd = !odd;
            }
            double pr = ar[k * n + k], pi = ai[k * n + k];
            if (pr == 0 && pi == 0) continue; // singular: leave the column, reported by isSingular()
            double den = pr * pr + pi * pi; // 1 / pivot = conj(pivot) / |pivot|^2
            double qr = pr / den, qi = -pi / den;
            for (int i = k + 1; i < n; i++) {
                int ik = i * n + k;
                double mr = ar[ik] * qr - ai[ik] * qi, mi = ar[ik] * qi + ai[ik] * qr;
                ar[ik] = mr;
                ai[ik] = mi;
                if (mr == 0 && mi == 0) continue;
                for (int j = k + 1, rowI = i * n, rowK = k * n; j < n; j++) {
                    double ur = ar[rowK + j], ui = ai[rowK + j];
                    ar[rowI + j] -= mr * ur - mi * ui;
                    ai[rowI + j] -= mr * ui + mi * ur;
                }
            }
        }
        return new ComplexLu(n, ar, ai, perm, odd);
    }

    private static void swapRows(double[] a, int p, int k, int n) {
        for (int j = 0; j < n; j++) {
            double t = a[p * n + j];
            a[p * n + j] = a[k * n + j];
            a[k * n + j] = t;
        }
    }

    /** True when a pivot is exactly zero (the same rule as LAPACK's zgetrf, and so numpy). */
    boolean isSingular() {
        for (int i = 0; i < n; i++) if (lr[i * n + i] == 0 && li[i * n + i] == 0) return true;
        return false;
    }

    /**
     * Solves A X = B for an n x k right-hand side (row-major re/im arrays, not modified) and
     * returns {re, im} of X. The caller checks {@link #isSingular()} first.
     */
    double[][] solve(double[] br, double[] bi, int k) {
        double[] xr = new double[n * k], xi = new double[n * k];
        for (int i = 0; i < n; i++) { // apply P
            System.arraycopy(br, perm[i] * k, xr, i * k, k);
            if (bi != null) System.arraycopy(bi, perm[i] * k, xi, i * k, k);
        }
        for (int i = 0; i < n; i++) { // forward: L y = P b (unit diagonal)
            for (int p = 0; p < i; p++) {
                double mr = lr[i * n + p], mi = li[i * n + p];
                if (mr == 0 && mi == 0) continue;
                for (int j = 0; j < k; j++) {
                    double yr = xr[p * k + j], yi = xi[p * k + j];
                    xr[i * k + j] -= mr * yr - mi * yi;
                    xi[i * k + j] -= mr * yi + mi * yr;
                }
            }
        }
        for (int i = n - 1; i >= 0; i--) { // backward: U x = y
            for (int p = i + 1; p < n; p++) {
                double ur = lr[i * n + p], ui = li[i * n + p];
                for (int j = 0; j < k; j++) {
                    double yr = xr[p * k + j], yi = xi[p * k + j];
                    xr[i * k + j] -= ur * yr - ui * yi;
                    xi[i * k + j] -= ur * yi + ui * yr;
                }
            }
            double dr = lr[i * n + i], di = li[i * n + i], den = dr * dr + di * di;
            for (int j = 0; j < k; j++) {
                double yr = xr[i * k + j], yi = xi[i * k + j];
                xr[i * k + j] = (yr * dr + yi * di) / den;
                xi[i * k + j] = (yi * dr - yr * di) / den;
            }
        }
        return new double[][] {xr, xi};
    }

    /**
     * The determinant {re, im} as the plain product of the pivots: exact for small integer
     * matrices (numpy's exp(logdet) gives det([[1, 2], [3, 4]]) = -2.0000000000000004).
     */
    double[] det() {
        double r = oddPermutation ? -1 : 1, im = 0;
        for (int i = 0; i < n; i++) {
            double dr = lr[i * n + i], di = li[i * n + i];
            double t = r * dr - im * di;
            im = r * di + im * dr;
            r = t;
        }
        return new double[] {r, im};
    }

    /**
     * The determinant as {sign re, sign im, log|det|}: a unit complex sign and the log of the
     * modulus, so huge or tiny determinants neither overflow nor underflow. A singular matrix
     * gives sign 0 and log -infinity (numpy slogdet's convention).
     */
    double[] slogdet() {
        double sr = oddPermutation ? -1 : 1, si = 0, log = 0;
        for (int i = 0; i < n; i++) {
            double dr = lr[i * n + i], di = li[i * n + i], mod = Math.hypot(dr, di);
            if (mod == 0) return new double[] {0, 0, Double.NEGATIVE_INFINITY};
            double ur = dr / mod, ui = di / mod;
            double t = sr * ur - si * ui;
            si = sr * ui + si * ur;
            sr = t;
            log += Math.log(mod);
        }
        double m = Math.hypot(sr, si); // renormalise the drift of n unit multiplications
        return new double[] {sr / m, si / m, log};
    }
}
