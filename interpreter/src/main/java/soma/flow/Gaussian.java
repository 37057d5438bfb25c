package soma.flow;

import java.util.ArrayList;
import java.util.List;
import soma.random.Rng;
import soma.runtime.BoundMethods;
import soma.runtime.HasFields;
import soma.runtime.SomaError;
import soma.runtime.SomaValue;
import soma.tensor.Tensor;

/**
 * A Gaussian target N(mean, cov), written {@code gaussian(mean: [4, 4], std: 3)}: what a flow is
 * fitted to before inference. Knows its log-density gradient (for the KL fit) and, for a box, the
 * probability mass and moments of the Gaussian truncated to it.
 */
public final class Gaussian implements SomaValue, HasFields {
    final int dim;
    final double[] mean;
    /** Row-major d x d. */
    final double[] cov;

    private final double[] precision;
    private final BoundMethods methods = new BoundMethods("gaussian", this);

    public Gaussian(double[] mean, double[] cov) {
        this.dim = mean.length;
        this.mean = mean;
        this.cov = cov;
        this.precision = invert(cov, dim);
    }

    /** Gauss-Jordan with partial pivoting; the covariance must be positive definite. */
    private static double[] invert(double[] a, int d) {
        double[] m = a.clone(), inv = new double[d * d];
        for (int i = 0; i < d; i++) inv[i * d + i] = 1;
        for (int c = 0; c < d; c++) {
            int p = c;
            for (int r = c + 1; r < d; r++) if (Math.abs(m[r * d + c]) > Math.abs(m[p * d + c])) p = r;
            if (!(Math.abs(m[p * d + c]) > 1e-300)) throw new SomaError("gaussian: the covariance is singular");
            for (int k = 0; k < d; k++) {
                double t = m[c * d + k];
                m[c * d + k] = m[p * d + k];
                m[p * d + k] = t;
                t = inv[c * d + k];
                inv[c * d + k] = inv[p * d + k];
                inv[p * d + k] = t;
            }
            double piv = m[c * d + c];
            for (int k = 0; k < d; k++) {
                m[c * d + k] /= piv;
                inv[c * d + k] /= piv;
            }
            for (int r = 0; r < d; r++) {
                if (r == c) continue;
                double f = m[r * d + c];
                for (int k = 0; k < d; k++) {
                    m[r * d + k] -= f * m[c * d + k];
                    inv[r * d + k] -= f * inv[c * d + k];
                }
            }
        }
        for (int i = 0; i < d; i++) {
            if (!(cov(a, d, i, i) > 0)) throw new SomaError("gaussian: variances must be positive");
        }
        return inv;
    }

    private static double cov(double[] a, int d, int i, int j) {
        return a[i * d + j];
    }

    boolean diagonal() {
        for (int i = 0; i < dim; i++) for (int j = 0; j < dim; j++) if (i != j && cov[i * dim + j] != 0) return false;
        return true;
    }

    /** log N(z; mean, cov) up to its normalising constant, and adds scale * its gradient into grad. */
    double logDensity(double[] z, int row, double[] grad, double scale) {
        double q = 0;
        for (int i = 0; i < dim; i++) {
            double gi = 0;
            for (int j = 0; j < dim; j++) gi += precision[i * dim + j] * (z[row + j] - mean[j]);
            q += (z[row + i] - mean[i]) * gi;
            if (grad != null) grad[row + i] -= scale * gi;
        }
        return -0.5 * q;
    }

    /** log of the normalising constant: 0.5 log det(2 pi cov), from the Cholesky factor's diagonal. */
    double logNormaliser() {
        double[] l = choleskyLower();
        double logDet = 0;
        for (int i = 0; i < dim; i++) logDet += 2 * Math.log(l[i * dim + i]);
        return 0.5 * (dim * Math.log(2 * Math.PI) + logDet);
    }

