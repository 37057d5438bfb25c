package soma.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.lu.LUDecompositionAlt_DDRM;
import org.ejml.dense.row.linsol.lu.LinearSolverLu_DDRM;
import soma.tensor.Tensor;
import soma.tensor.TensorException;

/**
 * Linear systems, inverses and determinants through an LU factorisation: EJML's for real
 * matrices, {@link ComplexLu} for complex ones. A real matrix with a complex right-hand side is
 * solved as two real systems sharing one factorisation.
 *
 * <p>A matrix counts as singular when a pivot is exactly zero, as in LAPACK and numpy. A
 * nearly singular matrix (say [[1, 2, 3], [4, 5, 6], [7, 8, 9]] in floating point) is solved
 * and gives huge values; check {@code cond}-like quantities (e.g. the singular values) when
 * that matters.
 */
final class Solve {
    private Solve() {}

    /** A real LU factorisation plus the facts we read off it. */
    private record RealLu(LinearSolverLu_DDRM solver, double[] lu, int n, boolean oddPermutation) {
        boolean singular() {
            for (int i = 0; i < n; i++) if (lu[i * n + i] == 0) return true;
            return false;
        }
    }

    private static RealLu realLu(Tensor a) {
        int n = a.shape()[0];
        LUDecompositionAlt_DDRM lu = new LUDecompositionAlt_DDRM();
        LinearSolverLu_DDRM solver = new LinearSolverLu_DDRM(lu);
        solver.setA(Mats.toEjml(a));
        return new RealLu(solver, lu.getLU().data, n, isOdd(lu.getPivot(), n));
    }

    /** Parity of a permutation from its cycle decomposition (a k-cycle is k-1 swaps). */
    private static boolean isOdd(int[] perm, int n) {
        boolean[] seen = new boolean[n];
        boolean odd = false;
        for (int i = 0; i < n; i++) {
            if (seen[i]) continue;
            int len = 0;
            for (int j = i; !seen[j]; j = perm[j]) {
                seen[j] = true;
                len++;
            }
            if (len % 2 == 0) odd = !odd;
        }
        return odd;
    }

    static Tensor solve(Tensor a, Tensor b) {
        int n = Mats.square(a, "solve");
        int[] bs = b.shape();
        if ((bs.length != 1 && bs.length != 2) || bs[0] != n) {
            throw new TensorException("solve: shapes " + a.shapeString() + " and " + b.shapeString()
                    + " do not match (b must have " + n + " rows)");
        }
        Mats.requireFinite(a, "solve");
        int k = bs.length == 1 ? 1 : bs[1];
        double[][] x = solveArrays(a, b.realData(), Mats.isReal(b) ? null : b.imagData(), n, k, "solve");
        return Mats.complex(bs, x[0], x[1]);
    }

    static Tensor inv(Tensor a) {
        int n = Mats.square(a, "inv");
        Mats.requireFinite(a, "inv");
        double[] eye = Tensor.eye(n).realData();
        double[][] x = solveArrays(a, eye, null, n, n, "inv");
        return Mats.complex(new int[] {n, n}, x[0], x[1]);
    }

    /** X = A^-1 B; returns {re, im} with im null when everything is real. */
    private static double[][] solveArrays(Tensor a, double[] br, double[] bi, int n, int k, String fn) {
        if (!Mats.isReal(a)) {
            ComplexLu lu = ComplexLu.factor(a.realData(), a.imagData(), n);
            if (lu.isSingular()) throw new TensorException(fn + ": matrix is singular");
            return lu.solve(br, bi, k);
        }
        RealLu lu = realLu(a);
        if (lu.singular()) throw new TensorException(fn + ": matrix is singular");
        double[] xr = solveReal(lu, br, n, k);
        return new double[][] {xr, bi == null ? null : solveReal(lu, bi, n, k)};
    }

    private static double[] solveReal(RealLu lu, double[] b, int n, int k) {
        DMatrixRMaj x = new DMatrixRMaj(n, k);
        lu.solver().solve(DMatrixRMaj.wrap(n, k, b.clone()), x);
        return x.data;
    }

    /** Determinant as a rank-0 tensor: real for real input, complex otherwise. */
    static Tensor det(Tensor a) {
        int n = Mats.square(a, "det");
        Mats.requireFinite(a, "det");
        if (!Mats.isReal(a)) {
            double[] d = ComplexLu.factor(a.realData(), a.imagData(), n).det();
            return Tensor.complexScalar(d[0], d[1]);
        }
        RealLu lu = realLu(a);
        double d = lu.oddPermutation() ? -1 : 1;
        for (int i = 0; i < n; i++) d *= lu.lu()[i * n + i];
        return Tensor.scalar(d);
    }

    /** {sign re, sign im (NaN when real), log|det|}. */
    static double[] slogdet(Tensor a) {
        int n = Mats.square(a, "slogdet");
        Mats.requireFinite(a, "slogdet");
        if (!Mats.isReal(a))
            return ComplexLu.factor(a.realData(), a.imagData(), n).slogdet();
        RealLu lu = realLu(a);
        double sign = lu.oddPermutation() ? -1 : 1, log = 0;
        for (int i = 0; i < n; i++) {
            double u = lu.lu()[i * n + i];
            if (u == 0) return new double[] {0, Double.NaN, Double.NEGATIVE_INFINITY};
            if (u < 0) sign = -sign;
            log += Math.log(Math.abs(u));
        }
        return new double[] {sign, Double.NaN, log};
    }
}
