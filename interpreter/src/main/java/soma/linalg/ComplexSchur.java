package soma.linalg;

import soma.tensor.Cancellation;
import soma.tensor.TensorException;

/**
 * Complex Schur decomposition A = Z T Z^H (T upper triangular, Z unitary) of a complex square
 * matrix, held as separate real and imaginary row-major arrays.
 *
 * <p>Written for Soma because ejml-zdense cannot be used (split package on the module path).
 * Textbook algorithm (Golub and Van Loan, Matrix Computations, 7.4-7.5): Householder reduction
 * to Hessenberg form, then single-shift QR steps with the Wilkinson shift, each step done with
 * complex Givens rotations G = [[c, s], [-conj(s), c]] (c real). Unlike the real case no
 * double shift is needed, since complex shifts are allowed. An exceptional shift every 10
 * iterations breaks the rare cycles of the pure Wilkinson strategy.
 *
 * <p>With {@code wantZ} false (eigenvalues only) rotations touch only the active block and Z is
 * not formed.
 */
final class ComplexSchur {
    private static final double EPS = Math.ulp(1.0);
    private static final int MAX_ITER_PER_VALUE = 100;

    final int n;
    final double[] tr, ti; // becomes T
    final double[] zr, zi; // Z, or null

    ComplexSchur(double[] ar, double[] ai, int n, boolean wantZ) {
        this.n = n;
        this.tr = ar;
        this.ti = ai;
        this.zr = wantZ ? new double[n * n] : null;
        this.zi = wantZ ? new double[n * n] : null;
        if (wantZ) for (int i = 0; i < n; i++) zr[i * n + i] = 1;
        hessenberg();
        iterate();
    }

    /** Householder reduction: for each column, a reflector maps the part below the subdiagonal to 0. */
    private void hessenberg() {
        double[] ur = new double[n], ui = new double[n];
        for (int m = 1; m < n - 1; m++) {
            Cancellation.poll(); // Ctrl-C stops an eig of a large matrix within one step
            double xnorm = 0;
            for (int i = m; i < n; i++) xnorm = Math.hypot(xnorm, Math.hypot(tr[i * n + m - 1], ti[i * n + m - 1]));
            if (xnorm == 0) continue;
            double x0r = tr[m * n + m - 1], x0i = ti[m * n + m - 1], x0 = Math.hypot(x0r, x0i);
            // alpha = -e^{i arg x0} |x|: the sign that avoids cancellation in u = x - alpha e1.
            double pr = x0 == 0 ? 1 : x0r / x0, pi = x0 == 0 ? 0 : x0i / x0;
            double ar = -pr * xnorm, ai = -pi * xnorm;
            double uu = 0;
            for (int i = m; i < n; i++) {
                ur[i] = tr[i * n + m - 1] - (i == m ? ar : 0);
                ui[i] = ti[i * n + m - 1] - (i == m ? ai : 0);
                uu += ur[i] * ur[i] + ui[i] * ui[i];
            }
            double beta = 2 / uu; // P = I - beta u u^H
            // Left: A[m.., j] -= beta u (u^H A[m.., j]) for columns j >= m-1, as a row-wise pass.
            double[] fr = new double[n], fi = new double[n];
            for (int i = m; i < n; i++) { // f = u^H A (row vector)
                double cr = ur[i], ci = -ui[i];
                for (int j = m - 1, r = i * n; j < n; j++) {
                    fr[j] += cr * tr[r + j] - ci * ti[r + j];
                    fi[j] += cr * ti[r + j] + ci * tr[r + j];
                }
            }
            for (int i = m; i < n; i++) {
                double cr = beta * ur[i], ci = beta * ui[i];
                for (int j = m - 1, r = i * n; j < n; j++) {
                    tr[r + j] -= cr * fr[j] - ci * fi[j];
                    ti[r + j] -= cr * fi[j] + ci * fr[j];
                }
            }
            rightReflect(tr, ti, n, m, ur, ui, beta);
            if (zr != null) rightReflect(zr, zi, n, m, ur, ui, beta);
            for (int i = m + 1; i < n; i++) tr[i * n + m - 1] = ti[i * n + m - 1] = 0;
        }
    }

    /** M = M (I - beta u u^H) on columns m..n-1 of every row. */
    private static void rightReflect(double[] mr, double[] mi, int n, int m, double[] ur, double[] ui, double beta) {
        for (int i = 0; i < n; i++) {
            int r = i * n;
            double sr = 0, si = 0; // s = M[i, :] u
            for (int j = m; j < n; j++) {
                sr += mr[r + j] * ur[j] - mi[r + j] * ui[j];
                si += mr[r + j] * ui[j] + mi[r + j] * ur[j];
            }
            sr *= beta;
            si *= beta;
            for (int j = m; j < n; j++) { // M[i, j] -= s conj(u_j)
                mr[r + j] -= sr * ur[j] + si * ui[j];
                mi[r + j] -= si * ur[j] - sr * ui[j];
            }
        }
    }

    private double mod(int i, int j) {
        return Math.abs(tr[i * n + j]) + Math.abs(ti[i * n + j]);
    }