    /**
     * Mass, mean and covariance of this Gaussian restricted to the box: exact per coordinate for a
     * diagonal covariance (truncated normal formulas); by 400,000 samples from a fixed-seed
     * generator otherwise.
     */
    double[][] truncated(double[] lo, double[] hi) {
        double[] m = new double[dim], c = new double[dim * dim];
        double mass = 1;
        if (diagonal()) {
            for (int i = 0; i < dim; i++) {
                double sd = Math.sqrt(cov[i * dim + i]);
                double a = (lo[i] - mean[i]) / sd, b = (hi[i] - mean[i]) / sd;
                double z = Normal.cdf(b) - Normal.cdf(a), pa = Normal.pdf(a), pb = Normal.pdf(b);
                double ta = Double.isInfinite(a) ? 0 : a * pa, tb = Double.isInfinite(b) ? 0 : b * pb;
                mass *= z;
                m[i] = mean[i] + sd * (pa - pb) / z;
                double r = (pa - pb) / z;
                c[i * dim + i] = cov[i * dim + i] * (1 + (ta - tb) / z - r * r);
            }
            return new double[][] {{mass}, m, c};
        }
        Rng rng = new Rng(20261126L);
        double[] lower = choleskyLower();
        int total = 400_000, inside = 0;
        double[] x = new double[dim], w = new double[dim];
        for (int s = 0; s < total; s++) {
            for (int j = 0; j < dim; j++) w[j] = rng.nextGaussian();
            boolean in = true;
            for (int i = 0; i < dim; i++) {
                double v = mean[i];
                for (int j = 0; j <= i; j++) v += lower[i * dim + j] * w[j];
                x[i] = v;
                in &= v > lo[i] && v < hi[i];
            }
            if (!in) continue;
            inside++;
            for (int i = 0; i < dim; i++) {
                m[i] += x[i];
                for (int j = 0; j < dim; j++) c[i * dim + j] += x[i] * x[j];
            }
        }
        if (inside < 2) throw new SomaError("gaussian: almost no mass inside the support box");
        for (int i = 0; i < dim; i++) m[i] /= inside;
        for (int i = 0; i < dim; i++)
            for (int j = 0; j < dim; j++) c[i * dim + j] = (c[i * dim + j] - inside * m[i] * m[j]) / (inside - 1);
        return new double[][] {{(double) inside / total}, m, c};
    }

    /** cov = L L^T; an error if cov is not positive definite. */
    private double[] choleskyLower() {
        double[] l = new double[dim * dim];
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j <= i; j++) {
                double s = cov[i * dim + j];
                for (int k = 0; k < j; k++) s -= l[i * dim + k] * l[j * dim + k];
                if (i == j && !(s > 0)) throw new SomaError("gaussian: the covariance is not positive definite");
                l[i * dim + j] = i == j ? Math.sqrt(s) : s / l[j * dim + j];
            }
        }
        return l;
    }

    @Override
    public String show() {
        return "gaussian(mean: " + new Tensor(new int[] {dim}, mean).show() + ", cov: "
                + new Tensor(new int[] {dim, dim}, cov).show() + ")";
    }

    @Override
    public String typeName() {
        return "gaussian";
    }

    @Override
    public Object field(String name) {
        return switch (name) {
            case "mean" -> new Tensor(new int[] {dim}, mean.clone());
            case "cov" -> new Tensor(new int[] {dim, dim}, cov.clone());
            case "std" -> {
                double[] s = new double[dim];
                for (int i = 0; i < dim; i++) s[i] = Math.sqrt(cov[i * dim + i]);
                yield new Tensor(new int[] {dim}, s);
            }
            case "dim" -> (double) dim;
            default -> methods.get(name);
        };
    }

    @Override
    public List<String> fieldNames() {
        List<String> names = new ArrayList<>(List.of("mean", "cov", "std", "dim"));
        names.addAll(methods.names());
        return names;
    }
}
