package soma.linalg;

import java.util.Arrays;
import soma.tensor.Cancellation;

/**
 * Eigenvectors of a real Schur form T by back-substitution, solving (T - lambda I) x = 0 from
 * the bottom up for each eigenvalue.
 *
 * <p>Ported from the second half of JAMA's EigenvalueDecomposition.hqr2 (public domain,
 * NIST/MathWorks; from Martin and Wilkinson's hqr2 and EISPACK), which handles complex pairs in
 * real arithmetic. Changes: the vector being solved for lives in two work arrays (real and
 * imaginary part) so the inner products run along rows of T, and the result is returned as a
 * separate matrix X instead of overwriting T, so the caller can form Z X with the fast
 * matrix product.
 *
 * <p>Layout of X (JAMA's): for a real eigenvalue at index c, column c is its vector. For a
 * complex pair at (c-1, c), with im[c-1] > 0, columns c-1 and c hold the real and imaginary
 * parts of the eigenvector of re[c-1] + i im[c-1]; its conjugate belongs to the other value.
 */
final class SchurVectors {
    private SchurVectors() {}

    private static final double EPS = Math.ulp(1.0);

    static double[] backSubstitute(RealSchur s) {
        int n = s.n;
        double[] x = new double[n * n];
        if (s.norm == 0) { // the zero matrix: every unit vector is an eigenvector
            for (int i = 0; i < n; i++) x[i * n + i] = 1;
            return x;
        }
        double[] xr = new double[n], xi = new double[n];
        for (int c = n - 1; c >= 0; c--) {
            Cancellation.poll(); // Ctrl-C stops an eig of a large matrix within one step
            Arrays.fill(xr, 0);
            Arrays.fill(xi, 0);
            if (s.im[c] == 0) {
                realVector(s, c, xr);
                for (int i = 0; i <= c; i++) x[i * n + c] = xr[i];
            } else if (s.im[c] < 0) {
                complexVector(s, c, xr, xi);
                for (int i = 0; i <= c; i++) {
                    x[i * n + c - 1] = xr[i];
                    x[i * n + c] = xi[i];
                }
            }
        }
        return x;
    }

    private static void realVector(RealSchur s, int c, double[] x) {
        int n = s.n;
        double[] t = s.h;
        double p = s.re[c], w, r, zs = 0, ss = 0;
        x[c] = 1;
        int l = c;
        for (int i = c - 1; i >= 0; i--) {
            w = t[i * n + i] - p;
            r = dot(t, i * n, x, l, c);
            if (s.im[i] < 0) { // second row of a 2x2 block: solved together with row i-1
                zs = w;
                ss = r;
                continue;
            }
            l = i;
            if (s.im[i] == 0) {
                x[i] = w != 0 ? -r / w : -r / (EPS * s.norm);
            } else { // rows i, i+1 form a 2x2 block: solve the real 2x2 system
                double xx = t[i * n + i + 1], yy = t[(i + 1) * n + i];
                double q = (s.re[i] - p) * (s.re[i] - p) + s.im[i] * s.im[i];
                double v = (xx * ss - zs * r) / q;
                x[i] = v;
                x[i + 1] = Math.abs(xx) > Math.abs(zs) ? (-r - w * v) / xx : (-ss - yy * v) / zs;
            }
            double m = Math.abs(x[i]); // overflow control
            if ((EPS * m) * m > 1) for (int j = i; j <= c; j++) x[j] /= m;
        }
    }

    private static void complexVector(RealSchur s, int c, double[] xr, double[] xi) {
        int n = s.n;
        double[] t = s.h;
        double p = s.re[c], q = s.im[c];
        int l = c - 1;
        double tcc1 = t[c * n + c - 1], tc1c = t[(c - 1) * n + c];
        if (Math.abs(tcc1) > Math.abs(tc1c)) { // last component imaginary so the block is triangular
            xr[c - 1] = q / tcc1;
            xi[c - 1] = -(t[c * n + c] - p) / tcc1;
        } else {
            cdiv(0.0, -tc1c, t[(c - 1) * n + c - 1] - p, q, xr, xi, c - 1);
        }
        xr[c] = 0;
        xi[c] = 1;
        double zs = 0, rs = 0, ss = 0;
        for (int i = c - 2; i >= 0; i--) {
            double ra = dot(t, i * n, xr, l, c), sa = dot(t, i * n, xi, l, c);
            double w = t[i * n + i] - p;
            if (s.im[i] < 0) {
                zs = w;
                rs = ra;
                ss = sa;
                continue;
            }
            l = i;
            if (s.im[i] == 0) {
                cdiv(-ra, -sa, w, q, xr, xi, i);
            } else { // 2x2 block at rows i, i+1: solve the complex 2x2 system
                double xx = t[i * n + i + 1], yy = t[(i + 1) * n + i];
                double dp = s.re[i] - p;
                double vr = dp * dp + s.im[i] * s.im[i] - q * q, vi = dp * 2.0 * q;
                if (vr == 0.0 && vi == 0.0) {
                    vr = EPS * s.norm * (Math.abs(w) + Math.abs(q) + Math.abs(xx) + Math.abs(yy) + Math.abs(zs));
                }
                cdiv(xx * rs - zs * ra + q * sa, xx * ss - zs * sa - q * ra, vr, vi, xr, xi, i);
                if (Math.abs(xx) > Math.abs(zs) + Math.abs(q)) {
                    xr[i + 1] = (-ra - w * xr[i] + q * xi[i]) / xx;
                    xi[i + 1] = (-sa - w * xi[i] - q * xr[i]) / xx;
                } else {
                    cdiv(-rs - yy * xr[i], -ss - yy * xi[i], zs, q, xr, xi, i + 1);
                }
            }
            double m = Math.max(Math.abs(xr[i]), Math.abs(xi[i])); // overflow control
            if ((EPS * m) * m > 1) {
                for (int j = i; j <= c; j++) {
                    xr[j] /= m;
                    xi[j] /= m;
                }
            }
        }
    }

    /** sum_{j=from}^{to} t[row + j] * x[j]. */
    private static double dot(double[] t, int row, double[] x, int from, int to) {
        double r = 0;
        for (int j = from; j <= to; j++) r += t[row + j] * x[j];
        return r;
    }

    /** (ar + i ai) / (br + i bi) into outR[k], outI[k] (Smith's algorithm, as in JAMA's cdiv). */
    private static void cdiv(double ar, double ai, double br, double bi, double[] outR, double[] outI, int k) {
        if (Math.abs(br) > Math.abs(bi)) {
            double r = bi / br, d = br + r * bi;
            outR[k] = (ar + r * ai) / d;
            outI[k] = (ai - r * ar) / d;
        } else {
            double r = br / bi, d = bi + r * br;
            outR[k] = (r * ar + ai) / d;
            outI[k] = (r * ai - ar) / d;
        }
    }
}
