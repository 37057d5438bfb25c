package soma.linalg;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import soma.tensor.Tensor;
import soma.tensor.TensorException;

/**
 * SVD, QR, Cholesky, least squares and rank, as thin wrappers over EJML's real decompositions.
 * Complex matrices are supported where a real algorithm can do the work through the real
 * representation [[B, -C], [C, B]] of B + iC (singular values, rank); the factorisations
 * themselves (U, Q, L) are real-only for now.
 */
final class Decompositions {
    private Decompositions() {}

    static Linalg.Svd svd(Tensor a, boolean full) {
        int[] s = Mats.matrix(a, "svd");
        requireReal(a, "svd");
        Mats.requireFinite(a, "svd");
        int m = s[0], n = s[1], k = Math.min(m, n);
        SingularValueDecomposition_F64<DMatrixRMaj> dec = DecompositionFactory_DDRM.svd(m, n, true, true, !full);
        if (!dec.decompose(Mats.toEjml(a))) throw new TensorException("svd: the iteration did not converge");
        DMatrixRMaj u = dec.getU(null, false), w = dec.getW(null), v = dec.getV(null, false);
        SingularOps_DDRM.descendingOrder(u, false, w, v, false); // EJML leaves them unsorted
        double[] sv = new double[k];
        for (int i = 0; i < k; i++) sv[i] = w.get(i, i);
        return new Linalg.Svd(Mats.fromEjml(u), Tensor.vector(sv), Mats.fromEjml(CommonOps_DDRM.transpose(v, null)));
    }

    /** Singular values, descending; complex matrices through the real representation. */
    static double[] singularValues(Tensor a, String fn) {
        int[] s = Mats.matrix(a, fn);
        Mats.requireFinite(a, fn);
        int m = s[0], n = s[1];
        if (m == 0 || n == 0) return new double[0];
        if (Mats.isReal(a)) return sortedDescending(SingularOps_DDRM.singularValues(Mats.toEjml(a)));
        double[] twice = sortedDescending(SingularOps_DDRM.singularValues(
                DMatrixRMaj.wrap(2 * m, 2 * n, Mats.embed(a.realData(), a.imagData(), m, n))));
        double[] once = new double[Math.min(m, n)]; // each value of B + iC appears twice
        for (int i = 0; i < once.length; i++) once[i] = twice[2 * i];
        return once;
    }

    private static double[] sortedDescending(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        for (int i = 0, j = c.length - 1; i < j; i++, j--) {
            double t = c[i];
            c[i] = c[j];
            c[j] = t;
        }
        return c;
    }

    /** Reduced QR: Q (m x k) with orthonormal columns, R (k x n) upper triangular, k = min(m, n). */
    static Linalg.Qr qr(Tensor a) {
        int[] s = Mats.matrix(a, "qr");
        requireReal(a, "qr");
        Mats.requireFinite(a, "qr");
        QRDecomposition<DMatrixRMaj> dec = DecompositionFactory_DDRM.qr(s[0], s[1]);
        if (!dec.decompose(Mats.toEjml(a))) throw new TensorException("qr: decomposition failed");
        return new Linalg.Qr(Mats.fromEjml(dec.getQ(null, true)), Mats.fromEjml(dec.getR(null, true)));
    }

    /** Lower-triangular L with A = L L^T, for symmetric positive definite A. */
    static Tensor cholesky(Tensor a) {
        int n = Mats.square(a, "cholesky");
        requireReal(a, "cholesky");
        Mats.requireFinite(a, "cholesky");
        Tensor sym = Symmetric.symmetrised(a, "cholesky");
        CholeskyDecomposition_F64<DMatrixRMaj> dec = DecompositionFactory_DDRM.chol(n, true);
        if (!dec.decompose(Mats.toEjml(sym))) throw new TensorException("cholesky: matrix is not positive definite");
        DMatrixRMaj l = dec.getT(null);
        for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) l.set(i, j, 0);
        return Mats.fromEjml(l);
    }

    /**
     * Minimum-norm least-squares solution of A x = b through the SVD (numpy lstsq): singular
     * values below eps * max(m, n) * s_max count as zero, so rank-deficient systems work.
     */
    static Tensor lstsq(Tensor a, Tensor b) {
        int[] s = Mats.matrix(a, "lstsq");
        int[] bs = b.shape();
        if ((bs.length != 1 && bs.length != 2) || bs[0] != s[0]) {
            throw new TensorException("lstsq: shapes " + a.shapeString() + " and " + b.shapeString()
                    + " do not match (b must have " + s[0] + " rows)");
        }
        requireReal(a, "lstsq");
        requireReal(b, "lstsq");
        int m = s[0], n = s[1], k = Math.min(m, n), cols = bs.length == 1 ? 1 : bs[1];
        Linalg.Svd svd = svd(a, false);
        double[] u = svd.u().realData(), sv = svd.s().realData(), vt = svd.vt().realData(), bd = b.realData();
        double cutoff = k == 0 ? 0 : sv[0] * Math.max(m, n) * Mats.EPS;
        double[] y = new double[k * cols]; // y = diag(1/s) U^T b
        for (int i = 0; i < k; i++) {
            if (!(sv[i] > cutoff)) continue;
            for (int r = 0; r < m; r++) {
                double uri = u[r * k + i] / sv[i];
                for (int c = 0; c < cols; c++) y[i * cols + c] += uri * bd[r * cols + c];
            }
        }
        double[] x = new double[n * cols]; // x = V y
        for (int i = 0; i < k; i++) {
            for (int r = 0; r < n; r++) {
                double v = vt[i * n + r];
                for (int c = 0; c < cols; c++) x[r * cols + c] += v * y[i * cols + c];
            }
        }
        return Mats.real(bs.length == 1 ? new int[] {n} : new int[] {n, cols}, x);
    }

    /** numpy matrix_rank: singular values above s_max * max(m, n) * eps; a vector has rank 0 or 1. */
    static int matrixRank(Tensor a) {
        if (a.rank() < 2) {
            for (int i = 0; i < a.size(); i++) if (a.get(i) != 0 || a.getImag(i) != 0) return 1;
            return 0;
        }
        int[] s = Mats.matrix(a, "matrix_rank");
        double[] sv = singularValues(a, "matrix_rank");
        if (sv.length == 0) return 0;
        double tol = sv[0] * Math.max(s[0], s[1]) * Mats.EPS;
        int r = 0;
        for (double v : sv) if (v > tol) r++;
        return r;
    }

    static void requireReal(Tensor t, String fn) {
        if (!Mats.isReal(t)) throw new TensorException(fn + ": complex matrices are not supported yet");
    }
}
