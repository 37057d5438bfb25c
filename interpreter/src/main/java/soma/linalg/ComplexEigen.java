package soma.linalg;

import java.util.Arrays;
import soma.tensor.Tensor;

/**
 * Eigenvalues and eigenvectors of complex matrices (and of complex Hermitian ones for eigh),
 * built on {@link ComplexSchur}: balance, Schur form A = Z T Z^H, eigenvectors of the
 * triangular T by back-substitution, then v = Z x. The same conventions as the real path in
 * {@link Eigen} apply (Schur order, unit 2-norm, largest entry real and positive).
 */
final class ComplexEigen {
    private ComplexEigen() {}

    private static final double EPS = Math.ulp(1.0);

    static Linalg.Eig eig(Tensor a, boolean wantVectors) {
        int n = a.shape()[0];
        double[] ar = a.realData().clone(), ai = Mats.imagOrZeros(a).clone();
        double f = Mats.unitScale(ar, ai); // exact; see Mats.unitScale
        Mats.scale(ar, f);
        Mats.scale(ai, f);
        double[] scale = balance(ar, ai, n);
        ComplexSchur s = new ComplexSchur(ar, ai, n, wantVectors);
        double[] wr = new double[n], wi = new double[n];
        for (int i = 0; i < n; i++) {
            wr[i] = s.tr[i * n + i] / f;
            wi[i] = s.ti[i * n + i] / f;
        }
        Tensor values = Mats.complex(new int[] {n}, wr, wi);
        if (!wantVectors) return new Linalg.Eig(values, null);
        double[][] x = triangularVectors(s);
        Tensor z = Mats.complex(new int[] {n, n}, s.zr, s.zi);
        Tensor v = z.matmul(Mats.complex(new int[] {n, n}, x[0], x[1]));
        double[] vr = v.realData(), vi = v.imagData();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                vr[i * n + j] *= scale[i];
                vi[i * n + j] *= scale[i];
            }
        }
        Eigen.normaliseColumns(vr, vi, n, n);
        return new Linalg.Eig(values, v);
    }

    /**
     * Hermitian A: its Schur form is diagonal, so the Schur vectors are orthonormal
     * eigenvectors and the (real) eigenvalues sit on the diagonal. No balancing here: it would
     * break the unitarity of the eigenvector matrix. Returns values ascending.
     */
    static Linalg.Eig hermitian(Tensor a) {
        int n = a.shape()[0];
        double[] ar = a.realData().clone(), ai = Mats.imagOrZeros(a).clone();
        double f = Mats.unitScale(ar, ai);
        Mats.scale(ar, f);
        Mats.scale(ai, f);
        ComplexSchur s = new ComplexSchur(ar, ai, n, true);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) w[i] = s.tr[i * n + i] / f;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (p, q) -> Double.compare(w[p], w[q]));
        double[] vals = new double[n], vr = new double[n * n], vi = new double[n * n];
        for (int c = 0; c < n; c++) {
            int src = order[c];
            vals[c] = w[src];
            for (int i = 0; i < n; i++) {
                vr[i * n + c] = s.zr[i * n + src];
                vi[i * n + c] = s.zi[i * n + src];
            }
        }
        Eigen.normaliseColumns(vr, vi, n, n);
        return new Linalg.Eig(Tensor.vector(vals), Mats.complex(new int[] {n, n}, vr, vi));
    }

    /**
     * Column k of X solves (T - t_kk I) x = 0 with x_k = 1 and x_i = 0 below k. A divisor
     * t_ii - t_kk that vanishes (repeated eigenvalue) is replaced by a tiny number, as LAPACK's
     * ztrevc does, giving a vector in the right direction rather than a division by zero.
     */
    private static double[][] triangularVectors(ComplexSchur s) {
        int n = s.n;
        double[] tr = s.tr, ti = s.ti, xr = new double[n * n], xi = new double[n * n];
        double norm = 0;
        for (int i = 0; i < n * n; i++) norm = Math.max(norm, Math.abs(tr[i]) + Math.abs(ti[i]));
        double small = Math.max(EPS * norm, Double.MIN_NORMAL);
        double[] br = new double[n], bi = new double[n];
        for (int k = 0; k < n; k++) {
            double kr = tr[k * n + k], ki = ti[k * n + k];
            br[k] = 1;
            bi[k] = 0;
            for (int i = k - 1; i >= 0; i--) {
                double sr = 0, si = 0; // sum_{j=i+1..k} t_ij x_j
                for (int j = i + 1, r = i * n; j <= k; j++) {
                    sr += tr[r + j] * br[j] - ti[r + j] * bi[j];
                    si += tr[r + j] * bi[j] + ti[r + j] * br[j];
                }
                double dr = tr[i * n + i] - kr, di = ti[i * n + i] - ki;
                if (Math.abs(dr) + Math.abs(di) < small) {
                    dr = small;
                    di = 0;
                }
                double den = dr * dr + di * di; // x_i = -s / d
                br[i] = -(sr * dr + si * di) / den;
                bi[i] = -(si * dr - sr * di) / den;
                double m = Math.max(Math.abs(br[i]), Math.abs(bi[i]));
                if ((EPS * m) * m > 1) { // overflow control (JAMA's rule): rescale the partial vector
                    for (int j = i; j <= k; j++) {
                        br[j] /= m;
                        bi[j] /= m;
                    }
                }
            }
            for (int i = 0; i <= k; i++) {
                xr[i * n + k] = br[i];
                xi[i * n + k] = bi[i];
            }
        }
        return new double[][] {xr, xi};
    }

    /** {@link Balance} for complex matrices: the same sweeps with |re| + |im| as the size. */
    private static double[] balance(double[] ar, double[] ai, int n) {
        double[] mag = new double[n * n];
        for (int i = 0; i < n * n; i++) mag[i] = Math.abs(ar[i]) + Math.abs(ai[i]);
        double[] scale = Balance.balance(mag, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double f = scale[j] / scale[i]; // D^-1 A D
                ar[i * n + j] *= f;
                ai[i * n + j] *= f;
            }
        }
        return scale;
    }
}
