package soma.linalg;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import soma.tensor.Shape;
import soma.tensor.Tensor;
import soma.tensor.TensorException;

/**
 * Argument checks and conversions shared by the linear-algebra classes.
 *
 * <p>Every public operation names itself ({@code fn}) in its errors, so a scientist reading
 * "solve: expected a square matrix, got shape (3, 2)" knows which call failed without a stack
 * trace. Matrices are always row-major {@code double[]} (the tensor layout) so no conversion
 * copies more than once.
 */
final class Mats {
    private Mats() {}

    static final double EPS = Math.ulp(1.0);

    /** Throws unless {@code a} is 2-D; returns its shape. */
    static int[] matrix(Tensor a, String fn) {
        if (a.rank() != 2) {
            throw new TensorException(fn + ": expected a matrix (2-D tensor), got shape " + a.shapeString());
        }
        return a.shape();
    }

    /** Throws unless {@code a} is a square matrix; returns its order n. */
    static int square(Tensor a, String fn) {
        int[] s = a.shape();
        if (s.length != 2 || s[0] != s[1]) {
            throw new TensorException(fn + ": expected a square matrix, got shape " + a.shapeString());
        }
        return s[0];
    }

    /** NaN or infinity would make the iterative algorithms loop or return garbage silently. */
    static void requireFinite(Tensor a, String fn) {
        if (!allFinite(a.realData()) || (a.imagData() != null && !allFinite(a.imagData()))) {
            throw new TensorException(fn + ": matrix contains NaN or infinity");
        }
    }

    private static boolean allFinite(double[] d) {
        for (double v : d) if (!Double.isFinite(v)) return false;
        return true;
    }

    /**
     * True when the tensor is real or carries an all-zero imaginary part, so that a real matrix
     * that went through complex arithmetic still takes the (faster, real-valued) real path.
     */
    static boolean isReal(Tensor t) {
        double[] im = t.imagData();
        if (im == null) return true;
        for (double v : im) if (v != 0) return false;
        return true;
    }

    /** The imaginary part, or a zero array for a real tensor (for code that is complex throughout). */
    static double[] imagOrZeros(Tensor t) {
        return t.imagData() != null ? t.imagData() : new double[t.size()];
    }

    /** A fresh EJML matrix holding a copy of the real part (EJML decompositions overwrite input). */
    static DMatrixRMaj toEjml(Tensor t) {
        int[] s = t.shape();
        int rows = s.length == 2 ? s[0] : s.length == 1 ? s[0] : 1;
        int cols = s.length == 2 ? s[1] : 1;
        return DMatrixRMaj.wrap(rows, cols, t.realData().clone());
    }

    /** Wraps an EJML matrix as a 2-D tensor (the matrix's array must be exactly rows*cols long). */
    static Tensor fromEjml(DMatrixRMaj m) {
        double[] d = m.data.length == m.numRows * m.numCols ? m.data : Arrays.copyOf(m.data, m.numRows * m.numCols);
        return new Tensor(new int[] {m.numRows, m.numCols}, d);
    }

    static Tensor real(int[] shape, double[] re) {
        return new Tensor(shape, re);
    }

    /** A complex tensor, or a real one when {@code im} is null. */
    static Tensor complex(int[] shape, double[] re, double[] im) {
        return new Tensor(shape, re, im, false);
    }

    /**
     * A power of two f with max|entry| * f in [1, 2), or 1 for a zero matrix. Scaling by f is
     * exact, and it keeps the QR iterations' products of two entries (shift polynomials) clear
     * of overflow and underflow: unscaled, JAMA's algorithm fails to converge on matrices of
     * size 1e-200 or 1e200. {@code im} may be null.
     */
    static double unitScale(double[] re, double[] im) {
        double max = 0;
        for (double v : re) max = Math.max(max, Math.abs(v));
        if (im != null) for (double v : im) max = Math.max(max, Math.abs(v));
        return max == 0 ? 1 : Math.scalb(1.0, -Math.getExponent(max));
    }

    static void scale(double[] a, double f) {
        for (int i = 0; i < a.length; i++) a[i] *= f;
    }

    /** Row-major transpose of an m x n array. */
    static double[] transpose(double[] a, int m, int n) {
        double[] t = new double[a.length];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) t[j * m + i] = a[i * n + j];
        }
        return t;
    }

    /**
     * The real 2n x 2n matrix [[B, -C], [C, B]] representing B + iC. The map is an algebra
     * homomorphism (products, exponentials and inverses commute with it), and its singular values
     * are those of B + iC, each twice; this lets real-only algorithms handle complex input.
     */
    static double[] embed(double[] re, double[] im, int m, int n) {
        int w = 2 * n;
        double[] e = new double[4 * m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double b = re[i * n + j], c = im == null ? 0 : im[i * n + j];
                e[i * w + j] = b;
                e[i * w + n + j] = -c;
                e[(m + i) * w + j] = c;
                e[(m + i) * w + n + j] = b;
            }
        }
        return e;
    }

    /** Undoes {@link #embed}: reads B and C from the left block column of a 2m x 2n matrix. */
    static Tensor unembed(double[] e, int m, int n) {
        int w = 2 * n;
        double[] re = new double[m * n], im = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                re[i * n + j] = e[i * w + j];
                im[i * n + j] = e[(m + i) * w + j];
            }
        }
        return complex(new int[] {m, n}, re, im);
    }

    static String shape(int... dims) {
        return Shape.toString(dims);
    }
}
