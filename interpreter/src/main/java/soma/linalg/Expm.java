package soma.linalg;

import soma.tensor.Tensor;

/**
 * The matrix exponential by scaling and squaring with Padé approximants: N. J. Higham, "The
 * scaling and squaring method for the matrix exponential revisited", SIAM J. Matrix Anal.
 * Appl. 26(4), 2005 (Algorithm 2.3; the same method as MATLAB's expm and scipy's, minus the
 * 2009 refinements).
 *
 * <p>Why this method: the degree m in {3, 5, 7, 9, 13} and the number of squarings s are
 * chosen from the 1-norm so the backward error is below unit roundoff, with as few matrix
 * products as possible (at most 6 plus s, and one solve). Taylor series or eigendecomposition
 * would be inaccurate for non-normal matrices, which are the rule for network connectivity.
 *
 * <p>Complex matrices use the real representation [[B, -C], [C, B]] of B + iC, whose
 * exponential represents exp(B + iC); this costs 8x but reuses the real code exactly.
 */
final class Expm {
    private Expm() {}

    /** theta_m: the largest 1-norm for which the degree-m approximant is accurate enough (Table 2.3). */
    private static final double[] THETA = {
        1.495585217958292e-2, 2.539398330063230e-1, 9.504178996162932e-1, 2.097847961257068e0, 5.371920351148152e0
    };

    private static final int[] DEGREE = {3, 5, 7, 9, 13};

    /** Padé coefficients b_0 .. b_m of the [m/m] approximant to exp. */
    private static final double[][] B = {
        {120, 60, 12, 1},
        {30240, 15120, 3360, 420, 30, 1},
        {17297280, 8648640, 1995840, 277200, 25200, 1512, 56, 1},
        {17643225600.0, 8821612800.0, 2075673600, 302702400, 30270240, 2162160, 110880, 3960, 90, 1},
        {
            64764752532480000.0,
            32382376266240000.0,
            7771770303897600.0,
            1187353796428800.0,
            129060195264000.0,
            10559470521600.0,
            670442572800.0,
            33522128640.0,
            1323241920,
            40840800,
            960960,
            16380,
            182,
            1
        }
    };

    static Tensor expm(Tensor a) {
        int n = Mats.square(a, "expm");
        Mats.requireFinite(a, "expm");
        if (n == 0) return a.copy();
        if (!Mats.isReal(a)) {
            double[] e = real(Mats.embed(a.realData(), a.imagData(), n, n), 2 * n);
            return Mats.unembed(e, n, n);
        }
        return Mats.real(new int[] {n, n}, real(a.realData(), n));
    }

    /** exp of a real n x n row-major matrix. */
    static double[] real(double[] a, int n) {
        double norm = oneNorm(a, n);
        for (int i = 0; i < 4; i++) {
            if (norm <= THETA[i]) return pade(a, n, i);
        }
        int s = Math.max(0, (int) Math.ceil(Math.log(norm / THETA[4]) / Math.log(2)));
        double f = Math.scalb(1.0, -s); // exact power-of-two scaling
        double[] scaled = new double[a.length];
        for (int i = 0; i < a.length; i++) scaled[i] = a[i] * f;
        Tensor r = mat(pade(scaled, n, 4), n);
        for (int i = 0; i < s; i++) r = r.matmul(r);
        return r.realData();
    }

    private static double oneNorm(double[] a, int n) {
        double best = 0;
        for (int j = 0; j < n; j++) {
            double c = 0;
            for (int i = 0; i < n; i++) c += Math.abs(a[i * n + j]);
            best = Math.max(best, c);
        }
        return best;
    }

    /**
     * r_m(A) = (V - U)^-1 (V + U), U = A * (odd part), V = even part of the numerator p_m(A).
     * Degree 13 evaluates the polynomials in A^2, A^4, A^6 only (Higham's eq. 2.15), six
     * products in all.
     */
    private static double[] pade(double[] a, int n, int which) {
        double[] b = B[which];
        int m = DEGREE[which];
        Tensor am = mat(a, n), a2 = am.matmul(am);
        double[] u, v;
        if (m == 13) {
            Tensor a4 = a2.matmul(a2), a6 = a4.matmul(a2);
            double[] inner = combine(n, new Tensor[] {a2, a4, a6}, b[9], b[11], b[13], 0);
            double[] ou = combine(n, new Tensor[] {a2, a4, a6}, b[3], b[5], b[7], b[1]);
            add(ou, a6.matmul(mat(inner, n)).realData());
            u = am.matmul(mat(ou, n)).realData();
            double[] innerV = combine(n, new Tensor[] {a2, a4, a6}, b[8], b[10], b[12], 0);
            v = combine(n, new Tensor[] {a2, a4, a6}, b[2], b[4], b[6], b[0]);
            add(v, a6.matmul(mat(innerV, n)).realData());
        } else {
            // Powers A^2, A^4, ..., A^(m-1); U = A sum b_{2k+1} A^{2k}, V = sum b_{2k} A^{2k}.
            Tensor[] pw = new Tensor[(m - 1) / 2];
            pw[0] = a2;
            for (int k = 1; k < pw.length; k++) pw[k] = pw[k - 1].matmul(a2);
            double[] odd = identity(n, b[1]), even = identity(n, b[0]);
            for (int k = 0; k < pw.length; k++) {
                axpy(odd, b[2 * k + 3], pw[k].realData());
                axpy(even, b[2 * k + 2], pw[k].realData());
            }
            u = am.matmul(mat(odd, n)).realData();
            v = even;
        }
        double[] num = v.clone(), den = v.clone();
        for (int i = 0; i < num.length; i++) {
            num[i] += u[i];
            den[i] -= u[i];
        }
        return Solve.solve(mat(den, n), mat(num, n)).realData();
    }

    /** c1 A2 + c2 A4 + c3 A6 + c0 I. */
    private static double[] combine(int n, Tensor[] p, double c1, double c2, double c3, double c0) {
        double[] r = identity(n, c0);
        axpy(r, c1, p[0].realData());
        axpy(r, c2, p[1].realData());
        axpy(r, c3, p[2].realData());
        return r;
    }

    private static double[] identity(int n, double c) {
        double[] r = new double[n * n];
        for (int i = 0; i < n; i++) r[i * n + i] = c;
        return r;
    }

    private static void axpy(double[] y, double c, double[] x) {
        for (int i = 0; i < y.length; i++) y[i] += c * x[i];
    }

    private static void add(double[] y, double[] x) {
        axpy(y, 1, x);
    }

    private static Tensor mat(double[] d, int n) {
        return new Tensor(new int[] {n, n}, d);
    }
}
