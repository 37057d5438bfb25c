package soma.linalg;

/**
 * One implicit double-shift QR sweep of {@link RealSchur}: a 3 x 3 Householder reflector creates
 * a "bulge" below the subdiagonal at the top of the active block and successive reflectors
 * chase it down and off the bottom.
 *
 * <p>JAMA's hqr2 inner loop (public domain, NIST/MathWorks; from Martin and Wilkinson and
 * EISPACK), restructured into one method per reflector with branch-free row loops. We tried
 * chasing several bulges per pass (Braman, Byers and Mathias 2002, unblocked), and deferring
 * the column updates of the rows above the bulge to apply them in cache-friendly batches: the
 * eigenvalues agreed to 1e-12 but n = 1000 got at most ~10% faster, not worth the complexity.
 */
final class BulgeChase {
    private BulgeChase() {}

    /** One sweep on rows l..hi starting at m, with JAMA's first reflector (p, q, r). */
    static void single(RealSchur s, int l, int m, int hi, double p, double q, double r) {
        for (int k = m; k <= hi - 1; k++) {
            double x = 1;
            if (k != m) {
                double[] v = fromColumn(s, k, hi);
                if (v == null) continue;
                p = v[0];
                q = v[1];
                r = v[2];
                x = v[3];
            }
            reflect(s, k, l, hi, p, q, r, x, k == m && l != m, k != m);
        }
    }

    /** The bulge in column k-1 as {p, q, r, scale}, scaled; null if it has vanished. */
    private static double[] fromColumn(RealSchur s, int k, int hi) {
        double[] h = s.h;
        int n = s.n;
        double p = h[k * n + k - 1], q = h[(k + 1) * n + k - 1], r = k != hi - 1 ? h[(k + 2) * n + k - 1] : 0;
        double x = Math.abs(p) + Math.abs(q) + Math.abs(r);
        if (x == 0) return null;
        return new double[] {p / x, q / x, r / x, x};
    }

    /**
     * Applies the reflector that maps (p, q, r) (scaled by x) onto a multiple of e1 to rows and
     * columns k..k+2 (k..k+1 at the bottom). {@code negateSub}: JAMA's sign fix when a sweep
     * starts below l; {@code chased}: the bulge came from column k-1, which becomes (-s x, 0, 0).
     */
    private static void reflect(
            RealSchur s,
            int k,
            int l,
            int hi,
            double p,
            double q,
            double r,
            double x,
            boolean negateSub,
            boolean chased) {
        final double[] h = s.h, zt = s.zt;
        final int n = s.n;
        final boolean full = zt != null, notlast = k != hi - 1;
        final int colEnd = full ? n - 1 : hi; // values only: stay inside the active block
        final int rowStart = full ? 0 : l;
        double sg = Math.sqrt(p * p + q * q + r * r);
        if (p < 0) sg = -sg;
        if (sg == 0) return;
        if (chased) {
            h[k * n + k - 1] = -sg * x;
            h[(k + 1) * n + k - 1] = 0; // zero in exact arithmetic; cleared so a following bulge reads no residue
            if (notlast) h[(k + 2) * n + k - 1] = 0;
        } else if (negateSub) {
            h[k * n + k - 1] = -h[k * n + k - 1];
        }
        p += sg;
        double xx = p / sg, y = q / sg, zz = r / sg;
        q /= p;
        r /= p;
        int rk = k * n, rk1 = rk + n, rk2 = rk1 + n;
        if (notlast) { // row modification, split so the loops have no branch and vectorise
            for (int j = k; j <= colEnd; j++) {
                double t = h[rk + j] + q * h[rk1 + j] + r * h[rk2 + j];
                h[rk + j] -= t * xx;
                h[rk1 + j] -= t * y;
                h[rk2 + j] -= t * zz;
            }
        } else {
            for (int j = k; j <= colEnd; j++) {
                double t = h[rk + j] + q * h[rk1 + j];
                h[rk + j] -= t * xx;
                h[rk1 + j] -= t * y;
            }
        }
        int iEnd = Math.min(hi, k + 3);
        for (int i = rowStart; i <= iEnd; i++) { // column modification
            int ri = i * n + k;
            double t = xx * h[ri] + y * h[ri + 1];
            if (notlast) {
                t += zz * h[ri + 2];
                h[ri + 2] -= t * r;
            }
            h[ri] -= t;
            h[ri + 1] -= t * q;
        }
        if (!full) return;
        if (notlast) { // accumulate transformations (rows k..k+2 of Z^T)
            for (int i = 0; i < n; i++) {
                double t = xx * zt[rk + i] + y * zt[rk1 + i] + zz * zt[rk2 + i];
                zt[rk + i] -= t;
                zt[rk1 + i] -= t * q;
                zt[rk2 + i] -= t * r;
            }
        } else {
            for (int i = 0; i < n; i++) {
                double t = xx * zt[rk + i] + y * zt[rk1 + i];
                zt[rk + i] -= t;
                zt[rk1 + i] -= t * q;
            }
        }
    }
}
