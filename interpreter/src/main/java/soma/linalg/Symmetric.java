package soma.linalg;

import java.util.Arrays;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import soma.tensor.Tensor;
import soma.tensor.TensorException;

/**
 * The symmetric (Hermitian) eigenproblem: real eigenvalues in ascending order with orthonormal
 * eigenvectors. Real matrices use EJML's symmetric QR algorithm; complex Hermitian ones the
 * complex Schur form (which is diagonal for them).
 *
 * <p>Unlike numpy, which silently reads one triangle, a matrix that is not symmetric to
 * rounding error is rejected: passing a non-symmetric matrix to eigh is nearly always a
 * mistake, and the answer would be for a different matrix. Within the tolerance the matrix is
 * symmetrised, (A + A^H) / 2, before decomposing.
 */
final class Symmetric {
    private Symmetric() {}

    /** Relative asymmetry allowed: far above rounding (~n eps) and far below modelling intent. */
    static final double TOLERANCE = 1e-10;

    static Linalg.Eig eigh(Tensor a) {
        int n = Mats.square(a, "eigh");
        Mats.requireFinite(a, "eigh");
        Tensor sym = symmetrised(a, "eigh");
        if (!Mats.isReal(sym)) return ComplexEigen.hermitian(sym);
        EigenDecomposition_F64<DMatrixRMaj> dec = DecompositionFactory_DDRM.eig(n, true, true);
        if (!dec.decompose(Mats.toEjml(sym)))
            throw new TensorException("eigh: the eigenvalue iteration did not converge");
        double[] w = new double[n];
        for (int i = 0; i < n; i++) w[i] = dec.getEigenvalue(i).real;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (p, q) -> Double.compare(w[p], w[q]));
        double[] vals = new double[n], v = new double[n * n];
        for (int c = 0; c < n; c++) {
            vals[c] = w[order[c]];
            double[] col = dec.getEigenVector(order[c]).data;
            for (int i = 0; i < n; i++) v[i * n + c] = col[i];
        }
        Eigen.normaliseColumns(v, null, n, n);
        return new Linalg.Eig(Tensor.vector(vals), Mats.real(new int[] {n, n}, v));
    }

    /** (A + A^H) / 2, after checking that A is Hermitian to {@link #TOLERANCE}; fn names the caller. */
    static Tensor symmetrised(Tensor a, String fn) {
        int n = a.shape()[0];
        double[] re = a.realData(), im = Mats.isReal(a) ? null : a.imagData();
        double max = 0, worst = 0;
        for (int i = 0; i < n * n; i++) max = Math.max(max, Math.abs(re[i]) + (im == null ? 0 : Math.abs(im[i])));
        double[] sr = new double[n * n], si = im == null ? null : new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int ij = i * n + j, ji = j * n + i;
                double dr = re[ij] - re[ji], di = im == null ? 0 : im[ij] + im[ji]; // a_ij - conj(a_ji)
                worst = Math.max(worst, Math.hypot(dr, di));
                sr[ij] = (re[ij] + re[ji]) / 2;
                if (si != null) si[ij] = (im[ij] - im[ji]) / 2;
            }
        }
        if (worst > TOLERANCE * max) {
            String what = im == null ? "symmetric" : "Hermitian";
            throw new TensorException(
                    fn + ": matrix is not " + what + " (entries differ from their mirror image by up to "
                            + String.format(Locale.ROOT, "%.3g", worst) + "); use eig for general matrices");
        }
        return Mats.complex(new int[] {n, n}, sr, si);
    }
}
