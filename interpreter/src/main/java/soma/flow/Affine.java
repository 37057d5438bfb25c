package soma.flow;

import soma.random.Rng;

/**
 * Full affine layer f(z) = A z + m with A = L U: L unit lower triangular, U upper triangular with
 * diagonal exp(s). The LU form makes log|det A| = sum s and the inverse two triangular solves.
 * Layout: [m (d), L below the diagonal (row by row), U above the diagonal (row by row), s (d)].
 */
final class Affine extends Layer {
    Affine(int dim) {
        super(dim);
    }

    @Override
    public String kind() {
        return "affine";
    }

    @Override
    public int paramCount() {
        return dim * (dim + 1);
    }

    @Override
    public void init(double[] theta, Rng rng) {
        for (int k = 0; k < paramCount(); k++) theta[offset + k] = 0;
    }

    private int lower() {
        return offset + dim;
    }

    private int upper() {
        return offset + dim + dim * (dim - 1) / 2;
    }

    private int diag() {
        return offset + dim * dim;
    }

    /** The factors as dense d x d arrays. */
    private double[][] factors(double[] theta) {
        double[] l = new double[dim * dim], u = new double[dim * dim];
        int li = lower(), ui = upper();
        for (int i = 0; i < dim; i++) {
            l[i * dim + i] = 1;
            u[i * dim + i] = Math.exp(theta[diag() + i]);
            for (int j = 0; j < i; j++) l[i * dim + j] = theta[li++];
            for (int j = i + 1; j < dim; j++) u[i * dim + j] = theta[ui++];
        }
        double[] a = new double[dim * dim];
        for (int i = 0; i < dim; i++) {
            for (int k = 0; k <= i; k++) {
                double lik = l[i * dim + k];
                for (int j = k; j < dim; j++) a[i * dim + j] += lik * u[k * dim + j];
            }
        }
        return new double[][] {l, u, a};
    }

    private double logDet(double[] theta) {
        double sum = 0;
        for (int i = 0; i < dim; i++) sum += theta[diag() + i];
        return sum;
    }

    @Override
    public void forward(double[] theta, double[] in, double[] out, double[] logDet, int n, boolean training) {
        double[] a = factors(theta)[2];
        double ld = logDet(theta);
        for (int s = 0; s < n; s++) {
            int row = s * dim;
            for (int i = 0; i < dim; i++) {
                double v = theta[offset + i];
                for (int j = 0; j < dim; j++) v += a[i * dim + j] * in[row + j];
                out[row + i] = v;
            }
            logDet[s] += ld;
        }
    }

    @Override
    public void backward(
            double[] theta,
            double[] in,
            double[] gOut,
            double[] gLogDet,
            double[] gIn,
            double[] gTheta,
            int n,
            boolean training) {
        double[][] f = factors(theta);
        double[] l = f[0], u = f[1], a = f[2];
        double[] gA = new double[dim * dim];
        double gamma = 0;
        for (int s = 0; s < n; s++) {
            int row = s * dim;
            for (int j = 0; j < dim; j++) {
                double v = 0;
                for (int i = 0; i < dim; i++) v += a[i * dim + j] * gOut[row + i];
                gIn[row + j] = v;
            }
            for (int i = 0; i < dim; i++) {
                double g = gOut[row + i];
                gTheta[offset + i] += g;
                for (int j = 0; j < dim; j++) gA[i * dim + j] += g * in[row + j];
            }
            gamma += gLogDet[s];
        }
        // A = L U: dL = gA U^T (strictly lower part), dU = L^T gA (upper part)
        int li = lower(), ui = upper();
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < i; j++) {
                double v = 0;
                for (int k = j; k < dim; k++) v += gA[i * dim + k] * u[j * dim + k];
                gTheta[li++] += v;
            }
            for (int j = i; j < dim; j++) {
                double v = 0;
                for (int k = i; k < dim; k++) v += l[k * dim + i] * gA[k * dim + j];
                if (j == i) gTheta[diag() + i] += v * u[i * dim + i] + gamma;
                else gTheta[ui++] += v;
            }
        }
    }

    @Override
    public void inverse(double[] theta, double[] out, double[] in, double[] logDet, int n) {
        double[][] f = factors(theta);
        double[] l = f[0], u = f[1];
        double ld = logDet(theta);
        double[] y = new double[dim];
        for (int s = 0; s < n; s++) {
            int row = s * dim;
            for (int i = 0; i < dim; i++) {
                double v = out[row + i] - theta[offset + i];
                for (int j = 0; j < i; j++) v -= l[i * dim + j] * y[j];
                y[i] = v;
            }
            for (int i = dim - 1; i >= 0; i--) {
                double v = y[i];
                for (int j = i + 1; j < dim; j++) v -= u[i * dim + j] * in[row + j];
                in[row + i] = v / u[i * dim + i];
            }
            logDet[s] += ld;
        }
    }
}
