package soma.linalg;

import soma.tensor.Tensor;

/**
 * The non-symmetric eigenproblem A v = lambda v for real matrices: balance, reduce to
 * Hessenberg form, run the Francis QR iteration to real Schur form, back-substitute for the
 * eigenvectors and transform them back (LAPACK dgeev's pipeline, with JAMA-derived kernels).
 *
 * <p>We do not use EJML's eigen decomposition because it returns no eigenvectors for complex
 * eigenvalues, and the complex modes are exactly what a scientist wants from a
 * non-normal recurrent network.
 *
 * <p>Conventions (documented in {@link Linalg#eig}): eigenvalues come in the order the
 * iteration finds them on the Schur diagonal (not sorted), conjugate pairs adjacent with the
 * positive imaginary part first; the values tensor is complex only if some imaginary part is
 * non-zero; each eigenvector has unit 2-norm and its largest-modulus entry real and positive.
 */
final class Eigen {
    private Eigen() {}

    static Linalg.Eig eig(Tensor a) {
        int n = Mats.square(a, "eig");
        Mats.requireFinite(a, "eig");
        if (!Mats.isReal(a)) return ComplexEigen.eig(a, true);
        double[] h = a.realData().clone();
        double f = Mats.unitScale(h, null);
        Mats.scale(h, f); // eigenvalues scale with A, eigenvectors do not
        double[] scale = Balance.balance(h, n);
        double[] z = new double[n * n];
        Hessenberg.reduce(h, n, z);
        RealSchur s = RealSchur.compute(h, n, z);
        double[] x = SchurVectors.backSubstitute(s);
        // Eigenvectors of the balanced matrix are Z X; the fast matrix product does the O(n^3) work.
        double[] v = new Tensor(new int[] {n, n}, z)
                .matmul(new Tensor(new int[] {n, n}, x))
                .realData();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) v[i * n + j] *= scale[i];
        }
        Mats.scale(s.re, 1 / f);
        Mats.scale(s.im, 1 / f);
        return new Linalg.Eig(values(s.re, s.im), vectors(v, s.im, n));
    }

    static Tensor eigvals(Tensor a) {
        int n = Mats.square(a, "eigvals");
        Mats.requireFinite(a, "eigvals");
        if (!Mats.isReal(a)) return ComplexEigen.eig(a, false).values();
        double[] h = a.realData().clone();
        double f = Mats.unitScale(h, null);
        Mats.scale(h, f);
        Balance.balance(h, n);
        Hessenberg.reduce(h, n, null);
        RealSchur s = RealSchur.compute(h, n, null);
        Mats.scale(s.re, 1 / f);
        Mats.scale(s.im, 1 / f);
        return values(s.re, s.im);
    }

    /** A real tensor when every imaginary part is exactly zero, else a complex one. */
    static Tensor values(double[] re, double[] im) {
        boolean complex = false;
        for (double v : im) complex |= v != 0;
        return Mats.complex(new int[] {re.length}, re, complex ? im : null);
    }

    /** Expands JAMA's packed pair columns into complex columns, then normalises each one. */
    private static Tensor vectors(double[] v, double[] im, int n) {
        boolean complex = false;
        for (double e : im) complex |= e != 0;
        double[] vr = v.clone(), vi = complex ? new double[n * n] : null;
        if (complex) {
            for (int c = 0; c < n; c++) {
                if (im[c] <= 0) continue; // real, or the second of a pair (filled with the first)
                for (int i = 0; i < n; i++) {
                    double re = v[i * n + c], ip = v[i * n + c + 1];
                    vr[i * n + c] = re;
                    vi[i * n + c] = ip;
                    vr[i * n + c + 1] = re;
                    vi[i * n + c + 1] = -ip;
                }
                c++;
            }
        }
        normaliseColumns(vr, vi, n, n);
        return Mats.complex(new int[] {n, n}, vr, vi);
    }

    /**
     * Scales each column to unit 2-norm and rotates its phase so the entry of largest modulus is
     * real and positive (LAPACK makes it real; positive also fixes the sign of real vectors, so
     * results do not flip between runs or platforms). {@code vi} may be null (real columns).
     */
    static void normaliseColumns(double[] vr, double[] vi, int rows, int cols) {
        for (int c = 0; c < cols; c++) {
            double ss = 0, best = -1;
            int k = 0;
            for (int i = 0; i < rows; i++) {
                double r = vr[i * cols + c], m = vi == null ? r * r : r * r + vi[i * cols + c] * vi[i * cols + c];
                ss += m;
                if (m > best * (1 + 1e-12)) { // ties (conjugate pairs, symmetric vectors) keep the first index
                    best = m;
                    k = i;
                }
            }
            if (ss == 0) continue;
            double norm = Math.sqrt(ss), mk = Math.sqrt(best);
            double pr = vr[k * cols + c] / mk, pi = vi == null ? 0 : -vi[k * cols + c] / mk; // conj phase of v_k
            for (int i = 0; i < rows; i++) {
                int idx = i * cols + c;
                double r = vr[idx], im = vi == null ? 0 : vi[idx];
                vr[idx] = (r * pr - im * pi) / norm;
                if (vi != null) vi[idx] = (r * pi + im * pr) / norm;
            }
            if (vi != null) vi[k * cols + c] = 0; // exactly real, not 1e-17
        }
    }
}
