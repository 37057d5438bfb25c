package soma.linalg;

import java.util.Locale;
import soma.tensor.Tensor;
import soma.tensor.TensorException;

/**
 * Vector and matrix norms with numpy's {@code ord} names, plus the trace. Complex entries
 * count by modulus. Orders are strings so the Soma builtin can pass "fro", "nuc", "inf" and
 * numbers alike.
 */
final class Norms {
    private Norms() {}

    /**
     * ord null: the 2-norm of all entries (Frobenius for a matrix, any rank). Vectors: "2",
     * "1", "inf", "-inf", "0" (count of non-zeros), "fro" (= "2") or any number p. Matrices:
     * "fro", "nuc", "1", "-1", "2", "-2", "inf", "-inf".
     */
    static double norm(Tensor t, String ord) {
        if (ord == null) return twoNorm(t);
        String o = ord.trim().toLowerCase(Locale.ROOT);
        if (t.rank() <= 1) return vectorNorm(t, o);
        if (t.rank() != 2) {
            throw new TensorException(
                    "norm: order '" + ord + "' needs a vector or a matrix, got shape " + t.shapeString());
        }
        return matrixNorm(t, o, ord);
    }

    private static double vectorNorm(Tensor t, String o) {
        double[] m = moduli(t);
        switch (o) {
            case "2", "fro":
                return twoNorm(t);
            case "1": {
                double s = 0;
                for (double v : m) s += v;
                return s;
            }
            case "inf", "+inf":
                return extreme(m, true);
            case "-inf":
                return extreme(m, false);
            case "0": {
                int c = 0;
                for (double v : m) if (v != 0) c++;
                return c;
            }
            default: {
                double p = parseOrder(o);
                double max = extreme(m, true), s = 0;
                if (max == 0 || Double.isInfinite(max)) return p > 0 ? max : pNormDegenerate(m, p);
                for (double v : m) s += Math.pow(v / max, p); // scaled against overflow
                return max * Math.pow(s, 1 / p);
            }
        }
    }

    /** p <= 0 with a zero or infinite entry: use the unscaled formula (numpy's result). */
    private static double pNormDegenerate(double[] m, double p) {
        double s = 0;
        for (double v : m) s += Math.pow(v, p);
        return Math.pow(s, 1 / p);
    }

    private static double parseOrder(String o) {
        try {
            double p = Double.parseDouble(o);
            if (p != 0 && !Double.isNaN(p)) return p;
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw new TensorException(
                "norm: unknown order '" + o + "' for a vector (use 2, 1, inf, -inf, 0 or a number p)");
    }

    private static double matrixNorm(Tensor t, String o, String ord) {
        int[] s = t.shape();
        int rows = s[0], cols = s[1];
        double[] m = moduli(t);
        switch (o) {
            case "fro":
                return twoNorm(t);
            case "nuc": {
                double sum = 0;
                for (double v : Decompositions.singularValues(t, "norm")) sum += v;
                return sum;
            }
            case "2", "-2": {
                double[] sv = Decompositions.singularValues(t, "norm");
                if (sv.length == 0) return 0;
                return o.equals("2") ? sv[0] : sv[sv.length - 1];
            }
            case "1", "-1": { // column sums
                double[] c = new double[cols];
                for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) c[j] += m[i * cols + j];
                return extreme(c, o.equals("1"));
            }
            case "inf", "+inf", "-inf": { // row sums
                double[] r = new double[rows];
                for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) r[i] += m[i * cols + j];
                return extreme(r, !o.equals("-inf"));
            }
            default:
                throw new TensorException(
                        "norm: unknown order '" + ord + "' for a matrix (use fro, nuc, 1, -1, 2, -2, inf or -inf)");
        }
    }

    /** sqrt(sum |x|^2), scaled by the largest modulus so huge or tiny entries do not over/underflow. */
    private static double twoNorm(Tensor t) {
        double[] m = moduli(t);
        double max = extreme(m, true);
        if (max == 0 || !Double.isFinite(max)) return max;
        double s = 0;
        for (double v : m) {
            double x = v / max;
            s += x * x;
        }
        return max * Math.sqrt(s);
    }

    private static double[] moduli(Tensor t) {
        double[] re = t.realData(), im = t.imagData(), m = new double[re.length];
        for (int i = 0; i < re.length; i++) m[i] = im == null ? Math.abs(re[i]) : Math.hypot(re[i], im[i]);
        return m;
    }

    private static double extreme(double[] v, boolean max) {
        if (v.length == 0) return 0;
        double e = v[0];
        for (double x : v) e = max ? Math.max(e, x) : Math.min(e, x);
        return e;
    }

    /** Sum of the main diagonal of a (possibly rectangular) matrix; complex if the matrix has a non-zero imaginary part. */
    static Tensor trace(Tensor a) {
        int[] s = Mats.matrix(a, "trace");
        int k = Math.min(s[0], s[1]);
        double re = 0, im = 0;
        for (int i = 0; i < k; i++) {
            re += a.get(i * s[1] + i);
            im += a.getImag(i * s[1] + i);
        }
        return Mats.isReal(a) ? Tensor.scalar(re) : Tensor.complexScalar(re, im);
    }
}