    private void iterate() {
        double norm = 0;
        for (int i = 0; i < n; i++) for (int j = Math.max(0, i - 1); j < n; j++) norm += mod(i, j);
        int hi = n - 1, iter = 0;
        double[] cs = new double[n], sr = new double[n], si = new double[n];
        while (hi > 0) {
            Cancellation.poll(); // Ctrl-C stops an eig of a large matrix within one step
            int l = hi;
            for (; l > 0; l--) { // deflate at a negligible subdiagonal entry
                double s = mod(l - 1, l - 1) + mod(l, l);
                if (s == 0) s = norm;
                double sub = mod(l, l - 1);
                if (sub == 0 || sub < EPS * s) {
                    tr[l * n + l - 1] = ti[l * n + l - 1] = 0;
                    break;
                }
            }
            if (l == hi) {
                hi--;
                iter = 0;
                continue;
            }
            if (++iter > MAX_ITER_PER_VALUE) throw new TensorException("eig: the QR algorithm did not converge");
            double[] mu = iter % 10 == 0 ? exceptionalShift(hi) : wilkinsonShift(hi);
            int colEnd = zr != null ? n - 1 : hi, rowStart = zr != null ? 0 : l;
            for (int k = l; k <= hi; k++) {
                tr[k * n + k] -= mu[0];
                ti[k * n + k] -= mu[1];
            }
            for (int k = l; k < hi; k++) { // H - mu I = Q R: rotations from the left
                givens(k, cs, sr, si);
                rotateRows(k, cs[k], sr[k], si[k], k, colEnd);
            }
            for (int k = l; k < hi; k++) { // R Q: the same rotations from the right
                rotateCols(tr, ti, k, cs[k], sr[k], si[k], rowStart, Math.min(k + 2, hi));
                if (zr != null) rotateCols(zr, zi, k, cs[k], sr[k], si[k], 0, n - 1);
            }
            for (int k = l; k <= hi; k++) {
                tr[k * n + k] += mu[0];
                ti[k * n + k] += mu[1];
            }
        }
    }

    /** The eigenvalue of the trailing 2x2 block [[a, b], [c, d]] closer to d. */
    private double[] wilkinsonShift(int hi) {
        int p = hi - 1;
        double ar = tr[p * n + p], ai = ti[p * n + p], br = tr[p * n + hi], bi = ti[p * n + hi];
        double cr = tr[hi * n + p], ci = ti[hi * n + p], dr = tr[hi * n + hi], di = ti[hi * n + hi];
        double hr = (ar - dr) / 2, hi2 = (ai - di) / 2; // half the difference
        double qr = hr * hr - hi2 * hi2 + (br * cr - bi * ci), qi = 2 * hr * hi2 + (br * ci + bi * cr);
        double m = Math.hypot(qr, qi), sqr = Math.sqrt((m + Math.abs(qr)) / 2), sqi; // principal sqrt
        if (qr >= 0) {
            sqi = sqr == 0 ? 0 : qi / (2 * sqr);
        } else {
            sqi = Math.copySign(sqr, qi);
            sqr = Math.abs(qi) / (2 * sqi == 0 ? 1 : 2 * Math.abs(sqi));
        }
        // lambda = (a + d)/2 +- sqrt(h^2 + bc); pick the sign giving the root nearer d.
        double mr = (ar + dr) / 2, mi = (ai + di) / 2;
        double l1r = mr + sqr, l1i = mi + sqi, l2r = mr - sqr, l2i = mi - sqi;
        return Math.hypot(l1r - dr, l1i - di) <= Math.hypot(l2r - dr, l2i - di)
                ? new double[] {l1r, l1i}
                : new double[] {l2r, l2i};
    }

    private double[] exceptionalShift(int hi) {
        double s = Math.abs(tr[hi * n + hi - 1]) + (hi >= 2 ? Math.abs(tr[(hi - 1) * n + hi - 2]) : 0);
        return new double[] {tr[hi * n + hi] + 0.75 * s, ti[hi * n + hi]};
    }

    /** Rotation zeroing T[k+1][k] against T[k][k]: c = |a|/v, s = (a/|a|) conj(b)/v. */
    private void givens(int k, double[] cs, double[] sr, double[] si) {
        double ar = tr[k * n + k], ai = ti[k * n + k], br = tr[(k + 1) * n + k], bi = ti[(k + 1) * n + k];
        double a = Math.hypot(ar, ai), v = Math.hypot(a, Math.hypot(br, bi));
        if (v == 0) {
            cs[k] = 1;
            sr[k] = si[k] = 0;
        } else if (a == 0) {
            cs[k] = 0;
            sr[k] = 1;
            si[k] = 0;
        } else {
            double pr = ar / a, pi = ai / a;
            cs[k] = a / v;
            sr[k] = (pr * br + pi * bi) / v;
            si[k] = (pi * br - pr * bi) / v;
        }
    }

    /** Rows k, k+1 of T on columns from..to: [x; y] -> [c x + s y; -conj(s) x + c y]. */
    private void rotateRows(int k, double c, double sr, double si, int from, int to) {
        for (int j = from, r0 = k * n, r1 = r0 + n; j <= to; j++) {
            double xr = tr[r0 + j], xi = ti[r0 + j], yr = tr[r1 + j], yi = ti[r1 + j];
            tr[r0 + j] = c * xr + sr * yr - si * yi;
            ti[r0 + j] = c * xi + sr * yi + si * yr;
            tr[r1 + j] = -(sr * xr + si * xi) + c * yr;
            ti[r1 + j] = -(sr * xi - si * xr) + c * yi;
        }
    }

    /** Columns k, k+1 times G^H on rows from..to: [x, y] -> [c x + conj(s) y, -s x + c y]. */
    private void rotateCols(double[] mr, double[] mi, int k, double c, double sr, double si, int from, int to) {
        for (int i = from; i <= to; i++) {
            int p = i * n + k;
            double xr = mr[p], xi = mi[p], yr = mr[p + 1], yi = mi[p + 1];
            mr[p] = c * xr + sr * yr + si * yi;
            mi[p] = c * xi + sr * yi - si * yr;
            mr[p + 1] = -(sr * xr - si * xi) + c * yr;
            mi[p + 1] = -(sr * xi + si * xr) + c * yi;
        }
    }
}
