package soma.linalg;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Comparator;
import soma.random.Rng;
import soma.tensor.Tensor;

/** Helpers shared by the linalg tests: residuals, complex comparisons, test matrices. */
final class Check {
    private Check() {}

    /** max over all entries of |a - b| (moduli for complex). */
    static double maxDiff(Tensor a, Tensor b) {
        assertTrue(Arrays.equals(a.shape(), b.shape()), "shapes " + a.shapeString() + " vs " + b.shapeString());
        double m = 0;
        for (int i = 0; i < a.size(); i++) {
            m = Math.max(m, Math.hypot(a.get(i) - b.get(i), a.getImag(i) - b.getImag(i)));
        }
        return m;
    }

    static void close(Tensor expected, Tensor actual, double tol) {
        double d = maxDiff(expected, actual);
        if (!(d <= tol)) fail("max difference " + d + " > " + tol + "\nexpected " + expected + "\nactual   " + actual);
    }

    /** max_k |A v_k - lambda_k v_k|, the eigen-residual over every pair (complex ones included). */
    static double eigResidual(Tensor a, Linalg.Eig e) {
        Tensor av = a.matmul(e.vectors());
        Tensor vl = e.vectors().mul(e.values()); // broadcasts values along rows: column k times lambda_k
        return maxDiff(av, vl);
    }

    /** Complex values as {re, im} pairs sorted by real part then imaginary part. */
    static double[][] sortedComplex(Tensor values) {
        double[][] v = new double[values.size()][];
        for (int i = 0; i < v.length; i++) v[i] = new double[] {values.get(i), values.getImag(i)};
        Arrays.sort(
                v,
                Comparator.<double[]>comparingDouble(x -> Math.round(x[0] * 1e6) / 1e6)
                        .thenComparingDouble(x -> x[1]));
        return v;
    }

    static void sameSpectrum(double[][] expected, Tensor values, double tol) {
        double[][] got = sortedComplex(values);
        double[][] exp = expected.clone();
        Arrays.sort(
                exp,
                Comparator.<double[]>comparingDouble(x -> Math.round(x[0] * 1e6) / 1e6)
                        .thenComparingDouble(x -> x[1]));
        assertTrue(got.length == exp.length, "count");
        for (int i = 0; i < exp.length; i++) {
            double d = Math.hypot(exp[i][0] - got[i][0], exp[i][1] - got[i][1]);
            if (!(d <= tol))
                fail("eigenvalue " + i + ": expected " + Arrays.toString(exp[i]) + " got " + Arrays.toString(got[i]));
        }
    }

    static Tensor complexRandn(Rng rng, int... shape) {
        Tensor re = rng.randn(shape), im = rng.randn(shape);
        return new Tensor(shape, re.realData(), im.realData(), false);
    }

    /** Conjugate transpose of a matrix. */
    static Tensor h(Tensor a) {
        return a.transpose().conj();
    }

    static Tensor m(double[][] rows) {
        return Tensor.matrix(rows);
    }

    static Tensor c(double[][] re, double[][] im) {
        Tensor r = Tensor.matrix(re), i = Tensor.matrix(im);
        return new Tensor(r.shape(), r.realData(), i.realData(), false);
    }
}
